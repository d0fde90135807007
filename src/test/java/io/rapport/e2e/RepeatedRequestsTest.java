package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.slack.RepeatGuard;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.SlackRequests;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request replayed within the signature's window — the same signed body, so the same user and
 * the same trigger_id or action_ts — does nothing new and says so: an older {@code /accounts set}
 * cannot undo a newer one, and one press of Share to channel posts once.
 */
class RepeatedRequestsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String REP = "UREPREPEAT";
  static final String MANAGER = "UMGRREPEAT";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aReplayedCommandOrPressDoesNothingNew(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Store store = rapport.rapport().foundation().store();
      long now = rapport.clock().millis();
      store.ensureWorkspace(WS, now);
      store.accounts().upsert(WS, Account.of("megacorp", "Megacorp", REP), now);

      // terms=45, then terms=30; the first request's exact bytes replayed afterwards.
      Map<String, String> older = rapport.slack().commandForm(WS, "/accounts", "set Megacorp terms=45", REP);
      String olderBody = SlackRequests.formBody(older);
      assertThat(rapport.slack().send(olderBody, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
      rapport.fake().awaitResponseTo(older.get("response_url"));
      Map<String, String> newer = rapport.slack().commandForm(WS, "/accounts", "set Megacorp terms=30", REP);
      rapport.slack().sendForm(newer);
      rapport.fake().awaitResponseTo(newer.get("response_url"));
      assertThat(store.accounts().find(WS, "megacorp").orElseThrow().agreedPaymentDays()).isEqualTo(30);

      HttpResponse<String> replay = rapport.slack().send(olderBody, "application/x-www-form-urlencoded");
      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(replay.body()).path("text").asText()).isEqualTo(RepeatGuard.REPEATED);
      rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10));
      assertThat(store.accounts().find(WS, "megacorp").orElseThrow().agreedPaymentDays()).isEqualTo(30);

      // One press of Share to channel, delivered twice: one post in the channel.
      store.teams().insert(WS, "t1", "Sales", "sales", 1, "00:00", now);
      store.teams().setManager(WS, "t1", MANAGER);
      store.teams().setChannel(WS, "t1", "CSALES01");
      store.teams().addMember(WS, "t1", REP, now);
      ObjectNode press = JSON.createObjectNode();
      press.put("type", "block_actions").put("trigger_id", "9.9.9").put("response_url", rapport.fake().responseUrl());
      press.putObject("user").put("id", MANAGER).put("team_id", WS);
      press.putObject("team").put("id", WS);
      press.putArray("actions").addObject().put("action_id", "report.share").put("block_id", "report.actions")
          .put("type", "button").put("value", "team:t1:8").put("action_ts", "1765000000.123456");
      assertThat(rapport.slack().payload(press).statusCode()).isEqualTo(200);
      rapport.fake().awaitCall("chat.postMessage", c -> "CSALES01".equals(c.param("channel")));
      rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10));
      assertThat(rapport.slack().payload(press).statusCode()).isEqualTo(200);
      rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10));
      assertThat(rapport.fake().calls("chat.postMessage").stream()
          .filter(c -> "CSALES01".equals(c.param("channel")) && c.param("thread_ts") == null)).hasSize(1);
      List<JsonNode> said = rapport.fake().responses();
      assertThat(said).anySatisfy(r -> assertThat(r.path("text").asText()).isEqualTo(RepeatGuard.REPEATED));
    }
  }
}
