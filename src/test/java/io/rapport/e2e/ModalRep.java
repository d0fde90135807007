package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.RapportUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rep in front of Slack, for end-to-end tests: reads the messages and modals Rapport sent to the
 * fake Slack, and clicks, types, chooses and ticks through signed HTTP requests, exactly as Slack
 * would send them (a modal's state carries what is shown, initial values included). Every click,
 * selection and field typed into is counted in {@link #interactions()}. A field that is not on the
 * current screen cannot be typed into: the test fails, so "reachable" is checked, not assumed.
 */
final class ModalRep {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger VIEW_IDS = new AtomicInteger();

  private final RapportUnderTest rapport;
  private final String userId;
  private int interactions;
  private JsonNode view;
  private String viewId;
  private final Map<String, ObjectNode> state = new LinkedHashMap<>();

  ModalRep(RapportUnderTest rapport, String userId) {
    this.rapport = rapport;
    this.userId = userId;
  }

  int interactions() {
    return interactions;
  }

  void resetCount() {
    interactions = 0;
  }

  String userId() {
    return userId;
  }

  /** The modal on screen, or null when it closed. */
  JsonNode view() {
    return view;
  }

  FakeSlack fake() {
    return rapport.fake();
  }

  /** The latest message Rapport posted to this rep's DM (the prompt, or an answer). */
  FakeSlack.Call latestDm() {
    List<FakeSlack.Call> posts = fake().calls("chat.postMessage").stream()
        .filter(c -> ("D" + userId).equals(c.param("channel")) || userId.equals(c.param("channel"))).toList();
    assertThat(posts).as("a DM to %s", userId).isNotEmpty();
    return posts.get(posts.size() - 1);
  }

  /** Clicks a button of a message (the weekly prompt): one interaction. */
  HttpResponse<String> clickInMessage(String actionId, String value, String channel, String ts) {
    interactions++;
    ObjectNode container = JSON.createObjectNode().put("type", "message").put("channel_id", channel)
        .put("message_ts", ts);
    HttpResponse<String> r = rapport.slack().blockAction(userId, actionId, value, container);
    assertThat(r.statusCode()).isEqualTo(200);
    return r;
  }

  /** Presses a message's Check in button for {@code accountId}; the modal opens. One interaction. */
  void openFromMessage(String accountId, String channel, String ts) {
    int before = fake().calls("views.open").size();
    clickInMessage("checkin.open", accountId, channel, ts);
    show(fake().awaitCalls("views.open", before + 1, Duration.ofSeconds(10)).get(before).jsonParam("view"));
    viewId = "VREP" + VIEW_IDS.incrementAndGet();
  }

  /** Types {@code text} into the input block {@code block}: one interaction. */
  void type(String block, String text) {
    ObjectNode element = element(block);
    interactions++;
    ObjectNode v = JSON.createObjectNode().put("type", element.path("type").asText()).put("value", text);
    state.put(block, v);
  }

  /** Chooses {@code value} in a select or radio block: one interaction. */
  void choose(String block, String value) {
    ObjectNode element = element(block);
    JsonNode option = null;
    for (JsonNode o : element.path("options")) {
      if (o.path("value").asText().equals(value)) {
        option = o;
      }
    }
    assertThat(option).as("option %s of %s on screen", value, block).isNotNull();
    interactions++;
    ObjectNode v = JSON.createObjectNode().put("type", element.path("type").asText());
    v.set("selected_option", option.deepCopy());
    state.put(block, v);
  }

  /** Ticks an item of the events list: one interaction; its follow-up (if any) appears. */
  void tick(String value) {
    ObjectNode element = element("events");
    ObjectNode v = state.get("events");
    ArrayNode selected = v.withArray("selected_options");
    for (JsonNode o : element.path("options")) {
      if (o.path("value").asText().equals(value)) {
        selected.add(o.deepCopy());
      }
    }
    interactions++;
    ObjectNode action = JSON.createObjectNode().put("action_id", "checkin.events").put("block_id", "events")
        .put("type", "checkboxes");
    action.set("selected_options", selected.deepCopy());
    actInModal(action);
  }

  /** Clicks a button inside the modal ("More details", "Nothing to report for this account"). */
  void click(String actionId) {
    JsonNode button = null;
    for (JsonNode block : view.path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().equals(actionId)) {
          button = e;
        }
      }
    }
    assertThat(button).as("button %s on screen", actionId).isNotNull();
    interactions++;
    ObjectNode action = JSON.createObjectNode().put("action_id", actionId).put("block_id", "checkin_actions")
        .put("type", "button").put("value", button.path("value").asText());
    actInModal(action);
  }

  /** Presses the modal's submit button; returns Slack's view of the answer (the ack body). */
  JsonNode submit() throws Exception {
    interactions++;
    HttpResponse<String> r = rapport.slack().viewSubmission(userId, view.path("callback_id").asText(), viewId,
        view.path("private_metadata").asText(), values());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode ack = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    switch (ack.path("response_action").asText()) {
      case "errors" -> throw new AssertionError("the modal refused the answers: " + ack.path("errors"));
      case "update" -> show(ack.path("view"));
      default -> view = null;
    }
    return ack;
  }

  /** Whether {@code block} is an input on the current screen. */
  boolean shows(String block) {
    return inputBlock(block) != null;
  }

  /** The input block ids on the current screen. */
  List<String> inputs() {
    List<String> ids = new ArrayList<>();
    for (JsonNode b : view.path("blocks")) {
      if (b.path("type").asText().equals("input")) {
        ids.add(b.path("block_id").asText());
      }
    }
    return ids;
  }

  private void actInModal(ObjectNode action) {
    int before = updatesOfThisView();
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", FakeSlack.TEAM_ID);
    payload.putObject("team").put("id", FakeSlack.TEAM_ID).put("domain", "rapport-test");
    payload.put("api_app_id", "ARAPPORT").put("token", "legacy-verification-token")
        .put("trigger_id", "trigger-modal-" + VIEW_IDS.incrementAndGet());
    payload.putObject("container").put("type", "view").put("view_id", viewId);
    ObjectNode v = payload.putObject("view");
    v.put("id", viewId).put("team_id", FakeSlack.TEAM_ID).put("type", "modal")
        .put("callback_id", view.path("callback_id").asText())
        .put("private_metadata", view.path("private_metadata").asText()).put("hash", "h-" + viewId)
        .put("app_id", "ARAPPORT").put("bot_id", "BRAPPORT");
    v.putObject("state").set("values", values());
    // Every press is a new press: Slack gives each its own action_ts (a repeat is refused).
    action.put("action_ts", "1700000000." + String.format("%06d", VIEW_IDS.incrementAndGet()));
    payload.putArray("actions").add(action);
    assertThat(rapport.slack().payload(payload).statusCode()).isEqualTo(200);
    FakeSlack.awaitTrue(() -> updatesOfThisView() > before, Duration.ofSeconds(10),
        "views.update of " + viewId + " after " + action.path("action_id").asText());
    List<FakeSlack.Call> updates = fake().calls("views.update").stream()
        .filter(c -> viewId.equals(c.param("view_id"))).toList();
    show(updates.get(updates.size() - 1).jsonParam("view"));
  }

  private int updatesOfThisView() {
    return (int) fake().calls("views.update").stream().filter(c -> viewId.equals(c.param("view_id"))).count();
  }

  /** Shows {@code v}; its state is what Slack would send: the initial values of its inputs. */
  private void show(JsonNode v) {
    view = v;
    state.clear();
    for (JsonNode b : v.path("blocks")) {
      if (!b.path("type").asText().equals("input")) {
        continue;
      }
      JsonNode e = b.path("element");
      ObjectNode value = JSON.createObjectNode().put("type", e.path("type").asText());
      switch (e.path("type").asText()) {
        case "static_select", "radio_buttons" -> {
          if (e.has("initial_option")) {
            value.set("selected_option", e.path("initial_option").deepCopy());
          } else {
            value.putNull("selected_option");
          }
        }
        case "checkboxes" -> {
          ArrayNode selected = value.putArray("selected_options");
          e.path("initial_options").forEach(o -> selected.add(o.deepCopy()));
        }
        default -> {
          if (e.has("initial_value")) {
            value.put("value", e.path("initial_value").asText());
          } else {
            value.putNull("value");
          }
        }
      }
      state.put(b.path("block_id").asText(), value);
    }
  }

  private ObjectNode values() {
    ObjectNode values = JSON.createObjectNode();
    for (JsonNode b : view.path("blocks")) {
      if (b.path("type").asText().equals("input")) {
        String block = b.path("block_id").asText();
        values.putObject(block).set(b.path("element").path("action_id").asText(), state.get(block));
      }
    }
    return values;
  }

  private JsonNode inputBlock(String block) {
    if (view == null) {
      return null;
    }
    for (JsonNode b : view.path("blocks")) {
      if (b.path("type").asText().equals("input") && b.path("block_id").asText().equals(block)) {
        return b;
      }
    }
    return null;
  }

  private ObjectNode element(String block) {
    JsonNode b = inputBlock(block);
    assertThat(b).as("input %s on the screen (shown: %s)", block, view == null ? "no modal" : inputs()).isNotNull();
    return (ObjectNode) b.path("element");
  }
}
