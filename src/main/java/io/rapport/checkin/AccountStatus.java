package io.rapport.checkin;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import java.util.Optional;

/**
 * An account as the lists show it: its last answered week, its open flags and whether this week
 * is answered.
 *
 * @param account the account
 * @param lastAnswered the latest week with a check-in or "nothing to report"
 * @param openFlags flags on the account that are not closed
 * @param answeredThisWeek true when the current week has an answer
 */
public record AccountStatus(
    Account account, Optional<IsoWeek> lastAnswered, int openFlags, boolean answeredThisWeek) {

  /** True for a key account with no answer this week. */
  public boolean isDue() {
    return account.isKey() && !answeredThisWeek;
  }
}
