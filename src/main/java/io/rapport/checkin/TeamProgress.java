package io.rapport.checkin;

import io.rapport.completion.Completion;
import io.rapport.domain.Team;
import java.util.List;

/**
 * A team's week so far, for its manager: check-in completion of the week (the one definition of
 * {@link io.rapport.completion.DueSlots}, as in the report and the digest) and which accounts need
 * attention.
 *
 * @param team the team
 * @param members how many reps it has
 * @param keyAccounts the members' active key accounts
 * @param completion this week's due slots and how many are answered
 * @param atRisk the team's accounts that need attention, worst first
 * @param away the members away this week (their unanswered slots are not due, not missed)
 * @param awayKeyAccounts the away members' key accounts not answered this week
 */
public record TeamProgress(Team team, int members, int keyAccounts, Completion completion, List<AccountStatus> atRisk,
    List<String> away, int awayKeyAccounts) {
  public TeamProgress {
    away = List.copyOf(away);
  }

  /** A team with nobody away. */
  public TeamProgress(Team team, int members, int keyAccounts, Completion completion, List<AccountStatus> atRisk) {
    this(team, members, keyAccounts, completion, atRisk, List.of(), 0);
  }

  /** Key accounts whose slot of this week is not due yet (the check-in time has not come; away is not "later"). */
  public int notDueYet() {
    return Math.max(0, keyAccounts - completion.due() - awayKeyAccounts);
  }
}
