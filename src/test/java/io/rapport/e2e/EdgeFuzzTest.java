package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.store.Store;
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
import java.util.Random;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 320 validly signed requests, generated from a fixed seed: slash commands, block_actions,
 * view_submission and events with fields missing, extra or of the wrong type, unknown ids and
 * hostile strings. Every one is invalid by construction. None gets a 5xx or a stack trace, in the
 * answer or in any log line at INFO and above; no log line carries the hostile text; and the
 * database's own data (accounts, teams, check-ins, flags, plans, prompts, workspaces) is exactly as
 * it was.
 */
class EdgeFuzzTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String REP = "UREPFUZZ1";
  static final int REQUESTS = 320;
  /** A marker in every hostile string, so a log line that quotes one is easy to find. */
  static final String MARK = "ZQXFUZZ";
  static final List<String> HOSTILE = List.of(
      MARK + " <!channel> <http://evil.example|click>", MARK + "\u0000\u0001\u0002", MARK + "'; DROP TABLE accounts; --",
      MARK + " " + "x".repeat(5000), MARK + "\u202Eevil", MARK + " %s %n {} ${jndi:ldap://x}", MARK + "\uD83D\uDE00\uFFFF",
      MARK + " \"unclosed", MARK + "=2+3+cmd|'/C calc'!A0");
  static final List<String> COMMANDS = List.of(
      "/accounts", "/checkin", "/relationship-admin", "/relationship-report", "/relationship-help", "/nope");
  /** Texts every command refuses (or, for help, only reads). */
  static final List<String> COMMAND_TEXTS = List.of(
      "frobnicate " + MARK, "set Nowhere terms=abc", "remove Nothing Like " + MARK, "add \"" + MARK, "team create \u0000" + MARK,
      "team create <!here>" + MARK, "set Fuzzco terms=-5", "set Fuzzco colour=" + MARK, "team Nope manager " + MARK,
      "team \"" + MARK + "\" members add bob", "team create " + "n".repeat(300), "\u0007" + MARK, "policy " + MARK,
      "forget " + MARK, "forget <@U1> <@U2>");
  static final List<String> ACTIONS = List.of(
      "flag.acknowledge", "flag.plan", "flag.false_alarm", "flag.resolve", "report.share", "report.csv",
      "checkin.open", "prompt.nothing_to_report", "prompt.snooze", "admin.forget.confirm", "unknown." + MARK);
  static final List<String> CALLBACKS = List.of(
      "checkin.modal", "flag.plan", "flag.false_alarm", "report.share_team", "setup.submit", "unknown." + MARK);

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void invalidSignedRequestsNeverFailLoudlyOrChangeData(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Store store = rapport.rapport().foundation().store();
      long now = rapport.clock().millis();
      store.ensureWorkspace(WS, now);
      store.accounts().upsert(WS, Account.of("fuzzco", "Fuzzco", REP), now);
      String before = snapshot(rapport);
      Random random = new Random(20261206L);
      try (LogCapture logs = new LogCapture()) {
        for (int i = 0; i < REQUESTS; i++) {
          HttpResponse<String> r = switch (i % 4) {
            case 0 -> rapport.slack().sendForm(command(rapport, random));
            case 1 -> rapport.slack().payload(blockAction(rapport, random));
            case 2 -> rapport.slack().payload(viewSubmission(random));
            default -> rapport.slack().sendJson(event(random, i).toString());
          };
          assertThat(r.statusCode()).as("request %d", i).isLessThan(500);
          assertThat(r.body()).as("request %d", i).doesNotContain("Exception").doesNotContain("\tat ");
        }
        rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(30));
        String logged = logs.text();
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain(MARK)
            // No listener tripped over a shape it should have expected, nothing failed after the
            // ack, and unknown ids were not met with Bolt's multi-line suggestion.
            .doesNotContain("NullPointerException").doesNotContain("Failed after acknowledging")
            .doesNotContain("failed (").doesNotContain("[Suggestion]");
      }
      assertThat(snapshot(rapport)).isEqualTo(before);
    }
  }

  static Map<String, String> command(RapportUnderTest rapport, Random random) {
    String user = random.nextInt(3) == 0 ? REP : "UFUZZ" + random.nextInt(5);
    Map<String, String> form = new LinkedHashMap<>(
        rapport.slack().commandForm(WS, pick(random, COMMANDS), pick(random, COMMAND_TEXTS), user));
    if (form.get("command").equals("/relationship-help")) {
      form.put("text", pick(random, HOSTILE));
    }
    switch (random.nextInt(6)) {
      case 0 -> form.remove("user_id");
      case 1 -> form.remove("response_url");
      case 2 -> form.remove("trigger_id");
      case 3 -> form.put("extra_" + random.nextInt(99), pick(random, HOSTILE));
      case 4 -> form.put("response_url", "not a url " + MARK);
      default -> form.remove("channel_id");
    }
    return form;
  }

  static ObjectNode blockAction(RapportUnderTest rapport, Random random) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "block_actions").put("trigger_id", "1." + random.nextInt(1_000_000));
    p.putObject("user").put("id", "UFUZZ" + random.nextInt(5)).put("team_id", WS);
    p.putObject("team").put("id", WS);
    if (random.nextBoolean()) {
      p.put("response_url", rapport.fake().responseUrl());
    }
    ArrayNode actions = p.putArray("actions");
    ObjectNode a = actions.addObject();
    a.put("action_id", pick(random, ACTIONS)).put("type", "button").put("action_ts", "17." + random.nextInt(1_000_000));
    switch (random.nextInt(6)) {
      case 0 -> a.put("value", pick(random, HOSTILE));
      case 1 -> a.putArray("value").add(1);
      case 2 -> p.putObject("container").put("type", "view").put("view_id", "V" + MARK); // App Home
      case 3 -> p.putObject("view").put("id", "VFUZZ").put("type", "modal").put("callback_id", pick(random, CALLBACKS));
      case 4 -> a.put("value", "team:" + MARK + ":x");
      default -> { } // no value at all
    }
    if (random.nextInt(8) == 0) {
      p.put("actions", "not an array " + MARK);
    }
    return p;
  }

  static ObjectNode viewSubmission(Random random) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "view_submission").put("trigger_id", "2." + random.nextInt(1_000_000));
    p.putObject("user").put("id", "UFUZZ" + random.nextInt(5)).put("team_id", WS);
    p.putObject("team").put("id", WS);
    ObjectNode view = p.putObject("view");
    view.put("id", "VF" + random.nextInt(1000)).put("type", "modal").put("callback_id", pick(random, CALLBACKS))
        .put("team_id", WS);
    ObjectNode values = view.putObject("state").putObject("values");
    switch (random.nextInt(5)) {
      case 0 -> view.put("private_metadata", pick(random, HOSTILE));
      case 1 -> view.put("private_metadata", "{\"account\":\"" + MARK + "\",\"week\":\"2026-W99\"}");
      case 2 -> values.putObject("b").putObject("a").put("type", "plain_text_input").put("value", pick(random, HOSTILE));
      case 3 -> view.remove("type"); // Bolt cannot place it
      default -> view.put("state", "wrong type " + MARK);
    }
    return p;
  }

  static ObjectNode event(Random random, int i) {
    ObjectNode body = JSON.createObjectNode();
    body.put("token", "t").put("team_id", WS).put("api_app_id", "ARAPPORT").put("type", "event_callback")
        .put("event_id", "EvFUZZ" + i).put("event_time", 1);
    ObjectNode e = JSON.createObjectNode();
    switch (random.nextInt(5)) {
      case 0 -> e.put("type", "app_home_opened").put("tab", "messages").put("user", "UFUZZ1");
      case 1 -> e.put("type", "message").put("channel_type", "im").put("text", pick(random, HOSTILE))
          .put("user", "UFUZZ2").put("bot_id", "B" + MARK);
      case 2 -> e.put("type", "unknown_" + MARK).put("text", pick(random, HOSTILE));
      case 3 -> e.put("type", "app_home_opened").putArray("user").add(MARK);
      default -> {
        body.put("event", pick(random, HOSTILE));
        return body;
      }
    }
    body.set("event", e);
    return body;
  }

  static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** The data people keep in Rapport, as text: equal before and after means unchanged. */
  static String snapshot(RapportUnderTest rapport) {
    StringBuilder b = new StringBuilder();
    for (String table : List.of("workspaces", "accounts", "teams", "team_members", "checkins", "flags",
        "flag_plans", "prompts", "checkin_versions", "away_weeks", "forget_requests", "outbox")) {
      List<String> rows = rapport.rapport().foundation().store().jdbi().withHandle(h ->
          h.createQuery("SELECT * FROM " + table).mapToMap().list().stream().map(Object::toString).sorted().toList());
      b.append(table).append(": ").append(rows).append('\n');
    }
    return b.toString();
  }
}
