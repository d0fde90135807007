package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

  @Test
  void everyThresholdHasANameADefaultAndADescription() {
    var thresholds = Policy.defaults().thresholds();

    assertThat(thresholds).hasSizeGreaterThan(40);
    assertThat(thresholds).allSatisfy(t -> {
      assertThat(t.name()).matches("[a-zA-Z]+\\.[a-zA-Z]+");
      assertThat(t.description()).isNotBlank();
      assertThat(t.value()).isEqualTo(t.defaultValue());
      assertThat(t.value().doubleValue()).isBetween(t.min(), t.max());
    });
    assertThat(Policy.thresholdNames()).contains("termsDictated.warningWeeks", "window.weeks", "health.healthyMin");
  }

  @Test
  void overridingOneThresholdByNameChangesOnlyThatOne() {
    Policy p = Policy.defaults().with("termsDictated.warningWeeks", "4");

    assertThat(p.termsDictated().warningWeeks()).isEqualTo(4);
    assertThat(p.termsDictated().watchWeeks()).isEqualTo(2);
    assertThat(p.window()).isEqualTo(Policy.defaults().window());
    assertThat(p.thresholds()).filteredOn(t -> !t.value().equals(t.defaultValue()))
        .extracting(Policy.ThresholdInfo::name).containsExactly("termsDictated.warningWeeks");
  }

  @Test
  void overridesFromAMapApplyTogether() {
    Policy p =
        Policy.of(Map.of("workingForTheClient.ceilingPct", "12.5", "termsDictated.graceDays", "0"));

    assertThat(p.workingForTheClient().ceilingPct()).isEqualTo(12.5);
    assertThat(p.termsDictated().graceDays()).isZero();
  }

  @Test
  void anOverrideChangesTheJudgement() {
    Story threeLatePayments =
        Story.of("slow-payer")
            .weeks(
                """
                week      pay
                2026-W38  60
                2026-W39  61
                2026-W40  62
                """);

    assertThat(threeLatePayments.finding(Pattern.TERMS_DICTATED).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    threeLatePayments.policy(Policy.defaults().with("termsDictated.warningWeeks", "4"));
    assertThat(threeLatePayments.finding(Pattern.TERMS_DICTATED).orElseThrow().severity()).isEqualTo(Severity.WATCH);
  }

  @Test
  void unknownThresholdsAreRefusedWithTheKnownNames() {
    assertThatThrownBy(() -> Policy.defaults().with("termsDictated.minLate", "3"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("unknown threshold \"termsDictated.minLate\"; known thresholds: window.weeks,");
  }

  @Test
  void badValuesAreRefusedWithTheRange() {
    assertThatThrownBy(() -> Policy.defaults().with("termsDictated.warningWeeks", "three"))
        .hasMessage("termsDictated.warningWeeks must be a whole number between 1 and 52, got \"three\"");
    assertThatThrownBy(() -> Policy.defaults().with("termsDictated.warningWeeks", "2.5"))
        .hasMessage("termsDictated.warningWeeks must be a whole number between 1 and 52, got \"2.5\"");
    assertThatThrownBy(() -> Policy.defaults().with("workingForTheClient.ceilingPct", "150"))
        .hasMessage("workingForTheClient.ceilingPct must be a number between 0 and 100, got 150");
  }

  @Test
  void aWatchLevelAboveTheWarningLevelIsRefused() {
    assertThatThrownBy(() -> Policy.defaults().with("termsDictated.watchWeeks", "5"))
        .isInstanceOf(PolicyException.class)
        .hasMessage("termsDictated.watchWeeks (5) must not exceed termsDictated.warningWeeks (3)");
  }

  @Test
  void everyPatternHasATitleADescriptionAndATip() {
    for (Pattern p : Pattern.values()) {
      assertThat(p.title()).isNotBlank();
      assertThat(p.description()).isNotBlank();
      assertThat(Tips.forPattern(p)).isNotBlank();
    }
    assertThat(Pattern.values()).hasSize(13);
  }
}
