package io.rapport.prompt;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.store.Store;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rep is asked about (SPEC §5): their active key accounts with no check-in and no "nothing
 * to report" for the week. Standard-tier accounts are never prompted.
 */
public final class DueAccounts {
  private final Store store;

  public DueAccounts(Store store) {
    this.store = store;
  }

  /** The rep's active key accounts, answered or not. */
  public List<Account> keyAccounts(String workspaceId, String repId) {
    return store.accounts().activeOfRep(workspaceId, repId).stream().filter(a -> a.tier() == Tier.KEY).toList();
  }

  /** The key accounts still open for {@code week}, by name. */
  public List<Account> of(String workspaceId, String repId, IsoWeek week) {
    Set<String> answered = new HashSet<>(store.checkIns().answeredAccounts(workspaceId, repId, week.toString()));
    return keyAccounts(workspaceId, repId).stream().filter(a -> !answered.contains(a.id())).toList();
  }
}
