package io.rapport.team;

import io.rapport.domain.Account;
import io.rapport.domain.Team;
import io.rapport.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How far a workspace's setup has come, step by step, for the admin's checklist: a team, each
 * team's manager, its members, its flag channel, its weekly schedule and its reps' key accounts.
 */
public final class SetupProgress {
  /** The steps, in the order an admin does them. */
  public enum Step { TEAM, MANAGER, MEMBERS, CHANNEL, SCHEDULE, KEY_ACCOUNTS }

  /**
   * One step's state.
   *
   * @param missing the names of the teams the step is still missing for (empty when done; for
   *     {@link Step#TEAM}, empty once any team exists)
   */
  public record StepState(Step step, boolean done, List<String> missing) {}

  /** The whole checklist; {@link #complete()} once every step is done. */
  public record Progress(List<StepState> steps, List<Team> teams) {
    public boolean complete() {
      return steps.stream().allMatch(StepState::done);
    }

    public long left() {
      return steps.stream().filter(s -> !s.done()).count();
    }
  }

  private final Store store;

  public SetupProgress(Store store) {
    this.store = store;
  }

  public Progress of(String workspaceId) {
    List<Team> teams = store.teams().all(workspaceId);
    List<String> noManager = new ArrayList<>();
    List<String> noMembers = new ArrayList<>();
    List<String> noChannel = new ArrayList<>();
    List<String> noKeyAccounts = new ArrayList<>();
    Set<String> repsWithKeyAccounts = store.accounts().active(workspaceId).stream()
        .filter(Account::isKey).map(Account::rep).collect(Collectors.toSet());
    for (Team t : teams) {
      if (t.managerId().isEmpty()) {
        noManager.add(t.name());
      }
      List<String> members = store.teams().members(workspaceId, t.id());
      if (members.isEmpty()) {
        noMembers.add(t.name());
      }
      if (t.channelId().isEmpty()) {
        noChannel.add(t.name());
      }
      if (members.stream().noneMatch(repsWithKeyAccounts::contains)) {
        noKeyAccounts.add(t.name());
      }
    }
    boolean anyTeam = !teams.isEmpty();
    List<StepState> steps = List.of(
        new StepState(Step.TEAM, anyTeam, List.of()),
        new StepState(Step.MANAGER, anyTeam && noManager.isEmpty(), noManager),
        new StepState(Step.MEMBERS, anyTeam && noMembers.isEmpty(), noMembers),
        new StepState(Step.CHANNEL, anyTeam && noChannel.isEmpty(), noChannel),
        // Every team has a schedule from the start (the default); the step is there to check it.
        new StepState(Step.SCHEDULE, anyTeam, List.of()),
        new StepState(Step.KEY_ACCOUNTS, anyTeam && noKeyAccounts.isEmpty(), noKeyAccounts));
    return new Progress(steps, teams);
  }
}
