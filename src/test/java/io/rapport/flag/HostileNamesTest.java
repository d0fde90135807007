package io.rapport.flag;

import static io.rapport.flag.FlagScenario.ACCOUNT;
import static io.rapport.flag.FlagScenario.ADMIN;
import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.TEAM;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.Flag;
import io.rapport.testing.FakeSlack.Call;
import io.rapport.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An account and a team whose names try to ping a channel and hide a link travel through every
 * surface that shows a name — the flag, its thread, the plan modal and reminder, the digest, the
 * report and its share, App Home, the prompt and the check-in modal — and reach Slack only as
 * text: in blocks, in views and in every fallback {@code text}. The CSV neutralises the formula.
 */
class HostileNamesTest {
  static final String ACCOUNT_NAME = "=Evil <!channel> <http://evil.example|click me> & co";
  static final String TEAM_NAME = "Sales <http://evil.example|East> & <!here>";
  static final List<String> RAW = List.of("<!channel>", "<!here>", "<http://evil.example");

  static List<org.junit.jupiter.api.Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void hostileNamesReachEverySurfaceOnlyAsText(TestDatabases.Kind kind) throws Exception {
    try (FlagScenario s = FlagScenario.start(true, kind)) {
      s.store().accounts().upsert(WS, Account.of(ACCOUNT, ACCOUNT_NAME, REP), s.now());
      s.store().jdbi().useHandle(h -> h.execute("UPDATE teams SET name = ? WHERE workspace_id = ? AND id = ?",
          TEAM_NAME, WS, TEAM));

      // The flag in the channel: blocks and notification text.
      s.lateTwice();
      Flag flag = s.onlyOpenFlag();
      Call post = s.posts(CHANNEL).get(0);
      assertShowsEscaped(post.param("text"), "flag text");
      assertShowsEscaped(post.jsonParam("blocks").toString(), "flag blocks");

      // The plan modal, the plan in the thread, and the reminder DM on the due date.
      s.press(MANAGER, "flag.plan", flag.id());
      assertShowsEscaped(s.fake().awaitCall("views.open").jsonParam("view").toString(), "plan modal");
      LocalDate due = LocalDate.now(s.rapport.clock()).plusDays(1);
      s.submit(MANAGER, "flag.plan", "VPLAN-HOSTILE", flag.id(),
          FlagScenario.planValues("Call <!channel> about " + ACCOUNT_NAME, REP, due.toString()));
      assertThat(s.replies(flag.messageTs())).isNotEmpty();
      s.rapport.clock().advance(Duration.ofDays(1));
      s.rapport.rapport().flags().sweep();
      Call reminder = s.posts("D" + REP).get(0);
      assertShowsEscaped(reminder.param("text"), "reminder text");
      assertShowsEscaped(reminder.jsonParam("blocks").toString(), "reminder blocks");

      // The manager's Monday digest names the account and the team.
      LocalDate monday = LocalDate.now(s.rapport.clock().withZone(ZoneOffset.UTC)).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      s.rapport.clock().set(monday.atTime(8, 30).toInstant(ZoneOffset.UTC));
      s.rapport.rapport().flags().sweep();
      Call digest = s.posts("D" + MANAGER).get(0);
      assertShowsEscaped(digest.jsonParam("blocks").toString(), "digest");
      assertThat(digest.jsonParam("blocks").toString()).contains("Sales &lt;http://evil.example|East&gt; &amp;");

      // The report (blocks and fallback text) and its share to the team's channel.
      s.rapport.clock().set(monday.atTime(10, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofDays(2)));
      Map<String, String> form = s.rapport.slack().commandForm(WS, "/relationship-report", "team Sales", MANAGER);
      s.rapport.slack().sendForm(form);
      JsonNode report = s.fake().awaitResponseTo(form.get("response_url"));
      assertThat(report.toString()).contains("Sales &lt;http://evil.example|East&gt;");
      assertThat(report.path("text").asText()).contains("&lt;!here&gt;");
      s.rapport.slack().blockAction(MANAGER, "report.share", "team:" + TEAM + ":8", null);
      Call shared = s.fake().awaitCall("chat.postMessage",
          c -> CHANNEL.equals(c.param("channel")) && c.param("blocks") != null && c.jsonParam("blocks").toString().contains("Relationship report"));
      assertThat(shared.param("text")).contains("&lt;!here&gt;");
      s.idle();

      // App Home of the rep; the weekly prompt; the check-in modal.
      s.rapport.slack().appHomeOpened(REP, "EvHOSTILE1");
      assertShowsEscaped(s.fake().awaitCall("views.publish").jsonParam("view").toString(), "App Home");
      s.rapport.slack().command("/relationship-admin", "prompt-now", ADMIN);
      Call prompt = s.fake().awaitCall("chat.postMessage",
          c -> ("D" + REP).equals(c.param("channel")) && c.param("blocks") != null && c.jsonParam("blocks").toString().contains("check-in"));
      assertShowsEscaped(prompt.jsonParam("blocks").toString(), "prompt");
      int opened = s.fake().calls("views.open").size();
      s.rapport.slack().command("/checkin", "=Evil", REP);
      s.fake().awaitCalls("views.open", opened + 1, Duration.ofSeconds(10));
      assertShowsEscaped(s.fake().calls("views.open").get(opened).jsonParam("view").toString(), "check-in modal");

      // A false alarm's thread note names the account.
      s.press(MANAGER, "flag.false_alarm", flag.id());
      s.submit(MANAGER, "flag.false_alarm", "VFALSE-HOSTILE", flag.id(), FlagScenario.reasonValues("<!channel> no"));
      s.idle();
      assertThat(s.replies(flag.messageTs()).stream().map(c -> c.param("text")).toList())
          .anySatisfy(t -> assertShowsEscaped(t, "thread note"));

      // Nothing Rapport sent anywhere carries the raw name.
      for (Call c : s.fake().calls()) {
        String all = decoded(c);
        for (String raw : RAW) {
          assertThat(all).as(c.method() + " to " + c.param("channel")).doesNotContain(raw);
        }
      }
      for (JsonNode r : s.fake().responses()) {
        for (String raw : RAW) {
          assertThat(withoutPlainText(r.deepCopy()).toString()).doesNotContain(raw);
        }
      }

      // The CSV opens as text in a spreadsheet.
      s.rapport.slack().blockAction(MANAGER, "report.csv", "team:" + TEAM + ":8", null);
      s.idle();
      String csv = s.fake().uploads().values().stream()
          .map(u -> new String(u.bytes(), StandardCharsets.UTF_8)).filter(t -> t.startsWith("account_id"))
          .findFirst().orElseThrow();
      assertThat(csv).contains("'=Evil").doesNotContain(",=Evil");
    }
  }

  static void assertShowsEscaped(String text, String where) {
    assertThat(text).as(where).isNotNull();
    for (String raw : RAW) {
      assertThat(text).as(where).doesNotContain(raw);
    }
    assertThat(text).as(where).containsAnyOf("&lt;!channel&gt;", "&lt;http://evil.example|East&gt;");
  }

  /**
   * Every parameter of a call as Slack would read it: JSON parameters decoded (so no \\u003c hides
   * a bracket), and plain_text objects left out, since Slack shows those literally and never
   * turns them into mentions or links (likewise file titles).
   */
  static String decoded(Call c) throws Exception {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : c.params().entrySet()) {
      if (e.getKey().equals("files") || e.getKey().equals("title")) {
        continue; // a file's title is shown as plain text
      }
      String v = e.getValue();
      b.append(e.getKey()).append('=')
          .append(v != null && (v.startsWith("[") || v.startsWith("{")) ? withoutPlainText(FlagScenario.JSON.readTree(v)).toString() : v)
          .append('\n');
    }
    return b.append(c.json() == null ? "" : withoutPlainText(c.json().deepCopy()).toString()).toString();
  }

  static JsonNode withoutPlainText(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && "plain_text".equals(o.path("type").asText())) {
      o.put("text", "(plain text)");
    }
    node.forEach(HostileNamesTest::withoutPlainText);
    return node;
  }
}
