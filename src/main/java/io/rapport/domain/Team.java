package io.rapport.domain;

import java.util.Optional;

/**
 * A sales team: a manager, members (the reps), a Slack channel for flag discussions and a weekly
 * check-in schedule. Members are stored apart and read with the team DAO.
 */
public record Team(
    String workspaceId,
    String id,
    String name,
    Optional<String> managerId,
    Optional<String> channelId,
    WeeklySchedule schedule,
    boolean paused,
    String policyOverrides) {

  public static final int MAX_NAME_LENGTH = 80;

  public Team {
    Fields.require("team name", name);
    managerId = managerId == null ? Optional.empty() : managerId;
    channelId = channelId == null ? Optional.empty() : channelId;
    schedule = schedule == null ? WeeklySchedule.DEFAULT : schedule;
  }

  public boolean isManagedBy(String userId) {
    return managerId.filter(userId::equals).isPresent();
  }
}
