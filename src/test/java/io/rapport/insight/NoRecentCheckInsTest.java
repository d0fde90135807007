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
}
