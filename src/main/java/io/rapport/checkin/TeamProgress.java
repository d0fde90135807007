package io.rapport.checkin;

import io.rapport.domain.Team;
import java.util.List;

/**
 * A team's week so far, for its manager: how many of the members' key accounts are answered and
 * which accounts need attention.
 *
 * @param team the team
 * @param members how many reps it has
 * @param keyAccounts the members' active key accounts
 * @param answered how many of them have an answer this week
 * @param atRisk the team's accounts that need attention, worst first
 */
public record TeamProgress(Team team, int members, int keyAccounts, int answered, List<AccountStatus> atRisk) {
  /** Completion this week in percent (100 when there is nothing to answer). */
  public int completionPct() {
    return keyAccounts == 0 ? 100 : (int) Math.round(100.0 * answered / keyAccounts);
  }
}
