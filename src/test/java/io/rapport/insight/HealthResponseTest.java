package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the health score answers each severity, the seriousness of each pattern, a pattern that
 * persists, each low rating, and where the bands change. Penalties and band limits are read from the policy by name, so these hold when
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

  private static Finding finding(Pattern pattern, Severity severity, int weeks) {
    return Finding.of(pattern, severity, weeks, List.of("evidence"));
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
    Health watch = HealthScore.of(List.of(finding(Pattern.TERMS_DICTATED, Severity.WATCH)), history(), P);
    Health warning = HealthScore.of(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING)), history(), P);

    assertThat(watch.score()).isEqualTo(rounded(W.watchPenalty()));
    assertThat(warning.score()).isEqualTo(rounded(W.warningPenalty()));
    assertThat(watch.contributors()).singleElement().satisfies(c -> {
      assertThat(c.points()).isEqualTo(W.watchPenalty());
      assertThat(c.pattern()).isEqualTo(Pattern.TERMS_DICTATED);
      assertThat(c.label()).isEqualTo("Terms dictated (watch, 1 week)");
    });
    assertThat(warning.contributors()).singleElement().satisfies(c -> assertThat(c.points()).isEqualTo(W.warningPenalty()));
    assertThat(warning.score()).isLessThan(watch.score());
  }

  @Test
  void everyFindingCountsSoTwoWatchesCostTwice() {
    int two = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WATCH), finding(Pattern.HOSTAGE, Severity.WATCH)));

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

    int watchWeeks = P.termsDictated().watchWeeks();
    int warningWeeks = P.termsDictated().warningWeeks();
    assertThat(scores.get(watchWeeks - 2)).isEqualTo(100);
    assertThat(scores.get(watchWeeks - 1))
        .isEqualTo(rounded(W.watchPenalty() * (1 + W.persistencePerWeek() * (watchWeeks - 1))));
    assertThat(scores.get(scores.size() - 1))
        .isEqualTo(rounded(W.warningPenalty() * (1 + W.persistencePerWeek() * (warningWeeks - 1))));
  }

  @Test
  void theSameSeverityCostsMoreTheMoreWeeksItsSignalShowed() {
    int once = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING, 1)));
    int thrice = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING, 3)));
    int eightTimes = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING, 8)));

    assertThat(once).isEqualTo(rounded(W.warningPenalty()));
    assertThat(thrice).isEqualTo(rounded(W.warningPenalty() * (1 + 2 * W.persistencePerWeek())));
    assertThat(eightTimes).isEqualTo(rounded(W.warningPenalty() * (1 + 7 * W.persistencePerWeek())));
    assertThat(once).isGreaterThan(thrice);
    assertThat(thrice).isGreaterThan(eightTimes);
  }

  @Test
  void persistenceStopsAddingAtItsCap() {
    int weeksToCap = (int) Math.ceil((W.maxPersistence() - 1) / W.persistencePerWeek()) + 1;

    int atCap = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING, weeksToCap)));
    int wellPast = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING, weeksToCap + 20)));

    assertThat(atCap).isEqualTo(rounded(W.warningPenalty() * W.maxPersistence()));
    assertThat(wellPast).isEqualTo(atCap);
    assertThat(HealthScore.persistence(weeksToCap + 20, W)).isEqualTo(W.maxPersistence());
  }

  @Test
  void aFindingAboutHowPeopleAreTreatedCostsTheConductFactorMore() {
    for (Severity severity : Severity.values()) {
      double plain = severity == Severity.WARNING ? W.warningPenalty() : W.watchPenalty();
      for (Pattern p : Pattern.values()) {
        int expected = (int) rounded(plain * (p.aboutConduct() ? W.conductFactor() : 1));
        assertThat(score(List.of(finding(p, severity)))).as(p + " " + severity).isEqualTo(expected);
      }
    }
    assertThat(Pattern.values()).filteredOn(Pattern::aboutConduct)
        .containsExactlyInAnyOrder(Pattern.ABUSIVE, Pattern.BIG_BROTHER, Pattern.EXPLOITATIVE);
  }

  @Test
  void aClientAggressiveThreeWeeksRunningWeighsMoreThanThreeLatePayments() {
    Story aggressive = Story.of(ACME);
    Story late = Story.of(ACME);
    for (int i = 2; i >= 0; i--) {
      aggressive.checkIns().add(
          CheckIn.builder("acme", AS_OF.minusWeeks(i)).clientConduct(io.rapport.domain.ClientConduct.AGGRESSIVE).build());
      late.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(i)).paymentDays(75).build());
    }

    AccountAnalysis bullied = aggressive.analyze();
    AccountAnalysis paidLate = late.analyze();

    assertThat(bullied.findings()).extracting(Finding::pattern, Finding::severity, Finding::signalWeeks)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Pattern.ABUSIVE, Severity.WARNING, 3));
    assertThat(paidLate.findings()).extracting(Finding::pattern, Finding::severity, Finding::signalWeeks)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Pattern.TERMS_DICTATED, Severity.WARNING, 3));
    // the documented worked examples (docs/PATTERNS.md): 100 − 20 × 2 × 1.2 and 100 − 20 × 1 × 1.2
    assertThat(bullied.health().orElseThrow().score()).isEqualTo(52);
    assertThat(bullied.health().orElseThrow().band()).isEqualTo(Health.Band.UNHEALTHY);
    assertThat(paidLate.health().orElseThrow().score()).isEqualTo(76);
    assertThat(paidLate.health().orElseThrow().band()).isEqualTo(Health.Band.AT_RISK);
  }

  @Test
  void withTheDefaultsOneFindingAboutMoneyOrTimeHoweverLongLeavesAnAccountAtRisk() {
    for (Pattern p : Pattern.values()) {
      if (p.aboutConduct()) {
        continue;
      }
      Health h = HealthScore.of(List.of(finding(p, Severity.WARNING, 52)), history(), P);
      assertThat(h.band()).as(p.id()).isEqualTo(Health.Band.AT_RISK);
    }
    Health threats = HealthScore.of(List.of(finding(Pattern.BIG_BROTHER, Severity.WARNING, 2)), history(), P);
    assertThat(threats.band()).isEqualTo(Health.Band.UNHEALTHY);
  }

  @Test
  void withTheDefaultsAnyFindingTakesAnAccountOutOfHealthy() {
    for (Pattern p : Pattern.values()) {
      Health h = HealthScore.of(List.of(finding(p, Severity.WATCH)), history(), P);
      assertThat(h.band()).as(p.id()).isNotEqualTo(Health.Band.HEALTHY);
    }
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
    int withFinding = score(List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING)), 5, 5, 5);

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

    assertThat(score(half, List.of(finding(Pattern.TERMS_DICTATED, Severity.WATCH)))).isEqualTo(98);
    assertThat(score(half, List.of(finding(Pattern.TERMS_DICTATED, Severity.WARNING)))).isEqualTo(97);
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
                finding(Pattern.WIN_LOSE, Severity.WATCH),
                finding(Pattern.HOSTAGE, Severity.WARNING),
                finding(Pattern.TERMS_DICTATED, Severity.WATCH),
                finding(Pattern.QUOTA_PRESSURE, Severity.WATCH)),
            history(1, 1),
            P);

    assertThat(h.contributors()).hasSize(3);
    assertThat(h.contributors().get(0).pattern()).isEqualTo(Pattern.HOSTAGE);
    assertThat(h.contributors()).extracting(Health.Contributor::points).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    // equal points are ordered by their label, so the same findings always explain the score alike
    Health again =
        HealthScore.of(
            List.of(
                finding(Pattern.QUOTA_PRESSURE, Severity.WATCH),
                finding(Pattern.TERMS_DICTATED, Severity.WATCH),
                finding(Pattern.HOSTAGE, Severity.WARNING),
                finding(Pattern.WIN_LOSE, Severity.WATCH)),
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
