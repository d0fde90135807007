package io.rapport.flag;

import io.rapport.domain.Team;
import io.rapport.insight.Policy;
import io.rapport.store.Store;
import java.util.Optional;

/**
 * The one resolver of the policy in force: for a team, its overrides on the defaults; for a rep
 * (and so for each of their accounts), the policy of their home team — the first of their teams
 * by name, the team whose channel their flags go to — or the defaults for a rep in no team.
 * Flags, App Home, {@code /accounts}, the report (bands, chart, over-servicing list) and the
 * digest all ask here, so a team's override changes every surface at once.
 */
public final class PolicyInForce {
  private final Store store;

  public PolicyInForce(Store store) {
    this.store = store;
  }

  /** The policy in force for {@code team} (the defaults for no team). */
  public static TeamPolicy ofTeam(Optional<Team> team) {
    return TeamPolicy.of(team);
  }

  /** The insight policy in force for {@code team}. */
  public static Policy insightOf(Optional<Team> team) {
    return ofTeam(team).policy();
  }

  /** The rep's home team: the first of their teams by name. */
  public Optional<Team> homeTeam(String workspaceId, String repId) {
    return store.teams().ofMember(workspaceId, repId).stream().findFirst();
  }

  /** The policy in force for the rep's accounts: their home team's. */
  public TeamPolicy ofRep(String workspaceId, String repId) {
    return ofTeam(homeTeam(workspaceId, repId));
  }
}
