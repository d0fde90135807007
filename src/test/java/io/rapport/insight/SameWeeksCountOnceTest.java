package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Two findings resting on the same weeks of one signal are both shown, but health counts those
 * weeks once: the larger deduction counts (abusive client / big brother on threatening weeks;
 * win-lose / working for the client on discount and freebie weeks). Findings on different signals
 * still add up.
 */
class SameWeeksCountOnceTest {
  private static final Policy P = Policy.defaults();
  private static final Policy.HealthWeights W = P.health();
  private static final IsoWeek AS_OF = IsoWeek.parse("2026-W40");
  private static final Account ACME = Account.of("acme", "Acme", "U_REP");

  private static Health health(Finding... findings) {
    return HealthScore.of(List.of(findings), OptionalDouble.empty(), W);
  }

  private static long rounded(double points) {
    return Math.max(0, Math.round(100 - points));
  }

  /** 12 quiet weeks ending with the week judged, the last {@code signalWeeks} with {@code signal}. */
  private static Story story(int signalWeeks, UnaryOperator<CheckIn.Builder> signal) {
    Story s = Story.of(ACME);
    for (int i = 11; i >= 0; i--) {
      CheckIn.Builder b = CheckIn.builder(ACME.id(), AS_OF.minusWeeks(i)).contacts(1, 0);
      s.checkIns().add((i < signalWeeks ? signal.apply(b) : b).build());
    }
    return s;
  }

  @Test
  void aThreateningWeekCountsOnceThoughItIsBothAbusiveAndBigBrother() {
    Story threats = story(3, b -> b.clientConduct(ClientConduct.THREATENING));
    AccountAnalysis a = threats.analyze();
    Finding abusive = threats.finding(Pattern.ABUSIVE).orElseThrow();
    Finding bigBrother = threats.finding(Pattern.BIG_BROTHER).orElseThrow();

    assertThat(a.findings()).as("both findings are still shown").contains(abusive, bigBrother);
    double larger = Math.max(HealthScore.points(abusive, W), HealthScore.points(bigBrother, W));
    assertThat(a.health().orElseThrow().score()).isEqualTo(rounded(larger));
    assertThat(a.health().orElseThrow().score()).as("not both deductions")
        .isGreaterThan((int) rounded(HealthScore.points(abusive, W) + HealthScore.points(bigBrother, W)));
    assertThat(a.health().orElseThrow().band()).isEqualTo(Health.Band.UNHEALTHY);
  }

  @Test
  void threatsAreNeverHealthierThanTheSameWeeksOfAggression() {
    int aggressive = story(3, b -> b.clientConduct(ClientConduct.AGGRESSIVE)).analyze().health().orElseThrow().score();
    int threatening = story(3, b -> b.clientConduct(ClientConduct.THREATENING)).analyze().health().orElseThrow().score();

    assertThat(threatening).isLessThanOrEqualTo(aggressive);
  }

  @Test
  void discountWeeksCountOnceThoughTheyAreBothWinLoseAndWorkingForTheClient() {
    Story discounts = story(8, b -> b.discountPct(30.0).freebies(true));
    AccountAnalysis a = discounts.analyze();
    Finding winLose = discounts.finding(Pattern.WIN_LOSE).orElseThrow();
    Finding working = discounts.finding(Pattern.WORKING_FOR_THE_CLIENT).orElseThrow();

    double larger = Math.max(HealthScore.points(winLose, W), HealthScore.points(working, W));
    assertThat(a.health().orElseThrow().score()).isEqualTo(rounded(larger));
    assertThat(a.health().orElseThrow().contributors()).hasSize(1);
  }

  @Test
  void ofTwoFindingsOnTheSameSignalTheLargerCountsWhicheverComesFirst() {
    Finding abusiveWatch = Finding.of(Pattern.ABUSIVE, Severity.WATCH, 2, List.of("e"));
    Finding bigBrotherWarning = Finding.of(Pattern.BIG_BROTHER, Severity.WARNING, 3, List.of("e"));

    Health h = health(abusiveWatch, bigBrotherWarning);

    assertThat(h.score()).isEqualTo(rounded(HealthScore.points(bigBrotherWarning, W)));
    assertThat(h.contributors()).singleElement().satisfies(c -> assertThat(c.pattern()).isEqualTo(Pattern.BIG_BROTHER));
    assertThat(health(bigBrotherWarning, abusiveWatch).score()).isEqualTo(h.score());
  }

  @Test
  void equalFindingsOnTheSameSignalCountOnceNotZeroTimes() {
    Finding winLose = Finding.of(Pattern.WIN_LOSE, Severity.WARNING, 4, List.of("e"));
    Finding working = Finding.of(Pattern.WORKING_FOR_THE_CLIENT, Severity.WARNING, 4, List.of("e"));

    assertThat(health(winLose, working).score()).isEqualTo(rounded(HealthScore.points(winLose, W)));
  }

  @Test
  void findingsOnDifferentSignalsStillAddUp() {
    Finding abusive = Finding.of(Pattern.ABUSIVE, Severity.WARNING, 3, List.of("e"));
    Finding working = Finding.of(Pattern.WORKING_FOR_THE_CLIENT, Severity.WATCH, 2, List.of("e"));
    Finding terms = Finding.of(Pattern.TERMS_DICTATED, Severity.WARNING, 3, List.of("e"));

    assertThat(health(abusive, working, terms).score()).isEqualTo(rounded(
        HealthScore.points(abusive, W) + HealthScore.points(working, W) + HealthScore.points(terms, W)));
  }
}
