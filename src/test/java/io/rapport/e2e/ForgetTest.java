package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.views.ForgetMessages;
import io.rapport.team.NotAllowed;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /relationship-admin forget @user} through signed HTTP: the admin first sees exactly what
 * will go, the button removes the person's check-ins, versions, notes, flags, prompts, away weeks,
 * accounts and outbox rows and deletes Rapport's own messages about them with chat.delete — exactly
 * those, never another rep's — and answers with a summary; a second press is "already done"; anyone
 * else is refused and nothing changes. A manager forgotten leaves their team without a manager.
 */
class ForgetTest {
  static final String WS = EditTrailTest.WS;
  static final String ADMIN = EditTrailTest.ADMIN;
  static final String REP = EditTrailTest.REP;
  static final String MANAGER = EditTrailTest.MANAGER;
  static final String OTHER = "UREPOTHER";
  static final String CHANNEL = "CFORGET1";
  static final String FLAG_TS = "1600000000.000001";
  static final String THREAD_NOTE_TS = "1600000000.000002";
  static final String PROMPT_TS = "1600000000.000003";
  static final String OTHER_FLAG_TS = "1600000000.000009";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anAdminForgetsARepAfterConfirmingAndRapportsMessagesAboutThemAreDeleted(TestDatabases.Kind kind)
      throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Jdbi jdbi = rapport.rapport().foundation().store().jdbi();
      EditTrailTest.Setup s = new EditTrailTest.Setup(rapport);
      s.team();
      s.command("/relationship-admin", "team Trail members add <@" + OTHER + ">", ADMIN);
      Account megacorp = s.account("Megacorp");
      Account initech = s.account("Initech");
      s.command("/accounts", "add \"Otherco\"", OTHER);
      Account otherco = rapport.rapport().foundation().store().accounts().active(WS).stream()
          .filter(a -> a.name().equals("Otherco")).findFirst().orElseThrow();
      IsoWeek week = s.weeks.get(1);
      s.submitted(REP, "VF1", megacorp, s.answers(week, 30, "Met the CFO"));
      s.submitted(REP, "VF2", initech, s.answers(week, 30, "Quiet week"));
      s.submitted(MANAGER, "VF3", megacorp, s.answers(week, 60, "Corrected"));   // DM to the rep
      s.submitted(OTHER, "VF4", otherco, s.answers(week, 30, "Other's words"));
      s.submitted(MANAGER, "VF5", otherco, s.answers(week, 50, "Other corrected")); // DM to the other rep
      List<String> repDm = rapport.fake().postedTs("D" + REP);
      assertThat(repDm).hasSize(1);
      assertThat(rapport.fake().postedTs("D" + OTHER)).hasSize(1);
      long now = rapport.clock().millis();
      jdbi.useHandle(h -> {
        seedFlag(h, "f-rep", megacorp.id(), REP, FLAG_TS, now);
        h.execute("INSERT INTO flag_events (workspace_id, flag_id, event_key, kind, note, note_status, note_ts,"
            + " created_at) VALUES (?, 'f-rep', 'acknowledged', 'acknowledged', 'Acknowledged', 'posted', ?, ?)",
            WS, THREAD_NOTE_TS, now);
        h.execute("INSERT INTO outbox (message_key, workspace_id, kind, target, state, due_at, channel_id, message_ts,"
            + " created_at, sent_at) VALUES ('flag:f-rep', ?, 'flag', 'route', 'sent', ?, ?, ?, ?, ?)",
            WS, now, CHANNEL, FLAG_TS, now, now);
        seedFlag(h, "f-other", otherco.id(), OTHER, OTHER_FLAG_TS, now);
        h.execute("INSERT INTO prompts (workspace_id, rep_id, week, kind, status, due_at, channel_id, message_ts,"
            + " sent_at, created_at) VALUES (?, ?, ?, 'weekly', 'sent', ?, ?, ?, ?, ?)",
            WS, REP, week.toString(), now, "D" + REP, PROMPT_TS, now, now);
        h.execute("INSERT INTO away_weeks (workspace_id, rep_id, week, source, first_day, last_day, set_by, created_at)"
            + " VALUES (?, ?, ?, 'self', '2026-01-05', '2026-01-11', ?, ?)", WS, REP, s.weeks.get(3).toString(), REP, now);
      });

      // Not an admin: refused, nothing recorded.
      String refused = answer(rapport, "/relationship-admin", "forget <@" + REP + ">", MANAGER);
      assertThat(refused).contains("is for Rapport's admins").doesNotContain("check-in");
      assertThat(count(jdbi, "SELECT COUNT(*) FROM forget_requests")).isZero();

      // The admin's first answer: exactly what will go, and the button.
      JsonNode confirmation = reply(rapport, "/relationship-admin", "forget <@" + REP + "|rep>", ADMIN);
      String shown = confirmation.toString();
      assertThat(confirmation.path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(shown).contains("Forget <@" + REP + ">?").contains("2 accounts").contains("2 check-ins")
          .contains("3 notes").contains("1 earlier version").contains("1 flag").contains("1 prompt")
          .contains("1 away week").contains("up to 4 messages");
      String requestId = confirmation.findValues("action_id").stream()
          .filter(a -> a.asText().equals(ForgetMessages.CONFIRM)).findFirst().map(a -> buttonValue(confirmation))
          .orElseThrow();
      assertThat(count(jdbi, "SELECT COUNT(*) FROM checkins WHERE rep_id = '" + REP + "'")).as("nothing yet").isEqualTo(2);
      assertThat(rapport.fake().calls("chat.delete")).isEmpty();

      // Someone else pressing the admin's button: the uniform refusal, nothing removed.
      int responses = rapport.fake().responses().size();
      rapport.slack().blockAction(MANAGER, ForgetMessages.CONFIRM, requestId, null);
      assertThat(rapport.fake().awaitResponses(responses + 1).get(responses).path("text").asText())
          .isEqualTo(NotAllowed.NOT_YOURS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM checkins WHERE rep_id = '" + REP + "'")).isEqualTo(2);

      // The press: Slack says one message is gone already.
      rapport.fake().handle("chat.delete", c -> THREAD_NOTE_TS.equals(c.param("ts"))
          ? FakeSlack.Reply.error("message_not_found") : null);
      responses = rapport.fake().responses().size();
      rapport.slack().blockAction(ADMIN, ForgetMessages.CONFIRM, requestId, null);
      String summary = rapport.fake().awaitResponses(responses + 1).get(responses).path("text").asText();
      assertThat(summary).contains("Forgot <@" + REP + ">").contains("Removed 2 check-ins (3 notes), 1 flag, 1 prompt,"
          + " 1 away week, 2 accounts").contains("deleted 3 of Rapport's messages")
          .contains("1 could not be deleted: message_not_found");

      Set<String> deleted = new HashSet<>();
      rapport.fake().calls("chat.delete").forEach(c -> deleted.add(c.param("channel") + "/" + c.param("ts")));
      assertThat(deleted).containsExactlyInAnyOrder("D" + REP + "/" + repDm.get(0), "D" + REP + "/" + PROMPT_TS,
          CHANNEL + "/" + FLAG_TS, CHANNEL + "/" + THREAD_NOTE_TS);
      assertThat(rapport.fake().calls("chat.delete")).as("each once").hasSize(4);

      for (String table : List.of("checkins", "checkin_versions", "prompts", "away_weeks", "accounts")) {
        assertThat(count(jdbi, "SELECT COUNT(*) FROM " + table + " WHERE rep_id = '" + REP + "'")).as(table).isZero();
      }
      assertThat(count(jdbi, "SELECT COUNT(*) FROM flags WHERE id = 'f-rep'")).isZero();
      assertThat(count(jdbi, "SELECT COUNT(*) FROM flag_events WHERE flag_id = 'f-rep'")).isZero();
      assertThat(count(jdbi, "SELECT COUNT(*) FROM outbox WHERE target = '@" + REP + "' OR message_key = 'flag:f-rep'"))
          .isZero();
      assertThat(count(jdbi, "SELECT COUNT(*) FROM team_members WHERE user_id = '" + REP + "'")).isZero();
      // The other rep keeps everything.
      assertThat(count(jdbi, "SELECT COUNT(*) FROM checkins WHERE rep_id = '" + OTHER + "'")).isEqualTo(1);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM checkin_versions WHERE rep_id = '" + OTHER + "'")).isEqualTo(1);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM flags WHERE id = 'f-other'")).isEqualTo(1);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM outbox WHERE target = '@" + OTHER + "'")).isEqualTo(1);

      // A second press: already done, nothing deleted again.
      responses = rapport.fake().responses().size();
      rapport.slack().blockAction(ADMIN, ForgetMessages.CONFIRM, requestId, null);
      assertThat(rapport.fake().awaitResponses(responses + 1).get(responses).path("text").asText())
          .startsWith("Already done").contains("Removed 2 check-ins");
      assertThat(rapport.fake().calls("chat.delete")).hasSize(4);

      // Forgetting the manager: the team stays, without a manager; the other rep's data stays.
      JsonNode managerConfirmation = reply(rapport, "/relationship-admin", "forget <@" + MANAGER + ">", ADMIN);
      assertThat(managerConfirmation.toString()).contains("They manage *Trail*").contains("0 check-ins");
      responses = rapport.fake().responses().size();
      rapport.slack().blockAction(ADMIN, ForgetMessages.CONFIRM, buttonValue(managerConfirmation), null);
      assertThat(rapport.fake().awaitResponses(responses + 1).get(responses).path("text").asText())
          .contains("Forgot <@" + MANAGER + ">").contains("have no manager now");
      assertThat(rapport.rapport().foundation().store().teams().all(WS)).singleElement()
          .satisfies(t -> assertThat(t.managerId()).isEmpty());
      assertThat(count(jdbi, "SELECT COUNT(*) FROM checkins WHERE rep_id = '" + OTHER + "'")).isEqualTo(1);
    }
  }

  static void seedFlag(org.jdbi.v3.core.Handle h, String id, String accountId, String rep, String ts, long now) {
    h.execute("INSERT INTO flags (workspace_id, id, account_id, pattern, severity, evidence, tip, channel_id,"
        + " message_ts, opened_at, rep_id, post_status) VALUES (?, ?, ?, 'TERMS_DICTATED', 'watch', 'evidence', 'tip',"
        + " ?, ?, ?, ?, 'posted')", WS, id, accountId, CHANNEL, ts, now, rep);
  }

  static String buttonValue(JsonNode reply) {
    for (JsonNode block : reply.path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (ForgetMessages.CONFIRM.equals(e.path("action_id").asText())) {
          return e.path("value").asText();
        }
      }
    }
    throw new AssertionError("no confirm button in " + reply);
  }

  static JsonNode reply(RapportUnderTest rapport, String command, String text, String user) throws Exception {
    Map<String, String> form = rapport.slack().commandForm(WS, command, text, user);
    assertThat(rapport.slack().sendForm(form).statusCode()).isEqualTo(200);
    return rapport.fake().awaitResponseTo(form.get("response_url"));
  }

  static String answer(RapportUnderTest rapport, String command, String text, String user) throws Exception {
    return reply(rapport, command, text, user).toString();
  }

  static int count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
