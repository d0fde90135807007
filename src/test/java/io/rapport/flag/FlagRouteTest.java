package io.rapport.flag;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a flag goes: a private audience, or one nobody can read, never reaches the team channel. */
class FlagRouteTest {
  static final Team EAST = new Team("T1", "east", "East", Optional.of("UMGR"), Optional.of("CEAST"),
      WeeklySchedule.DEFAULT, false, null);

  static Flag flagFor(String audience) {
    return new Flag("T1", "f-1", "acme", "QUOTA_PRESSURE", "warning", FlagStatus.OPEN, List.of("evidence"),
        "tip", "UREP", "east", null, null, Flag.POST_PENDING, null, false, 1, "2026-W40", "2026-W42", null,
        "2026-W42", null, null, null, 1L, null, audience, null, null);
  }

  @Test
  void aTeamFlagGoesToTheTeamsChannel() {
    assertThat(FlagRoute.of(flagFor("team"), Optional.of(EAST))).contains(new FlagRoute("CEAST", List.of()));
  }

  @Test
  void aCoachingFlagGoesToTheRepAndTheirManagerOnly() {
    assertThat(FlagRoute.of(flagFor("coaching"), Optional.of(EAST)))
        .contains(new FlagRoute(null, List.of("UREP", "UMGR")));
  }

  @Test
  void aManagerOnlyFlagGoesToTheManagerAlone() {
    assertThat(FlagRoute.of(flagFor("manager"), Optional.of(EAST))).contains(new FlagRoute(null, List.of("UMGR")));
  }

  @Test
  void anAudienceNobodyCanReadFailsClosedToTheManagerNeverTheChannel() {
    for (String unreadable : new String[] {"teams", "", "everyone", null}) {
      Optional<FlagRoute> route = FlagRoute.of(flagFor(unreadable), Optional.of(EAST));
      assertThat(route).as("audience %s", unreadable).contains(new FlagRoute(null, List.of("UMGR")));
    }
  }

  @Test
  void withoutATeamTheFlagWaits() {
    assertThat(FlagRoute.of(flagFor("team"), Optional.empty())).isEmpty();
  }
}
