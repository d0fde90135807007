package io.rapport.store;

import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.Contacts;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Check-ins, one row per (workspace, account, ISO week). Storing again for the same week edits
 * that week; a "nothing to report" row counts as answered but carries no signals.
 */
@RegisterRowMapper(CheckInDao.CheckInMapper.class)
public interface CheckInDao {
  String COLUMNS =
      "account_id, rep_id, week, contacts_business, contacts_social, service_hours, unpaid_hours,"
          + " outcome, revenue_won, discount_pct, freebies, quota_pressure, client_conduct,"
          + " promises_broken_by_client, promises_broken_by_us, payment_days, billing_dispute,"
          + " value_rating, note";

  String VALUES =
      ":c.account, :rep, :week, :business, :social, :c.serviceHours, :c.unpaidHours, :outcome,"
          + " :c.revenueWon, :c.discountPct, :c.freebies, :c.quotaPressure, :conduct,"
          + " :c.promisesBrokenByClient, :c.promisesBrokenByUs, :c.paymentDays, :c.billingDispute,"
          + " :c.valueRating, :c.note";

  /** Stores a check-in; a second one for the same account and week replaces the first (an edit). */
  @SqlUpdate(
      "INSERT INTO checkins (workspace_id, nothing_to_report, created_at, updated_at, " + COLUMNS + ")"
          + " VALUES (:ws, FALSE, :now, :now, " + VALUES + ")"
          + " ON CONFLICT (workspace_id, account_id, week) DO UPDATE SET nothing_to_report = FALSE,"
          + " rep_id = :rep, contacts_business = :business, contacts_social = :social,"
          + " service_hours = :c.serviceHours, unpaid_hours = :c.unpaidHours, outcome = :outcome,"
          + " revenue_won = :c.revenueWon, discount_pct = :c.discountPct, freebies = :c.freebies,"
          + " quota_pressure = :c.quotaPressure, client_conduct = :conduct,"
          + " promises_broken_by_client = :c.promisesBrokenByClient,"
          + " promises_broken_by_us = :c.promisesBrokenByUs, payment_days = :c.paymentDays,"
          + " billing_dispute = :c.billingDispute, value_rating = :c.valueRating, note = :c.note,"
          + " updated_at = :now")
  void upsert(
      @Bind("ws") String workspaceId,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("c") CheckIn checkIn,
      @Bind("rep") String repId,
      @Bind("week") String week,
      @Bind("business") Integer business,
      @Bind("social") Integer social,
      @Bind("outcome") String outcome,
      @Bind("conduct") String conduct,
      @Bind("now") long nowMillis);

  /** Stores {@code checkIn}; its rep must be set (the account's rep when the rep left it out). */
  default void upsert(String workspaceId, CheckIn checkIn, long nowMillis) {
    Contacts contacts = checkIn.contacts();
    upsert(
        workspaceId,
        checkIn,
        checkIn.rep(),
        checkIn.week().toString(),
        contacts == null ? null : contacts.business(),
        contacts == null ? null : contacts.social(),
        checkIn.outcome() == null ? null : checkIn.outcome().id(),
        checkIn.clientConduct() == null ? null : checkIn.clientConduct().id(),
        nowMillis);
  }

  /**
   * Records "nothing to report" for an account and week; does nothing when the week already has
   * an answer.
   */
  @SqlUpdate(
      "INSERT INTO checkins (workspace_id, account_id, week, rep_id, nothing_to_report, created_at, updated_at)"
          + " VALUES (:ws, :account, :week, :rep, TRUE, :now, :now)"
          + " ON CONFLICT (workspace_id, account_id, week) DO NOTHING")
  int markNothingToReport(
      @Bind("ws") String workspaceId,
      @Bind("account") String accountId,
      @Bind("rep") String repId,
      @Bind("week") String week,
      @Bind("now") long nowMillis);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM checkins WHERE workspace_id = :ws AND account_id = :account"
          + " AND week = :week AND nothing_to_report = FALSE")
  Optional<CheckIn> find(@Bind("ws") String workspaceId, @Bind("account") String accountId, @Bind("week") String week);

  /** Real check-ins (not "nothing to report") of an account from {@code fromWeek} on, oldest first. */
  @SqlQuery(
      "SELECT " + COLUMNS + " FROM checkins WHERE workspace_id = :ws AND account_id = :account"
          + " AND week >= :from AND nothing_to_report = FALSE ORDER BY week")
  List<CheckIn> history(@Bind("ws") String workspaceId, @Bind("account") String accountId, @Bind("from") String fromWeek);

  /** Real check-ins of all of a rep's accounts from {@code fromWeek} on (the rep's book). */
  @SqlQuery(
      "SELECT " + COLUMNS + " FROM checkins WHERE workspace_id = :ws AND rep_id = :rep"
          + " AND week >= :from AND nothing_to_report = FALSE ORDER BY account_id, week")
  List<CheckIn> ofRep(@Bind("ws") String workspaceId, @Bind("rep") String repId, @Bind("from") String fromWeek);

  /** Ids of the accounts that have an answer (check-in or nothing to report) for {@code week}. */
  @SqlQuery(
      "SELECT account_id FROM checkins WHERE workspace_id = :ws AND rep_id = :rep AND week = :week")
  List<String> answeredAccounts(@Bind("ws") String workspaceId, @Bind("rep") String repId, @Bind("week") String week);

  /** Whether the account has an answer (check-in or nothing to report) for {@code week}. */
  @SqlQuery("SELECT COUNT(*) > 0 FROM checkins WHERE workspace_id = :ws AND account_id = :account AND week = :week")
  boolean isAnswered(@Bind("ws") String workspaceId, @Bind("account") String accountId, @Bind("week") String week);

  /** Every real check-in of the workspace, for export and whole-book analysis, in a stable order. */
  @SqlQuery(
      "SELECT " + COLUMNS + " FROM checkins WHERE workspace_id = :ws AND nothing_to_report = FALSE"
          + " ORDER BY account_id, week")
  List<CheckIn> all(@Bind("ws") String workspaceId);

  /** Maps a {@code checkins} row to the domain record. */
  final class CheckInMapper implements RowMapper<CheckIn> {
    @Override
    public CheckIn map(ResultSet rs, StatementContext ctx) throws SQLException {
      Integer business = integer(rs, "contacts_business");
      Integer social = integer(rs, "contacts_social");
      String outcome = rs.getString("outcome");
      String conduct = rs.getString("client_conduct");
      return CheckIn.builder(rs.getString("account_id"), IsoWeek.parse(rs.getString("week")))
          .rep(rs.getString("rep_id"))
          .contacts(business == null && social == null ? null
              : new Contacts(business == null ? 0 : business, social == null ? 0 : social))
          .serviceHours(decimal(rs, "service_hours"))
          .unpaidHours(decimal(rs, "unpaid_hours"))
          .outcome(outcome == null ? null : Outcome.parse("outcome", outcome))
          .revenueWon(decimal(rs, "revenue_won"))
          .discountPct(decimal(rs, "discount_pct"))
          .freebies(bool(rs, "freebies"))
          .quotaPressure(bool(rs, "quota_pressure"))
          .clientConduct(conduct == null ? null : ClientConduct.parse("clientConduct", conduct))
          .promisesBrokenByClient(integer(rs, "promises_broken_by_client"))
          .promisesBrokenByUs(integer(rs, "promises_broken_by_us"))
          .paymentDays(integer(rs, "payment_days"))
          .billingDispute(bool(rs, "billing_dispute"))
          .valueRating(integer(rs, "value_rating"))
          .note(rs.getString("note"))
          .build();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
      int v = rs.getInt(column);
      return rs.wasNull() ? null : v;
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
      double v = rs.getDouble(column);
      return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
      boolean v = rs.getBoolean(column);
      return rs.wasNull() ? null : v;
    }
  }
}
