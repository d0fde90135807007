package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the health score answers each severity, each low rating and a pattern that persists, and where
 * the bands change. Penalties and band limits are read from the policy by name, so these hold when
 * they are tuned.
 */
class HealthResponseTest {
  private static final Policy P = Policy.defaults();
  private static final Policy.HealthWeights W = P.health();
  private static final IsoWeek AS_OF = IsoWeek.parse("2026-W40");
  private static final Account ACME = Account.of("acme", "Acme", "U_REP");

  private static History history(Integer... ratings) {
    List<CheckIn> checkIns = new ArrayList<>();
    for (int i = 0; i < ratings.length; i++) {
      checkIns.add(CheckIn.builder("acme", AS_OF.minusWeeks(ratings.length - 1 - i)).valueRating(ratings[i]).build());
    }
    return History.of(ACME, checkIns, new Timeframe(AS_OF, P.lookbackWeeks()), P.lookbackWeeks());
  }

  private static Finding finding(Pattern pattern, Severity severity) {
    return Finding.of(pattern, severity, List.of("evidence"));
  }

  private static int score(Policy policy, List<Finding> findings, Integer... ratings) {
    return HealthScore.of(findings, history(ratings), policy).score();
  }

  private static int score(List<Finding> findings, Integer... ratings) {
    return score(P, findings, ratings);
  }

  private static long rounded(double points) {
    return Math.max(0, Math.round(100 - points));
  }

  @Test
  void nothingWrongIsAPerfectHundredWithNoContributors() {
    Health h = HealthScore.of(List.of(), history(4, 5, 3), P);

    assertThat(h.score()).isEqualTo(100);
    assertThat(h.band()).isEqualTo(Health.Band.HEALTHY);
    assertThat(h.contributors()).isEmpty();
  }

  @Test
  void aWatchTakesTheWatchPenaltyAndAWarningTheWarningPenalty() {
    Health watch = HealthScore.of(List.of(finding(Pattern.ABUSIVE, Severity.WATCH)), history(), P);
    Health warning = HealthScore.of(List.of(finding(Pattern.ABUSIVE, Severity.WARNING)), history(), P);

    assertThat(watch.score()).isEqualTo(rounded(W.watchPenalty()));
    assertThat(warning.score()).isEqualTo(rounded(W.warningPenalty()));
    assertThat(watch.contributors()).singleElement().satisfies(c -> {
      assertThat(c.points()).isEqualTo(W.watchPenalty());
      assertThat(c.pattern()).isEqualTo(Pattern.ABUSIVE);
    });
    assertThat(warning.contributors()).singleElement().satisfies(c -> assertThat(c.points()).isEqualTo(W.warningPenalty()));
    assertThat(warning.score()).isLessThan(watch.score());
  }

  @Test
  void everyFindingCountsSoTwoWatchesCostTwice() {
    int two = score(List.of(finding(Pattern.ABUSIVE, Severity.WATCH), finding(Pattern.EXPLOITATIVE, Severity.WATCH)));

    assertThat(two).isEqualTo(rounded(2 * W.watchPenalty()));
  }

  @Test
  void aPatternThatPersistsCostsMoreAsItEscalates() {
    int grace = P.termsDictated().graceDays();
    int late = ACME.agreedPaymentDays() + grace + 10;
    List<Integer> scores = new ArrayList<>();
    for (int lateWeeks = 1; lateWeeks <= P.termsDictated().warningWeeks(); lateWeeks++) {
      Story story = Story.of(ACME);
      for (int i = lateWeeks - 1; i >= 0; i--) {
        story.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(i)).paymentDays(late).build());
      }
      scores.add(story.analyze().health().orElseThrow().score());
    }

    assertThat(scores.get(P.termsDictated().watchWeeks() - 2)).isEqualTo(100);
    assertThat(scores.get(P.termsDictated().watchWeeks() - 1)).isEqualTo(rounded(W.watchPenalty()));
    assertThat(scores.get(scores.size() - 1)).isEqualTo(rounded(W.warningPenalty()));
  }

  @Test
  void anAverageRatingOfThreeCostsNothingAndEachPointBelowCostsItsPenalty() {
    assertThat(score(List.of(), 3, 3, 3)).isEqualTo(100);
    assertThat(score(List.of(), 2, 4)).isEqualTo(100);
    assertThat(score(List.of(), 2, 2)).isEqualTo(rounded(W.lowValuePenaltyPerPoint()));
    assertThat(score(List.of(), 1, 1)).isEqualTo(rounded(2 * W.lowValuePenaltyPerPoint()));
    assertThat(score(List.of(), 2, 3)).isEqualTo(rounded(0.5 * W.lowValuePenaltyPerPoint()));
  }

  @Test
  void unratedWeeksDoNotPullTheAverageDown() {
    assertThat(score(List.of(), 2, null, null, 2)).isEqualTo(rounded(W.lowValuePenaltyPerPoint()));
    assertThat(score(List.of(), null, null)).isEqualTo(100);
  }

  @Test
  void ratingsBeforeTheWindowAreForgotten() {
    Integer[] ratings = new Integer[P.window().weeks() + 1];
    ratings[0] = 1;
    ratings[ratings.length - 1] = 3;

    assertThat(score(List.of(), ratings)).isEqualTo(100);
  }

  @Test
  void greatRatingsNeverBuyBackAFinding() {
    int withFinding = score(List.of(finding(Pattern.ABUSIVE, Severity.WARNING)), 5, 5, 5);

    assertThat(withFinding).isEqualTo(rounded(W.warningPenalty()));
  }

  @Test
  void aPenaltyOfZeroLeavesNoContributor() {
    Policy free = P.with("health.watchPenalty", "0");

    Health h = HealthScore.of(List.of(finding(Pattern.ABUSIVE, Severity.WATCH)), history(), free);

    assertThat(h.score()).isEqualTo(100);
    assertThat(h.contributors()).isEmpty();
  }

  @Test
  void halfPointsRoundToTheNearestWholeScore() {
    Policy half = P.with("health.watchPenalty", "2.5").with("health.warningPenalty", "2.6");

    assertThat(score(half, List.of(finding(Pattern.ABUSIVE, Severity.WATCH)))).isEqualTo(98);
    assertThat(score(half, List.of(finding(Pattern.ABUSIVE, Severity.WARNING)))).isEqualTo(97);
  }

  @Test
  void theScoreNeverFallsBelowZero() {
    List<Finding> everything = new ArrayList<>();
    for (Pattern p : Pattern.values()) {
      everything.add(finding(p, Severity.WARNING));
    }

    Health h = HealthScore.of(everything, history(1, 1, 1), P);

    assertThat(h.score()).isZero();
    assertThat(h.band()).isEqualTo(Health.Band.UNHEALTHY);
  }

  @Test
  void theThreeLargestContributorsAreShownLargestFirst() {
    Health h =
        HealthScore.of(
            List.of(
                finding(Pattern.ABUSIVE, Severity.WATCH),
                finding(Pattern.HOSTAGE, Severity.WARNING),
                finding(Pattern.EXPLOITATIVE, Severity.WATCH),
                finding(Pattern.BIG_BROTHER, Severity.WATCH)),
            history(1, 1),
            P);

    assertThat(h.contributors()).hasSize(3);
    assertThat(h.contributors().get(0).pattern()).isEqualTo(Pattern.HOSTAGE);
    assertThat(h.contributors()).extracting(Health.Contributor::points).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    // equal points are ordered by their label, so the same findings always explain the score alike
    Health again =
        HealthScore.of(
            List.of(
                finding(Pattern.BIG_BROTHER, Severity.WATCH),
                finding(Pattern.EXPLOITATIVE, Severity.WATCH),
                finding(Pattern.HOSTAGE, Severity.WARNING),
                finding(Pattern.ABUSIVE, Severity.WATCH)),
            history(1, 1),
            P);
    assertThat(again.contributors()).isEqualTo(h.contributors());
  }

  @Test
  void threeContributorsAreAllShown() {
    Health h =
        HealthScore.of(
            List.of(finding(Pattern.ABUSIVE, Severity.WATCH), finding(Pattern.HOSTAGE, Severity.WARNING)),
            history(1, 1),
            P);

    assertThat(h.contributors()).hasSize(3);
    assertThat(h.contributors()).filteredOn(c -> c.pattern() == null).singleElement()
        .satisfies(c -> assertThat(c.points()).isEqualTo(2 * W.lowValuePenaltyPerPoint()));
  }

  @Test
  void theBandsChangeExactlyAtTheirLimits() {
    assertThat(HealthScore.band(100, W)).isEqualTo(Health.Band.HEALTHY);
    assertThat(HealthScore.band(W.healthyMin(), W)).isEqualTo(Health.Band.HEALTHY);
    assertThat(HealthScore.band(W.healthyMin() - 1, W)).isEqualTo(Health.Band.AT_RISK);
    assertThat(HealthScore.band(W.unhealthyBelow(), W)).isEqualTo(Health.Band.AT_RISK);
    assertThat(HealthScore.band(W.unhealthyBelow() - 1, W)).isEqualTo(Health.Band.UNHEALTHY);
    assertThat(HealthScore.band(0, W)).isEqualTo(Health.Band.UNHEALTHY);
  }

  @Test
  void aScoreHasTheBandOfItsNumber() {
    Health h = HealthScore.of(List.of(finding(Pattern.ABUSIVE, Severity.WARNING)), history(), P);

    assertThat(h.band()).isEqualTo(HealthScore.band(h.score(), W));
  }

  @Test
  void anAccountWithoutACheckInInItsEvidenceWindowHasNoHealthAtAll() {
    Story stale = Story.of(ACME);
    stale.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(P.evidenceWeeks())).paymentDays(90).build());
    AccountAnalysis judgedLater = new Analyzer(P).analyze(ACME, stale.checkIns(), BookContext.empty(), AS_OF);
    AccountAnalysis judgedInTime =
        new Analyzer(P).analyze(ACME, stale.checkIns(), BookContext.empty(), AS_OF.minusWeeks(1));

    assertThat(judgedLater.health()).isEmpty();
    assertThat(judgedLater.noRecentCheckIns()).isTrue();
    assertThat(judgedLater.band()).isEmpty();
    assertThat(judgedInTime.health()).isPresent();
    assertThat(judgedInTime.band()).contains(Health.Band.HEALTHY);
  }
}
