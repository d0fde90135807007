package io.rapport.report;

import io.rapport.domain.Team;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A report scope checked against the requester's rights and turned into concrete teams, reps and
 * (for an account report) one account.
 *
 * @param scope the scope with ids in place of names, for buttons that rebuild the report
 * @param title what the report is about, e.g. "Team Enterprise East"
 * @param units the groups of accounts the report is made of, one per team
 * @param accountId the one account of an account report
 * @param channelId the channel a {@code #channel} report was asked for
 */
public record ResolvedScope(
    ReportScope scope, String title, List<Unit> units, Optional<String> accountId, Optional<String> channelId) {

  public ResolvedScope {
    units = List.copyOf(units);
  }

  /**
   * One group of accounts judged together. Detectors compare an account with its team (the
   * discount norm) and its rep's whole book, so {@code contextReps} are all the team's reps, while
   * {@code reportReps} are those whose accounts the report shows.
   *
   * @param name the team's name, or a label such as "Not in a team"
   * @param team the team, when the unit is one
   * @param contextReps reps whose accounts are judged together
   * @param reportReps reps whose accounts are reported (a subset of {@code contextReps})
   */
  public record Unit(String name, Optional<Team> team, Set<String> contextReps, Set<String> reportReps) {
    public Unit {
      contextReps = Set.copyOf(new LinkedHashSet<>(contextReps));
      reportReps = Set.copyOf(new LinkedHashSet<>(reportReps));
    }
  }

  /** The teams in scope (units that are teams). */
  public List<Team> teams() {
    return units.stream().flatMap(u -> u.team().stream()).toList();
  }
}
