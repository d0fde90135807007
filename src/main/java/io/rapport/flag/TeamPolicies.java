package io.rapport.flag;

import io.rapport.domain.Names;
import io.rapport.domain.Team;
import io.rapport.insight.PolicyException;
import io.rapport.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-team policy administration: find a team by name, read its policy, change or reset
 * thresholds. Every change is validated as a whole before it is stored, so a bad value changes
 * nothing; flags judge the team's accounts with the new policy from the next judgement on.
 */
public final class TeamPolicies {
  private final Store store;

  public TeamPolicies(Store store) {
    this.store = store;
  }

  /** A team named {@code name}: an exact (case-insensitive) match, else the only prefix match. */
  public sealed interface Lookup permits Found, NotFound, Ambiguous {}

  public record Found(Team team) implements Lookup {}

  public record NotFound(List<String> teamNames) implements Lookup {}

  public record Ambiguous(List<String> candidates) implements Lookup {}

  public Lookup find(String workspaceId, String name) {
    List<Team> teams = store.teams().all(workspaceId);
    String key = Names.key(name);
    Optional<Team> exact = teams.stream().filter(t -> Names.key(t.name()).equals(key)).findFirst();
    if (exact.isPresent()) {
      return new Found(exact.get());
    }
    List<Team> prefixed = teams.stream().filter(t -> Names.key(t.name()).startsWith(key)).toList();
    if (prefixed.size() == 1) {
      return new Found(prefixed.get(0));
    }
    if (prefixed.isEmpty()) {
      return new NotFound(teams.stream().map(Team::name).toList());
    }
    return new Ambiguous(prefixed.stream().map(Team::name).toList());
  }

  public TeamPolicy policyOf(Team team) {
    return TeamPolicy.of(Optional.of(team));
  }

  /** Applies {@code overrides} to the team's policy; throws (and stores nothing) when one is invalid. */
  public TeamPolicy set(Team team, Map<String, String> overrides) throws PolicyException {
    TeamPolicy updated = storedOverrides(team).with(overrides);
    store.teams().setPolicy(team.workspaceId(), team.id(), updated.toJson());
    return updated;
  }

  /** Drops the override of {@code name} ({@code all} drops every override). */
  public TeamPolicy reset(Team team, String name) throws PolicyException {
    TeamPolicy current = storedOverrides(team);
    TeamPolicy updated;
    if ("all".equalsIgnoreCase(name)) {
      updated = TeamPolicy.defaults();
    } else if (!current.overrides().containsKey(name)) {
      throw new PolicyException(name + " is not overridden for this team"
          + (current.overrides().isEmpty() ? " (nothing is)" : "; overridden: " + String.join(", ", current.overrides().keySet())));
    } else {
      updated = current.without(name);
    }
    store.teams().setPolicy(team.workspaceId(), team.id(), updated.toJson());
    return updated;
  }

  /** The stored overrides; unusable ones (from an older version) are dropped rather than kept. */
  private static TeamPolicy storedOverrides(Team team) {
    return TeamPolicy.of(Optional.of(team));
  }
}
