package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthScoreTest {

  @Test
  void oneThreatIsAWatchAboutConductAndPutsTheAccountAtRisk() {
    Story once =
        Story.of("global-motors")
            .weeks(
                """
                week      conduct
                2026-W40  threatening
                """);

    Health h = once.analyze().health().orElseThrow();

    assertThat(h.score()).isEqualTo(76); // 100 − 12 (watch) × 2 (conduct) × 1 (one week)
    assertThat(h.band()).isEqualTo(Health.Band.AT_RISK);
    assertThat(h.contributors()).extracting(Health.Contributor::label).containsExactly("Big brother (watch, 1 week)");
  }

  @Test
  void twoWarningsPutAnAccountAtRiskAndAreItsLargestContributors() {
    Story bad =
        Story.of(Account.of("megamart", "MegaMart", "U_SAM").withMandated(true))
            .weeks(
                """
                week      pay  dispute  value
                2026-W36  70   y        1
                2026-W37  65   n        1
                2026-W38  80   y        2
                2026-W39  75   n        1
                """);

    AccountAnalysis a = bad.analyze();

    assertThat(a.findings()).extracting(Finding::pattern)
        .containsExactly(Pattern.EXPLOITATIVE, Pattern.HOSTAGE, Pattern.TERMS_DICTATED);
    assertThat(a.health().orElseThrow().score()).isZero();
    assertThat(a.health().orElseThrow().band()).isEqualTo(Health.Band.UNHEALTHY);
    assertThat(a.health().orElseThrow().contributors()).hasSize(3);
    // the two disputes: 20 (warning) × 2 (conduct) × 1.1 (two weeks)
    assertThat(a.health().orElseThrow().contributors().get(0).points()).isCloseTo(44, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.health().orElseThrow().contributors().get(0).pattern()).isEqualTo(Pattern.EXPLOITATIVE);
  }

  @Test
  void lowValueRatingsLowerTheScoreEvenWithoutAFinding() {
    Story meh =
        Story.of("meh-co")
            .weeks(
                """
                week      value
                2026-W38  2
                2026-W39  2
                """);

    Health h = meh.analyze().health().orElseThrow();

    assertThat(h.score()).isEqualTo(92);
    assertThat(h.contributors()).extracting(Health.Contributor::label)
        .containsExactly("low value rating (average 2 of 5)");
  }

  @Test
  void findingsAreOrderedWarningsFirstThenByPatternId() {
    Story mixed =
        Story.of("mixed")
            .weeks(
                """
                week      conduct      pay  dispute
                2026-W36  threatening  70   n
                2026-W37  respectful   65   y
                2026-W38  respectful   80   y
                """);

    List<Finding> findings = mixed.analyze().findings();

    assertThat(findings).extracting(f -> f.pattern() + "/" + f.severity().id())
        .containsExactly("EXPLOITATIVE/warning", "TERMS_DICTATED/warning", "BIG_BROTHER/watch");
  }
}
