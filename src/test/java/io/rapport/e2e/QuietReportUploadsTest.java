package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's chart goes to the manager's DM once per report period, or when they press *Send
 * chart*; running the same report again that week uploads nothing.
 */
class QuietReportUploadsTest {
  static final String WS = FakeSlack.TEAM_ID;
  static final String MANAGER = "UMGRQ01";
  RapportUnderTest rapport;

  @BeforeEach
  void start() throws Exception {
    rapport = RapportUnderTest.start(Map.of(), new MutableClock(Instant.parse("2026-11-25T10:00:00Z")));
    Store store = rapport.rapport().foundation().store();
    long now = rapport.clock().millis();
    store.ensureWorkspace(WS, now);
    int day = LocalDate.ofInstant(rapport.clock().instant(), ZoneOffset.UTC).getDayOfWeek().getValue();
    store.teams().insert(WS, "t-q", "Quiet Team", "quiet team", day, "00:00", now);
    store.teams().setManager(WS, "t-q", MANAGER);
    store.teams().addMember(WS, "t-q", "UREPQ01", now);
    rapport.fake().userTimeZone(MANAGER, "UTC");
  }

  @AfterEach
  void stop() throws Exception {
    rapport.close();
  }

  /** Runs the report and waits until everything it started after the ack is done. */
  String report() throws Exception {
    int before = rapport.fake().responses().size();
    rapport.slack().command("/relationship-report", "team \"Quiet Team\"", MANAGER);
    String reply = rapport.fake().awaitResponses(before + 1).get(before).toString();
    assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10))).isTrue();
    return reply;
  }

  long chartUploads() {
    return rapport.fake().calls("files.completeUploadExternal").stream()
        .filter(c -> ("D" + MANAGER).equals(c.param("channel_id")) && c.param("files").contains("Health trend"))
        .count();
  }

  @Test
  void repeatedReportsDoNotReUploadTheChartButTheButtonAndANewWeekDo() throws Exception {
    assertThat(report()).contains("Relationship report").contains("The health-trend chart is in your direct messages");
    assertThat(chartUploads()).isEqualTo(1);

    String again = report();
    assertThat(again).contains("Relationship report").contains("already in your direct messages")
        .contains("report.chart");
    assertThat(report()).contains("already in your direct messages");
    assertThat(chartUploads()).as("the same report twice more in the same week").isEqualTo(1);

    rapport.slack().blockAction(MANAGER, "report.chart", "team:t-q:8", null);
    FakeSlack.awaitTrue(() -> rapport.fake().responses().stream().anyMatch(r -> r.path("text").asText()
        .equals("The health-trend chart is in your direct messages with Rapport.")), Duration.ofSeconds(10),
        "the button's answer");
    assertThat(chartUploads()).as("the chart on demand").isEqualTo(2);

    rapport.clock().advance(Duration.ofDays(7));
    assertThat(report()).contains("The health-trend chart is in your direct messages");
    assertThat(chartUploads()).as("a new report period").isEqualTo(3);
  }

  @Test
  void aFailedUploadIsTriedAgainOnTheNextRun() throws Exception {
    rapport.fake().enqueue("files.getUploadURLExternal", FakeSlack.Reply.error("invalid_auth"));
    report();
    assertThat(chartUploads()).isZero();
    report();
    assertThat(chartUploads()).isEqualTo(1);
  }
}
