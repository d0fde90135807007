package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.checkin.CheckInService;
import io.rapport.config.Config;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.store.CheckInDao;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RAPPORT_NOTES_RETENTION_DAYS: the daily sweep blanks free text older than the retention — check-in
 * notes and those of kept versions, false-alarm reasons, plan texts, flag thread notes quoting them,
 * the rendered text of sent messages — and keeps younger text and every number. Time moves with
 * the test clock (requests are signed and judged by it), never by sleeping.
 */
class NotesRetentionTest {
  static final String WS = EditTrailTest.WS;
  static final String OLD_NOTE = "Old words about the CFO";
  static final String MANAGER_NOTE = "Manager's old correction";
  static final String FRESH_NOTE = "Fresh words about procurement";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aNoteOlderThanTheRetentionIsGoneAfterTheSweepAndAYoungerOneStays(TestDatabases.Kind kind) throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    String url = TestDatabases.freshUrl(kind, Files.createTempDirectory("retention"));
    try (RapportUnderTest rapport = RapportUnderTest.start(
        Map.of(Config.DATABASE_URL, url, Config.RAPPORT_NOTES_RETENTION_DAYS, "100"), clock)) {
      Jdbi jdbi = rapport.rapport().foundation().store().jdbi();
      EditTrailTest.Setup s = new EditTrailTest.Setup(rapport);
      s.team();
      Account oldco = s.account("Oldco");
      IsoWeek oldWeek = s.weeks.get(1);
      s.submitted(EditTrailTest.REP, "VOLD1", oldco, s.answers(oldWeek, 30, OLD_NOTE));
      s.submitted(EditTrailTest.MANAGER, "VOLD2", oldco, s.answers(oldWeek, 60, MANAGER_NOTE));
      String notice = CheckInService.editNoticeKey(WS, oldco.id(), oldWeek, 2);
      assertThat(rapport.rapport().foundation().outbox().find(notice).orElseThrow().text()).contains("Oldco");
      long then = clock.millis();
      jdbi.useHandle(h -> {
        h.execute("INSERT INTO flags (workspace_id, id, account_id, pattern, severity, status, evidence, tip, opened_at,"
            + " closed_at) VALUES (?, 'f-old', ?, 'LATE_PAYMENT', 'watch', 'false_alarm', 'paid in 60 days', 'tip', ?, ?)",
            WS, oldco.id(), then, then);
        h.execute("INSERT INTO flag_false_alarms (workspace_id, flag_id, account_id, pattern, severity, reason,"
            + " marked_by, marked_at, suppressed_until_week) VALUES (?, 'f-old', ?, 'LATE_PAYMENT', 'watch',"
            + " 'They always pay late, the CFO told me', ?, ?, '2099-W01')", WS, oldco.id(), EditTrailTest.MANAGER, then);
        h.execute("INSERT INTO flag_plans (workspace_id, id, flag_id, action_text, owner_id, due_date, created_by,"
            + " created_at, reminder_status) VALUES (?, 'V-plan', 'f-old', 'Call the CFO about the invoice', ?,"
            + " '2026-01-01', ?, ?, 'sent')", WS, EditTrailTest.REP, EditTrailTest.MANAGER, then);
        h.execute("INSERT INTO flag_events (workspace_id, flag_id, event_key, kind, actor_id, note, note_status,"
            + " created_at) VALUES (?, 'f-old', 'plan:V-plan', 'planned', ?, 'Plan: Call the CFO about the invoice',"
            + " 'posted', ?)", WS, EditTrailTest.MANAGER, then);
        h.execute("INSERT INTO flag_events (workspace_id, flag_id, event_key, kind, actor_id, note, note_status,"
            + " created_at) VALUES (?, 'f-old', 'acknowledged', 'acknowledged', ?, 'Acknowledged by someone',"
            + " 'posted', ?)", WS, EditTrailTest.REP, then);
      });

      // 50 days on: everything is younger than the retention and stays.
      clock.advance(Duration.ofDays(50));
      rapport.rapport().flags().sweep();
      assertThat(s.current(oldco, oldWeek).checkIn().note()).isEqualTo(MANAGER_NOTE);
      assertThat(s.versions(oldco, oldWeek).get(0).checkIn().note()).isEqualTo(OLD_NOTE);
      assertThat(text(jdbi, "SELECT reason FROM flag_false_alarms")).isNotNull();

      // 101 days on: a fresh check-in with a note, then the sweep.
      clock.advance(Duration.ofDays(51));
      EditTrailTest.Setup later = new EditTrailTest.Setup(rapport);
      IsoWeek thisWeek = later.weeks.get(0);
      later.submitted(EditTrailTest.REP, "VNEW1", oldco, later.answers(thisWeek, 45, FRESH_NOTE));
      rapport.rapport().flags().sweep();

      CheckInDao.Current old = s.current(oldco, oldWeek);
      assertThat(old.checkIn().note()).as("the old note is gone").isNull();
      assertThat(old.checkIn().paymentDays()).as("its numbers stay").isEqualTo(60);
      assertThat(old.changedBy()).as("and who changed it").isEqualTo(EditTrailTest.MANAGER);
      assertThat(s.versions(oldco, oldWeek)).singleElement().satisfies(v -> {
        assertThat(v.checkIn().note()).isNull();
        assertThat(v.checkIn().paymentDays()).isEqualTo(30);
      });
      assertThat(later.current(oldco, thisWeek).checkIn().note()).as("the younger note stays").isEqualTo(FRESH_NOTE);
      assertThat(text(jdbi, "SELECT reason FROM flag_false_alarms")).isNull();
      assertThat(text(jdbi, "SELECT action_text FROM flag_plans")).isEmpty();
      assertThat(text(jdbi, "SELECT note FROM flag_events WHERE kind = 'planned'")).isNull();
      assertThat(text(jdbi, "SELECT note FROM flag_events WHERE kind = 'acknowledged'"))
          .as("Rapport's own words quoting nobody stay").isEqualTo("Acknowledged by someone");
      assertThat(text(jdbi, "SELECT evidence FROM flags")).as("evidence never quotes a note").isEqualTo("paid in 60 days");
      var sent = rapport.rapport().foundation().outbox().find(notice).orElseThrow();
      assertThat(sent.text()).isNull();
      assertThat(sent.blocks()).isNull();
      assertThat(sent.messageTs()).as("where it was posted is kept (forget deletes it by this)").isNotNull();

      // A second sweep finds nothing more to blank.
      assertThat(rapport.rapport().flags().sweep()).isNotNull();
      assertThat(later.current(oldco, thisWeek).checkIn().note()).isEqualTo(FRESH_NOTE);
    }
  }

  static String text(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }
}
