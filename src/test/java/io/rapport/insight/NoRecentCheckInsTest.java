package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An account without a check-in in its evidence window has no health and is in no band. */
class NoRecentCheckInsTest {
  static final Account ACME = Account.of("acme", "Acme", "U1");

  @Test
  void anAccountWithoutCheckInsHasNoHealthNumberAndNoBand() {
    AccountAnalysis a = new Analyzer().analyze(ACME, List.of(), BookContext.empty(), IsoWeek.parse("2026-W40"));
    assertThat(a.health()).isEmpty();
    assertThat(a.band()).isEmpty();
    assertThat(a.noRecentCheckIns()).isTrue();
  }

  @Test
  void checkInsOlderThanTheEvidenceWindowAreNotEvidenceOfHealth() {
    Story old = Story.of(ACME).weeks(
        """
        week      biz
        2026-W20  2
        2026-W21  2
        """);
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks());
    AccountAnalysis a = new Analyzer().analyze(ACME, old.checkIns(), BookContext.empty(), judged);
    assertThat(a.health()).isEmpty();
  }

  @Test
  void oneCheckInAtTheOldestWeekOfTheWindowIsEnough() {
    Story edge = Story.of(ACME).weeks(
        """
        week      biz
        2026-W21  2
        """);
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks() - 1L);
    AccountAnalysis a = new Analyzer().analyze(ACME, edge.checkIns(), BookContext.empty(), judged);
    assertThat(a.health()).isPresent();
    assertThat(a.health().get().band()).isEqualTo(Health.Band.HEALTHY);
  }

  @Test
  void weeksTheRepWasAwayAreNotGapsInTheEvidenceWindow() {
    Story beforeLeave = Story.of(ACME).weeks(
        """
        week      biz
        2026-W21  2
        """);
    // Judged one week after the window would have closed; the rep was away for two of those weeks.
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks());
    Absences awayTwoWeeks = (rep, week) -> rep.equals("U1")
        && (week.equals(IsoWeek.parse("2026-W30")) || week.equals(IsoWeek.parse("2026-W31")));

    AccountAnalysis a = new Analyzer().analyze(ACME, beforeLeave.checkIns(), BookContext.empty(), judged, awayTwoWeeks);

    assertThat(a.noRecentCheckIns()).isFalse();
    assertThat(a.health()).isPresent();
  }

  @Test
  void theValueRatingIsReadOverTheSameStretchedWindowAsTheHealthItLowers() {
    Story beforeLeave = Story.of(ACME);
    beforeLeave.checkIns().add(io.rapport.domain.CheckIn.builder("acme", IsoWeek.parse("2026-W21")).valueRating(1).build());
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks());
    Absences awayTwoWeeks = (rep, week) -> rep.equals("U1")
        && (week.equals(IsoWeek.parse("2026-W30")) || week.equals(IsoWeek.parse("2026-W31")));

    AccountAnalysis a = new Analyzer().analyze(ACME, beforeLeave.checkIns(), BookContext.empty(), judged, awayTwoWeeks);

    assertThat(a.meanValueRating()).hasValue(1.0);
    assertThat(a.health().orElseThrow().score())
        .isEqualTo(100 - (int) Math.round(2 * Policy.defaults().health().lowValuePenaltyPerPoint()));
  }

  @Test
  void anotherRepsAwayWeeksDoNotStretchTheWindow() {
    Story beforeLeave = Story.of(ACME).weeks(
        """
        week      biz
        2026-W21  2
        """);
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks());
    Absences someoneElseAway = (rep, week) -> rep.equals("U2");

    AccountAnalysis a = new Analyzer().analyze(ACME, beforeLeave.checkIns(), BookContext.empty(), judged, someoneElseAway);

    assertThat(a.noRecentCheckIns()).isTrue();
  }

  @Test
  void theWindowStretchesByTheAwayWeeksOnlyNotFurther() {
    Story beforeLeave = Story.of(ACME).weeks(
        """
        week      biz
        2026-W21  2
        """);
    // Two weeks past the normal window, one week away: still a gap.
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks() + 1L);
    Absences awayOneWeek = (rep, week) -> week.equals(IsoWeek.parse("2026-W30"));

    AccountAnalysis a = new Analyzer().analyze(ACME, beforeLeave.checkIns(), BookContext.empty(), judged, awayOneWeek);

    assertThat(a.noRecentCheckIns()).isTrue();
  }

  @Test
  void analyzingABookStretchesEachRepsWindowByTheirOwnAwayWeeks() {
    Account globex = Account.of("globex", "Globex", "U2");
    Story acme = Story.of(ACME).weeks(
        """
        week      biz
        2026-W21  2
        """);
    Story globexStory = Story.of(globex).weeks(
        """
        week      biz
        2026-W21  2
        """);
    IsoWeek judged = IsoWeek.parse("2026-W21").plusWeeks(Policy.defaults().evidenceWeeks());
    Absences u1Away = (rep, week) -> rep.equals("U1") && week.equals(IsoWeek.parse("2026-W25"));

    List<AccountAnalysis> both = new Analyzer().analyzeAll(List.of(ACME, globex),
        java.util.Map.of("acme", acme.checkIns(), "globex", globexStory.checkIns()), judged, u1Away);

    assertThat(both.get(0).noRecentCheckIns()).isFalse();
    assertThat(both.get(1).noRecentCheckIns()).isTrue();
  }
}
