package io.rapport.flag;

import io.rapport.domain.Team;
import io.rapport.insight.PolicyException;
import io.rapport.store.Store;
import java.util.Map;
import java.util.Optional;

/**
 * Per-team policy administration: read a team's policy, change or reset thresholds. Every change is validated as a whole before it is stored, so a bad value changes
 * nothing; flags judge the team's accounts with the new policy from the next judgement on.
 */
public final class TeamPolicies {
  private final Store store;

  public TeamPolicies(Store store) {
    this.store = store;
  }

  /** A false alarm as the policy view lists it, to show admins what the thresholds got wrong. */
  public record FalseAlarmLine(String patternTitle, String accountName, String markedBy, long markedAt, String reason) {}

  /** The team's latest false alarms (at most {@code limit}), newest first. */
  public java.util.List<FalseAlarmLine> recentFalseAlarms(Team team, int limit) {
    java.util.List<FalseAlarmLine> lines = new java.util.ArrayList<>();
    for (io.rapport.store.FlagDao.FalseAlarm a
        : store.jdbi().onDemand(io.rapport.store.FlagDao.class).falseAlarmsOfTeam(team.workspaceId(), team.id(), limit)) {
      String account = store.accounts().find(team.workspaceId(), a.accountId())
          .map(io.rapport.domain.Account::name).orElse(a.accountId());
      lines.add(new FalseAlarmLine(io.rapport.slack.views.FlagMessages.patternTitle(a.pattern()), account,
          a.markedBy(), a.markedAt(), a.reason()));
    }
    return lines;
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
