package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.RapportUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new admin's App Home shows the setup checklist; each step's button opens a modal that does the
 * step; once everything is set up the checklist gives way to the normal Home tab.
 */
class AdminSetupChecklistTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = RapportUnderTest.ADMIN;
  static final String MANAGER = "UMGRSET1";
  static final String REP = "UREPSET1";
  final AtomicInteger events = new AtomicInteger();
  RapportUnderTest rapport;

  @BeforeEach
  void start() throws Exception {
    rapport = RapportUnderTest.start();
    for (String u : List.of(ADMIN, MANAGER, REP)) {
      rapport.fake().userTimeZone(u, "UTC");
    }
  }

  @AfterEach
  void stop() throws Exception {
    rapport.close();
  }

  /** Opens App Home as {@code user} and returns the published view's blocks as text. */
  String home(String user) throws Exception {
    int before = publishes(user).size();
    rapport.slack().appHomeOpened(user, "Ev" + events.incrementAndGet());
    FakeSlack.awaitTrue(() -> publishes(user).size() > before, Duration.ofSeconds(10), "views.publish for " + user);
    return lastPublished(user);
  }

  List<FakeSlack.Call> publishes(String user) {
    return rapport.fake().calls("views.publish").stream().filter(c -> user.equals(c.param("user_id"))).toList();
  }

  String lastPublished(String user) {
    List<FakeSlack.Call> p = publishes(user);
    return p.get(p.size() - 1).jsonParam("view").path("blocks").toString();
  }

  /** Presses a checklist button and returns the modal Rapport opened. */
  JsonNode press(String step) {
    int before = rapport.fake().calls("views.open").size();
    rapport.slack().blockAction(ADMIN, "setup." + step, step, null);
    FakeSlack.awaitTrue(() -> rapport.fake().calls("views.open").size() > before, Duration.ofSeconds(10), "views.open");
    return rapport.fake().calls("views.open").get(before).jsonParam("view");
  }

  /** Submits a step's modal and returns what Rapport told the admin in their DM. */
  String submit(JsonNode modal, ObjectNode values) throws Exception {
    int told = told().size();
    int published = publishes(ADMIN).size();
    assertThat(rapport.slack().viewSubmission(ADMIN, modal.path("callback_id").asText(), "V1",
        modal.path("private_metadata").asText(), values).statusCode()).isEqualTo(200);
    FakeSlack.awaitTrue(() -> told().size() > told && publishes(ADMIN).size() > published,
        Duration.ofSeconds(10), "the admin told and Home refreshed");
    return told().get(told().size() - 1).param("text");
  }

  List<FakeSlack.Call> told() {
    return rapport.fake().calls("chat.postMessage").stream().filter(c -> ADMIN.equals(c.param("channel"))).toList();
  }

  static ObjectNode values() {
    return JSON.createObjectNode();
  }

  static ObjectNode put(ObjectNode values, String block, ObjectNode value) {
    values.putObject(block).set("input", value);
    return values;
  }

  static ObjectNode text(String v) {
    return JSON.createObjectNode().put("type", "plain_text_input").put("value", v);
  }

  static ObjectNode option(String v) {
    ObjectNode o = JSON.createObjectNode().put("type", "static_select");
    o.putObject("selected_option").put("value", v).putObject("text").put("type", "plain_text").put("text", v);
    return o;
  }

  static ObjectNode user(String u) {
    return JSON.createObjectNode().put("type", "users_select").put("selected_user", u);
  }

  String teamIdIn(JsonNode modal) {
    for (JsonNode b : modal.path("blocks")) {
      if ("team".equals(b.path("block_id").asText())) {
        return b.path("element").path("options").get(0).path("value").asText();
      }
    }
    throw new AssertionError("no team select in " + modal);
  }

  @Test
  void theChecklistAppearsForANewAdminAndGivesWayOnceSetupIsDone() throws Exception {
    String first = home(ADMIN);
    assertThat(first).contains("Set up Rapport").contains("6 of 6 steps left").contains("1. Create a team")
        .contains("setup.TEAM").doesNotContain("setup.MANAGER"); // no team yet: nothing to pick
    assertThat(home(REP)).doesNotContain("Set up Rapport");

    JsonNode modal = press("TEAM");
    assertThat(modal.path("callback_id").asText()).isEqualTo("setup.submit");
    assertThat(submit(modal, put(values(), "value", text("Sales North")))).contains("Created team *Sales North*");
    assertThat(lastPublished(ADMIN)).contains("Teams: *Sales North*").contains("No manager yet: *Sales North*")
        .contains("setup.MANAGER").contains("4 of 6 steps left"); // a team (with the default schedule)

    modal = press("MANAGER");
    String team = teamIdIn(modal);
    assertThat(submit(modal, put(put(values(), "team", option(team)), "value", user(MANAGER))))
        .contains("<@" + MANAGER + "> now manages *Sales North*");

    modal = press("MEMBERS");
    ObjectNode reps = JSON.createObjectNode().put("type", "multi_users_select");
    reps.putArray("selected_users").add(REP);
    assertThat(submit(modal, put(put(values(), "team", option(team)), "value", reps)))
        .contains("Added <@" + REP + "> to *Sales North*");

    modal = press("CHANNEL");
    ObjectNode channel = JSON.createObjectNode().put("type", "conversations_select").put("selected_conversation", "CNORTH");
    assertThat(submit(modal, put(put(values(), "team", option(team)), "value", channel)))
        .contains("Flags for *Sales North* go to <#CNORTH>").contains("public channel");

    modal = press("SCHEDULE");
    ObjectNode time = JSON.createObjectNode().put("type", "timepicker").put("selected_time", "09:30");
    assertThat(submit(modal, put(put(put(values(), "team", option(team)), "value", option("tue")), "second", time)))
        .contains("every Tue 09:30");
    assertThat(lastPublished(ADMIN)).contains("Set up Rapport").contains("1 of 6 steps left")
        .contains("No key accounts yet: *Sales North*");

    modal = press("KEY_ACCOUNTS");
    assertThat(submit(modal, put(put(values(), "value", text("Acme Pty Ltd")), "second", user(REP))))
        .contains("Added *Acme Pty Ltd*");

    String done = lastPublished(ADMIN);
    assertThat(done).doesNotContain("Set up Rapport").doesNotContain("setup.");
    assertThat(home(ADMIN)).doesNotContain("Set up Rapport").contains("Your accounts");
  }

  @Test
  void aFormLeftEmptyIsAnsweredInTheModalAndChangesNothing() throws Exception {
    JsonNode modal = press("TEAM");
    var r = rapport.slack().viewSubmission(ADMIN, "setup.submit", "V1", modal.path("private_metadata").asText(),
        put(values(), "value", text("  ")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"response_action\":\"errors\"").contains("This is needed");
    assertThat(rapport.rapport().foundation().store().teams().all(FakeSlack.TEAM_ID)).isEmpty();
  }

  @Test
  void aSetupButtonPressedBySomeoneWhoIsNotAnAdminOpensNothing() throws Exception {
    rapport.slack().blockAction(REP, "setup.TEAM", "TEAM", null);
    assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(rapport.fake().calls("views.open")).isEmpty();
  }
}
