package io.rapport.transfer;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Names;
import io.rapport.interchange.InterchangeHandler;
import io.rapport.interchange.InterchangeReader;
import io.rapport.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code import FILE} (SPEC §2, §5 "Import"): loads an interchange file into one workspace in a
 * single transaction — all or nothing. Accounts are upserted by id (a removed account comes back),
 * check-ins by (account, week); teams, memberships and anything not in the file are left alone.
 * A row is only written when it differs from what is stored, so importing the same file again
 * changes nothing (not even {@code updated_at}). Records stream from {@link InterchangeReader} in
 * batches, so a file of a million check-ins never sits in memory whole.
 */
public final class DatabaseImport {
  static final int BATCH = 1_000;

  /** What an import changed. */
  public record Result(int accounts, int accountsChanged, int checkIns, int checkInsChanged) {}

  static final String UPSERT_ACCOUNT =
      "INSERT INTO accounts (workspace_id, id, name, name_key, rep_id, tier, agreed_payment_days,"
          + " horizon, mandated, list_margin_pct, removed_at, created_at, updated_at)"
          + " VALUES (:ws, :id, :name, :nameKey, :rep, :tier, :days, :horizon, :mandated, :margin,"
          + " NULL, :now, :now)"
          + " ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name,"
          + " name_key = excluded.name_key, rep_id = excluded.rep_id, tier = excluded.tier,"
          + " agreed_payment_days = excluded.agreed_payment_days, horizon = excluded.horizon,"
          + " mandated = excluded.mandated, list_margin_pct = excluded.list_margin_pct,"
          + " removed_at = NULL, updated_at = excluded.updated_at"
          + " WHERE accounts.name IS DISTINCT FROM excluded.name"
          + " OR accounts.rep_id IS DISTINCT FROM excluded.rep_id"
          + " OR accounts.tier IS DISTINCT FROM excluded.tier"
          + " OR accounts.agreed_payment_days IS DISTINCT FROM excluded.agreed_payment_days"
          + " OR accounts.horizon IS DISTINCT FROM excluded.horizon"
          + " OR accounts.mandated IS DISTINCT FROM excluded.mandated"
          + " OR accounts.list_margin_pct IS DISTINCT FROM excluded.list_margin_pct"
          + " OR accounts.removed_at IS NOT NULL";

  private static final String[] SIGNALS = {
    "rep_id", "contacts_business", "contacts_social", "service_hours", "unpaid_hours", "outcome",
    "revenue_won", "discount_pct", "freebies", "quota_pressure", "client_conduct",
    "promises_broken_by_client", "promises_broken_by_us", "payment_days", "billing_dispute",
    "value_rating", "note"
  };

  static final String UPSERT_CHECKIN;

  static {
    StringBuilder set = new StringBuilder();
    StringBuilder differs = new StringBuilder("checkins.nothing_to_report = TRUE");
    for (String c : SIGNALS) {
      set.append(", ").append(c).append(" = excluded.").append(c);
      differs.append(" OR checkins.").append(c).append(" IS DISTINCT FROM excluded.").append(c);
    }
    UPSERT_CHECKIN =
        "INSERT INTO checkins (workspace_id, account_id, week, nothing_to_report, created_at,"
            + " updated_at, recorded_by, " + String.join(", ", SIGNALS) + ")"
            + " VALUES (:ws, :account, :week, FALSE, :now, :now, :rep_id, :rep_id, :contacts_business,"
            + " :contacts_social, :service_hours, :unpaid_hours, :outcome, :revenue_won,"
            + " :discount_pct, :freebies, :quota_pressure, :client_conduct,"
            + " :promises_broken_by_client, :promises_broken_by_us, :payment_days,"
            + " :billing_dispute, :value_rating, :note)"
            + " ON CONFLICT (workspace_id, account_id, week) DO UPDATE SET nothing_to_report = FALSE,"
            + " updated_at = excluded.updated_at" + set
            + " WHERE " + differs;
  }

  private final Store store;

  public DatabaseImport(Store store) {
    this.store = store;
  }

  /**
   * Imports {@code in} into {@code workspaceId}.
   *
   * @throws io.rapport.interchange.InterchangeException when the file is invalid (nothing stored)
   * @throws IOException when it cannot be read (nothing stored)
   */
  public Result run(String workspaceId, InputStream in, long nowMillis) throws IOException {
    try {
      return store.jdbi().inTransaction(h -> {
        h.createUpdate("INSERT INTO workspaces (id, created_at) VALUES (:id, :now) ON CONFLICT (id) DO NOTHING")
            .bind("id", workspaceId).bind("now", nowMillis).execute();
        Loader loader = new Loader(h, workspaceId, nowMillis);
        try {
          new InterchangeReader().read(in, loader);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return loader.finish();
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Receives records and writes them in batches within the transaction's handle. */
  private static final class Loader implements InterchangeHandler {
    private final Handle h;
    private final String ws;
    private final long now;
    private final Map<String, String> repOfAccount = new HashMap<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<CheckIn> checkIns = new ArrayList<>();
    /** Check-ins for accounts listed further down the file, written once the accounts are. */
    private final List<CheckIn> waiting = new ArrayList<>();
    private int accountCount;
    private int accountsChanged;
    private int checkInCount;
    private int checkInsChanged;

    Loader(Handle h, String ws, long now) {
      this.h = h;
      this.ws = ws;
      this.now = now;
    }

    @Override
    public void account(int index, Account account) {
      repOfAccount.put(account.id(), account.rep());
      accounts.add(account);
      accountCount++;
      if (accounts.size() >= BATCH) {
        flushAccounts();
      }
    }

    @Override
    public void checkIn(int index, CheckIn checkIn) {
      checkInCount++;
      if (!repOfAccount.containsKey(checkIn.account())) {
        waiting.add(checkIn);
        return;
      }
      flushAccounts(); // the account row must exist before its check-ins
      checkIns.add(checkIn);
      if (checkIns.size() >= BATCH) {
        flushCheckIns();
      }
    }

    Result finish() {
      flushAccounts();
      checkIns.addAll(waiting);
      waiting.clear();
      flushCheckIns();
      return new Result(accountCount, accountsChanged, checkInCount, checkInsChanged);
    }

    private void flushAccounts() {
      if (accounts.isEmpty()) {
        return;
      }
      PreparedBatch b = h.prepareBatch(UPSERT_ACCOUNT);
      for (Account a : accounts) {
        b.bind("ws", ws).bind("id", a.id()).bind("name", a.name()).bind("nameKey", Names.key(a.name()))
            .bind("rep", a.rep()).bind("tier", a.tier().id()).bind("days", a.agreedPaymentDays())
            .bind("horizon", a.horizon().id()).bind("mandated", a.mandated())
            .bind("margin", a.listMarginPct()).bind("now", now).add();
      }
      accountsChanged += changed(b.execute());
      accounts.clear();
    }

    private void flushCheckIns() {
      if (checkIns.isEmpty()) {
        return;
      }
      PreparedBatch b = h.prepareBatch(UPSERT_CHECKIN);
      for (CheckIn c : checkIns) {
        b.bind("ws", ws).bind("account", c.account()).bind("week", c.week().toString()).bind("now", now)
            .bind("rep_id", c.rep() != null ? c.rep() : repOfAccount.get(c.account()))
            .bind("contacts_business", c.contacts() == null ? null : c.contacts().business())
            .bind("contacts_social", c.contacts() == null ? null : c.contacts().social())
            .bind("service_hours", c.serviceHours()).bind("unpaid_hours", c.unpaidHours())
            .bind("outcome", c.outcome() == null ? null : c.outcome().id())
            .bind("revenue_won", c.revenueWon()).bind("discount_pct", c.discountPct())
            .bind("freebies", c.freebies()).bind("quota_pressure", c.quotaPressure())
            .bind("client_conduct", c.clientConduct() == null ? null : c.clientConduct().id())
            .bind("promises_broken_by_client", c.promisesBrokenByClient())
            .bind("promises_broken_by_us", c.promisesBrokenByUs())
            .bind("payment_days", c.paymentDays()).bind("billing_dispute", c.billingDispute())
            .bind("value_rating", c.valueRating()).bind("note", c.note()).add();
      }
      checkInsChanged += changed(b.execute());
      checkIns.clear();
    }

    private static int changed(int[] counts) {
      int n = 0;
      for (int c : counts) {
        n += c > 0 ? 1 : 0;
      }
      return n;
    }
  }
}
