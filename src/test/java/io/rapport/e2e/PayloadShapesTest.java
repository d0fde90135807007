package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.slack.PayloadShape;
import io.rapport.slack.views.FlagMessages;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.LogCapture;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes real Slack payloads take, through signed HTTP into the running server: a button on the
 * App Home tab (no response_url, no channel), a button inside a modal, a button whose response_url
 * is not a URL, a payload without {@code team}, a command without {@code user_id}. Each is
 * answered the way its shape allows, only to the person, with no 5xx and no stack trace in the
 * answer or the log.
 */
class PayloadShapesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String REP = "UREPSHAPE";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyShapeIsAnsweredTheWayItAllows(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()));
        LogCapture logs = new LogCapture()) {
      FakeSlack fake = rapport.fake();

      // The App Home tab: no response_url, no channel. The answer is a direct message.
      ObjectNode home = press(FlagMessages.ACKNOWLEDGE, "no-such-flag");
      home.remove("response_url");
      home.putObject("container").put("type", "view").put("view_id", "VHOME1");
      home.putObject("view").put("id", "VHOME1").put("type", "home").put("hash", "h1");
      assertThat(rapport.slack().payload(home).statusCode()).isEqualTo(200);
      FakeSlack.Call dm = fake.awaitCall("chat.postMessage", c -> REP.equals(c.param("channel")));
      assertThat(dm.param("text")).isEqualTo(FlagMessages.GONE);

      // A button inside a modal: views.update of that modal, carrying the answer.
      ObjectNode modal = press(FlagMessages.ACKNOWLEDGE, "no-such-flag");
      modal.remove("response_url");
      modal.putObject("container").put("type", "view").put("view_id", "VMODAL1");
      modal.putObject("view").put("id", "VMODAL1").put("type", "modal").put("hash", "h2")
          .put("callback_id", "something.else");
      assertThat(rapport.slack().payload(modal).statusCode()).isEqualTo(200);
      FakeSlack.Call updated = fake.awaitCall("views.update", c -> "VMODAL1".equals(c.param("view_id")));
      assertThat(updated.param("hash")).isEqualTo("h2");
      assertThat(updated.param("view")).contains("That flag no longer exists");

      // A message button whose response_url is not a URL: chat.postEphemeral in its channel.
      ObjectNode odd = press(FlagMessages.ACKNOWLEDGE, "no-such-flag");
      odd.put("response_url", "not a url");
      odd.putObject("channel").put("id", "CSHAPE1");
      odd.putObject("container").put("type", "message").put("channel_id", "CSHAPE1").put("message_ts", "1.2");
      assertThat(rapport.slack().payload(odd).statusCode()).isEqualTo(200);
      FakeSlack.Call ephemeral = fake.awaitCall("chat.postEphemeral", c -> "CSHAPE1".equals(c.param("channel")));
      assertThat(ephemeral.param("user")).isEqualTo(REP);
      assertThat(ephemeral.param("text")).isEqualTo(FlagMessages.GONE);

      // A payload without team (the user's team_id says where): served like any other.
      String responseUrl = fake.responseUrl();
      ObjectNode teamless = press(FlagMessages.ACKNOWLEDGE, "no-such-flag");
      teamless.remove("team");
      teamless.put("response_url", responseUrl);
      HttpResponse<String> r = rapport.slack().payload(teamless);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(fake.awaitResponseTo(responseUrl).path("text").asText()).isEqualTo(FlagMessages.GONE);

      // A command without user_id: a short answer in the ack, and nothing done.
      Map<String, String> form = new LinkedHashMap<>(rapport.slack().commandForm(WS, "/accounts", "add Shapely", REP));
      form.remove("user_id");
      HttpResponse<String> noUser = rapport.slack().sendForm(form);
      assertThat(noUser.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(noUser.body()).path("text").asText()).isEqualTo(PayloadShape.WHO_UNKNOWN);

      // A command without response_url (Slack always sends one; a hand-made request may not):
      // the answer goes to the same person in the same channel.
      Map<String, String> noUrl = new LinkedHashMap<>(rapport.slack().commandForm(WS, "/accounts", "add Shapely", REP));
      noUrl.remove("response_url");
      noUrl.put("channel_id", "CSHAPE2");
      assertThat(rapport.slack().sendForm(noUrl).statusCode()).isEqualTo(200);
      FakeSlack.Call added = fake.awaitCall("chat.postEphemeral", c -> "CSHAPE2".equals(c.param("channel")));
      assertThat(added.param("user")).isEqualTo(REP);
      assertThat(added.param("text")).contains("Shapely");

      // A button press without actions, and one without a user: refused at once (the 400 for a
      // body Bolt cannot read, or the quiet 200), nothing else.
      ObjectNode noActions = press(FlagMessages.ACKNOWLEDGE, "x");
      noActions.remove("actions");
      ObjectNode noUserPress = press(FlagMessages.ACKNOWLEDGE, "x");
      noUserPress.remove("user");
      for (ObjectNode p : List.of(noActions, noUserPress)) {
        HttpResponse<String> quiet = rapport.slack().payload(p);
        assertThat(quiet.statusCode()).isIn(200, 400);
        assertThat(quiet.body()).doesNotContain("Exception");
      }

      assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10))).isTrue();
      List<Map<String, Object>> shapely = rapport.rapport().foundation().store().jdbi().withHandle(h ->
          h.createQuery("SELECT rep_id FROM accounts WHERE name = 'Shapely'").mapToMap().list());
      assertThat(shapely).as("one account, from the command that said who typed it").hasSize(1);
      assertThat(shapely.get(0).get("rep_id")).isEqualTo(REP);
      assertThat(logs.text()).doesNotContain("\tat ").doesNotContain("Exception")
          .doesNotContain("Failed after acknowledging");
    }
  }

  /** A flag button pressed by {@link #REP} on a message, as Slack sends it. */
  static ObjectNode press(String actionId, String value) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "block_actions").put("api_app_id", "ARAPPORT").put("trigger_id", "t." + System.nanoTime());
    p.putObject("user").put("id", REP).put("team_id", WS);
    p.putObject("team").put("id", WS);
    p.put("response_url", "https://hooks.slack.invalid/never-used");
    p.putArray("actions").addObject().put("action_id", actionId).put("type", "button").put("value", value)
        .put("action_ts", "1700000000." + System.nanoTime());
    return p;
  }
}
