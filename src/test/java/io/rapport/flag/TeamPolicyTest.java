package io.rapport.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.insight.Policy;
import io.rapport.insight.PolicyException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamPolicyTest {
  private static Team team(String policyJson) {
    return new Team("T1", "t1", "East", Optional.of("UM"), Optional.of("C1"), WeeklySchedule.DEFAULT, false, policyJson);
  }

  @Test
  void noTeamOrNoOverridesIsTheDefaultPolicy() {
    assertThat(TeamPolicy.of(Optional.empty()).policy()).isEqualTo(Policy.defaults());
    assertThat(TeamPolicy.of(Optional.of(team(null))).settings()).isEqualTo(FlagSettings.defaults());
    assertThat(TeamPolicy.of(Optional.of(team(" "))).overrides()).isEmpty();
    assertThat(FlagSettings.defaults().falseAlarmWeeks()).isEqualTo(8);
    assertThat(FlagSettings.defaults().quietWeeks()).isEqualTo(4);
  }

  @Test
  void overridesSplitBetweenTheInsightPolicyAndTheFlagSettings() {
    TeamPolicy p = TeamPolicy.of(Optional.of(team(
        "{\"termsDictated.graceDays\":\"14\",\"flags.falseAlarmWeeks\":12,\"flags.quietWeeks\":\"6\"}")));
    assertThat(p.policy().termsDictated().graceDays()).isEqualTo(14);
    assertThat(p.settings().falseAlarmWeeks()).isEqualTo(12);
    assertThat(p.settings().quietWeeks()).isEqualTo(6);
    assertThat(TeamPolicy.parseJson(p.toJson())).isEqualTo(p.overrides());
  }

  @Test
  void anUnusableStoredPolicyFallsBackToTheDefaults() {
    assertThat(TeamPolicy.of(Optional.of(team("not json"))).policy()).isEqualTo(Policy.defaults());
    assertThat(TeamPolicy.of(Optional.of(team("{\"gone.threshold\":\"3\"}"))).overrides()).isEmpty();
    assertThat(TeamPolicy.of(Optional.of(team("[1,2]"))).overrides()).isEmpty();
  }

  @Test
  void everyChangeIsValidatedAsAWhole() {
    TeamPolicy p = TeamPolicy.defaults();
    assertThatThrownBy(() -> p.with(Map.of("flags.falseAlarmWeeks", "0"))).isInstanceOf(PolicyException.class)
        .hasMessageContaining("between 1 and 52");
    assertThatThrownBy(() -> p.with(Map.of("flags.nothing", "3"))).hasMessageContaining("unknown setting");
    assertThatThrownBy(() -> p.with(Map.of("termsDictated.watchWeeks", "9")))
        .hasMessageContaining("must not exceed");
    assertThatThrownBy(() -> p.with(Map.of("flags.quietWeeks", "three"))).hasMessageContaining("whole number");
    TeamPolicy changed = p.with(Map.of("termsDictated.watchWeeks", "1", "flags.resolvedGraceWeeks", "0"));
    assertThat(changed.policy().termsDictated().watchWeeks()).isEqualTo(1);
    assertThat(changed.settings().resolvedGraceWeeks()).isZero();
    assertThat(changed.without("termsDictated.watchWeeks").overrides()).containsOnlyKeys("flags.resolvedGraceWeeks");
    assertThat(changed.toJson()).isEqualTo("{\"flags.resolvedGraceWeeks\":\"0\",\"termsDictated.watchWeeks\":\"1\"}");
    assertThat(TeamPolicy.defaults().toJson()).isNull();
  }
}
