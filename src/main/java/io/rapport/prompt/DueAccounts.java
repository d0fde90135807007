package io.rapport.prompt;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.store.AccountDao;
import io.rapport.store.CheckInDao;
import io.rapport.store.Store;
import org.jdbi.v3.core.Handle;
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
    return store.jdbi().withHandle(h -> keyAccounts(h, workspaceId, repId));
  }

  public static List<Account> keyAccounts(Handle h, String workspaceId, String repId) {
    return keyAccounts(h.attach(AccountDao.class), workspaceId, repId);
  }

  public static List<Account> keyAccounts(AccountDao accounts, String workspaceId, String repId) {
    return accounts.activeOfRep(workspaceId, repId).stream().filter(a -> a.tier() == Tier.KEY).toList();
  }

  /** The key accounts still open for {@code week}, by name. */
  public List<Account> of(String workspaceId, String repId, IsoWeek week) {
    return store.jdbi().withHandle(h -> of(h, workspaceId, repId, week));
  }

  /** The same, on an open handle (one connection for several queries). */
  public static List<Account> of(Handle h, String workspaceId, String repId, IsoWeek week) {
    return of(h.attach(AccountDao.class), h.attach(CheckInDao.class), workspaceId, repId, week);
  }

  /** The same with DAOs already attached (attaching costs more than these queries). */
  public static List<Account> of(AccountDao accounts, CheckInDao checkIns, String workspaceId, String repId,
      IsoWeek week) {
    Set<String> answered = new HashSet<>(checkIns.answeredAccounts(workspaceId, repId, week.toString()));
    return keyAccounts(accounts, workspaceId, repId).stream().filter(a -> !answered.contains(a.id())).toList();
  }
}
