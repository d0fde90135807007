package io.rapport.flag;

import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.TEAM;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.testing.FakeSlack.Call;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly manager digest: new, open and closed flags and missed check-ins, once a week. */
class FlagDigestTest {
  FlagScenario s;

  @BeforeEach
  void start() throws Exception {
    s = FlagScenario.start();
    s.fake().userTimeZone(MANAGER, "Etc/UTC");
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  /** Moves the clock to the Monday after the scenario's Wednesday start, at {@code hour}:30 UTC. */
  private void mondayAt(int hour) {
    LocalDate monday = FlagScenario.nextWednesdayMorning().atZone(ZoneOffset.UTC).toLocalDate()
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    s.rapport.clock().set(monday.atTime(hour, 30).toInstant(ZoneOffset.UTC));
  }

  @Test
  void eachManagerGetsOneDigestAWeekFromMondayMorning() {
    String quietRep = "UREP0002";
    s.store().teams().addMember(WS, TEAM, quietRep, s.now());
    s.store().accounts().upsert(WS, Account.of("globex", "Globex", quietRep), s.now());
    s.lateTwice();

    mondayAt(7);
    s.rapport.rapport().flags().sweep();
    assertThat(s.posts("D" + MANAGER)).as("not before 08:00 on Monday").isEmpty();

    mondayAt(8);
    s.rapport.rapport().flags().sweep();
    s.rapport.rapport().flags().sweep();
    List<Call> digests = s.posts("D" + MANAGER);
    assertThat(digests).hasSize(1);
    JsonNode blocks = digests.get(0).jsonParam("blocks");
    String text = blocks.toString();
    assertThat(text).contains("Rapport weekly digest").contains("Enterprise East")
        .contains("New flags (1)").contains("Open flags (1)").contains("Acme Retail").contains("Terms dictated")
        .contains("not acknowledged")
        .contains("Did not check in on every key account (1)").contains("<@" + quietRep + "> — 1 of 1")
        .doesNotContain("<@" + REP + "> — ");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
  }

  @Test
  void aDigestOfManyFlagsStaysWithinBlockKitLimits() {
    String week = s.week().toString();
    // 40 flag posts and 40 thread notes to one conversation: not spread a second apart here (the
    // per-channel pacing is SlackLimiter's own tests'), this test is about the digest's size.
    s.rapport.rapport().foundation().slackApi().calls().limiter().spaceChannelPostsBy(java.time.Duration.ZERO);
    for (int i = 0; i < 40; i++) {
      String id = "late-" + i;
      s.store().accounts().upsert(WS, Account.of(id, "Late Payer " + i + " " + "x".repeat(60), REP), s.now());
      for (int w = 0; w < 3; w++) {
        s.store().checkIns().upsert(WS, CheckIn.builder(id, s.week().minusWeeks(w)).rep(REP).paymentDays(90).build(),
            s.now());
      }
    }
    s.rapport.rapport().flags().sweep();
    assertThat(s.flags().open(WS)).hasSize(40);
    mondayAt(9);
    s.rapport.rapport().flags().sweep();
    List<Call> digests = new ArrayList<>(s.posts("D" + MANAGER));
    Call digest = digests.get(digests.size() - 1);
    assertThat(digest.param("text")).contains(week);
    JsonNode blocks = digest.jsonParam("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    for (JsonNode b : blocks) {
      assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
    }
    assertThat(blocks.toString()).contains("New flags (40)").contains("more");
  }

  @Test
  void aListSectionIsCutWithACountOfTheRest() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lines.add("• line " + i + " " + "y".repeat(100));
    }
    String text = ((com.slack.api.model.block.SectionBlock) io.rapport.slack.views.DigestMessage.listSection("Open flags", lines, "none"))
        .getText().getText();
    assertThat(text.length()).isLessThanOrEqualTo(3000);
    assertThat(text).startsWith("*Open flags (500)*").contains("…and 485 more");
  }
}
