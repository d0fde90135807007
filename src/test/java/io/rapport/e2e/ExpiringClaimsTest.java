package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.checkin.CheckInService;
import io.rapport.slack.RepeatGuard;
import io.rapport.store.ExpiringClaims;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * App Home opens, commands and presses each leave a row in processed_requests so a repeat does
 * nothing new; the daily sweep deletes those rows once Slack could no longer send the repeat
 * (older than {@link ExpiringClaims#KEEP}), and keeps fresher ones and rows of other kinds.
 */
class ExpiringClaimsTest {
  static final String REP = "UREPCLAIM";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theDailySweepForgetsRequestClaimsOnceTheyCanNoLongerBeRepeated(TestDatabases.Kind kind) throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, clock)) {
      assertThat(ExpiringClaims.KINDS).contains(RepeatGuard.COMMAND_KIND, RepeatGuard.ACTION_KIND,
          CheckInService.VIEW_SUBMISSION);
      for (int i = 0; i < 5; i++) {
        assertThat(rapport.slack().appHomeOpened(REP, "EvOLDHOME" + i).statusCode()).isEqualTo(200);
      }
      assertThat(rapport.slack().command("/accounts", "add Keeper", REP).statusCode()).isEqualTo(200);
      rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10));
      rapport.rapport().foundation().store().jdbi().useHandle(h -> h.execute(
          "INSERT INTO processed_requests (workspace_id, kind, request_key, created_at) VALUES (?, ?, ?, ?)",
          io.rapport.testing.FakeSlack.TEAM_ID, "report.chart", "kept-for-the-period", clock.millis()));
      Map<String, Integer> before = counts(rapport);
      assertThat(before).containsEntry("app_home_opened", 5).containsEntry("command", 1)
          .containsEntry("report.chart", 1);

      rapport.rapport().flags().sweep();
      assertThat(counts(rapport)).as("fresh claims are kept").isEqualTo(before);

      clock.advance(ExpiringClaims.KEEP.plusHours(1));
      assertThat(rapport.slack().appHomeOpened(REP, "EvNEWHOME").statusCode()).isEqualTo(200);
      rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10));
      rapport.rapport().flags().sweep();
      assertThat(counts(rapport)).isEqualTo(Map.of("app_home_opened", 1, "report.chart", 1));
      assertThat(rapport.rapport().foundation().store().accounts().active(io.rapport.testing.FakeSlack.TEAM_ID))
          .as("the data the requests made stays").hasSize(1);
    }
  }

  static Map<String, Integer> counts(RapportUnderTest rapport) {
    Map<String, Integer> counts = new TreeMap<>();
    rapport.rapport().foundation().store().jdbi().useHandle(h -> h.createQuery(
            "SELECT kind, COUNT(*) AS n FROM processed_requests GROUP BY kind").mapToMap().list()
        .forEach(r -> counts.put((String) r.get("kind"), ((Number) r.get("n")).intValue())));
    return counts;
  }
}
