package io.rapport.transfer;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.interchange.InterchangeWriter;
import io.rapport.store.AccountDao;
import io.rapport.store.CheckInDao;
import io.rapport.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code export FILE}: writes a workspace's active accounts and their check-ins in the interchange
 * format, accounts by id and check-ins by account and week, streamed from the database. Removed
 * accounts (and their check-ins) are left out, so importing the export never brings them back;
 * "nothing to report" weeks have no place in the format and are left out too. Exporting, importing
 * the export and exporting again gives the same bytes.
 */
public final class DatabaseExport {
  /** How many records were written. */
  public record Result(int accounts, int checkIns) {}

  private final Store store;

  public DatabaseExport(Store store) {
    this.store = store;
  }

  public Result run(String workspaceId, OutputStream out) throws IOException {
    try {
      return store.jdbi().withHandle(h -> {
        List<Account> accounts = h.createQuery(
                "SELECT " + AccountDao.COLUMNS + " FROM accounts WHERE workspace_id = :ws"
                    + " AND removed_at IS NULL ORDER BY id")
            .bind("ws", workspaceId).map(new AccountDao.AccountMapper()).list();
        int[] written = new int[1];
        try (Stream<CheckIn> checkIns = h.createQuery(
                "SELECT " + CheckInDao.COLUMNS + " FROM checkins WHERE workspace_id = :ws"
                    + " AND nothing_to_report = FALSE AND account_id IN (SELECT id FROM accounts"
                    + " WHERE workspace_id = :ws AND removed_at IS NULL) ORDER BY account_id, week")
            .bind("ws", workspaceId).map(new CheckInDao.CheckInMapper()).stream()) {
          Iterator<CheckIn> it = checkIns.peek(c -> written[0]++).iterator();
          new InterchangeWriter().write(out, accounts, () -> it);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return new Result(accounts.size(), written[0]);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
