package io.rapport.checkin;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.Health;
import java.util.Optional;

/**
 * An account as the lists show it: its health, last answered week, open flags and whether this
 * week is answered.
 *
 * @param account the account
 * @param lastAnswered the latest week with a check-in or "nothing to report"
 * @param openFlags flags on the account that are not closed
 * @param answeredThisWeek true when the current week has an answer
 * @param health the insight core's judgement of the recent check-ins (score and band); empty when
 *     there is no check-in in the look-back window to judge
 * @param lastEditedBy who other than the rep last wrote the check-in of the {@code lastAnswered}
 *     week (a manager or an admin who changed or recorded it); empty when it is the rep's own
 */
public record AccountStatus(
    Account account, Optional<IsoWeek> lastAnswered, int openFlags, boolean answeredThisWeek,
    Optional<Health> health, Optional<String> lastEditedBy) {

  public AccountStatus(Account account, Optional<IsoWeek> lastAnswered, int openFlags, boolean answeredThisWeek,
      Optional<Health> health) {
    this(account, lastAnswered, openFlags, answeredThisWeek, health, Optional.empty());
  }

  /** True when the account is unhealthy or has an open flag. */
  public boolean needsAttention() {
    return health.filter(h -> h.band() == Health.Band.UNHEALTHY).isPresent() || openFlags > 0;
  }

  /** Worst first: unhealthy 0, at risk 1, no recent check-ins 2, healthy 3. */
  public int healthRank() {
    return health.map(h -> switch (h.band()) {
      case UNHEALTHY -> 0;
      case AT_RISK -> 1;
      case HEALTHY -> 3;
    }).orElse(2);
  }

  /** True for a key account with no answer this week. */
  public boolean isDue() {
    return account.isKey() && !answeredThisWeek;
  }
}
