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

  /** The answer's values set from a bound {@code c} check-in (and its rep, contacts, outcome, conduct). */
  String SET_VALUES =
      " rep_id = :rep, contacts_business = :business, contacts_social = :social,"
          + " service_hours = :c.serviceHours, unpaid_hours = :c.unpaidHours, outcome = :outcome,"
          + " revenue_won = :c.revenueWon, discount_pct = :c.discountPct, freebies = :c.freebies,"
          + " quota_pressure = :c.quotaPressure, client_conduct = :conduct,"
          + " promises_broken_by_client = :c.promisesBrokenByClient,"
          + " promises_broken_by_us = :c.promisesBrokenByUs, payment_days = :c.paymentDays,"
          + " billing_dispute = :c.billingDispute, value_rating = :c.valueRating, note = :c.note,";

  /**
   * Stores a check-in as its rep's; a second one for the same account and week replaces the first
   * without keeping a version. Only for loading data as it is (tests, fixtures): every check-in a
   * person records or changes goes through {@code CheckInService}, which keeps the trail of edits
   * ({@link #insertFirst}, {@link #keepVersion}, {@link #replace}).
   */
  @SqlUpdate(
      "INSERT INTO checkins (workspace_id, nothing_to_report, created_at, updated_at, recorded_by, " + COLUMNS + ")"
          + " VALUES (:ws, FALSE, :now, :now, :rep, " + VALUES + ")"
          + " ON CONFLICT (workspace_id, account_id, week) DO UPDATE SET nothing_to_report = FALSE,"
          + SET_VALUES + " updated_at = :now")
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
   * Records "nothing to report" for an account and week (by its rep); does nothing when the week
   * already has an answer.
   */
  @SqlUpdate(
      "INSERT INTO checkins (workspace_id, account_id, week, rep_id, nothing_to_report, created_at, updated_at,"
          + " recorded_by) VALUES (:ws, :account, :week, :rep, TRUE, :now, :now, :rep)"
          + " ON CONFLICT (workspace_id, account_id, week) DO NOTHING")
  int markNothingToReport(
      @Bind("ws") String workspaceId,
      @Bind("account") String accountId,
      @Bind("rep") String repId,
      @Bind("week") String week,
      @Bind("now") long nowMillis);

  // ------------------------------------------------------------------ the trail of edits

  /**
   * A stored answer as the trail of edits sees it: its values ({@code nothingToReport} rows carry
   * none), its version, who recorded it and who last changed it (null when nobody has).
   */
  record Current(CheckIn checkIn, boolean nothingToReport, int version, String recordedBy, String changedBy,
      Long changedAt) {}

  /** The answer stored for an account and week, "nothing to report" included. */
  @SqlQuery(
      "SELECT " + COLUMNS + ", nothing_to_report, version, recorded_by, changed_by, changed_at FROM checkins"
          + " WHERE workspace_id = :ws AND account_id = :account AND week = :week")
  @RegisterRowMapper(CurrentMapper.class)
  Optional<Current> current(@Bind("ws") String workspaceId, @Bind("account") String accountId,
      @Bind("week") String week);

  /** Stores the first answer for an account and week, recorded by {@code actor}; 0 when one exists. */
  @SqlUpdate(
      "INSERT INTO checkins (workspace_id, nothing_to_report, created_at, updated_at, recorded_by, version, "
          + COLUMNS + ") VALUES (:ws, FALSE, :now, :now, :actor, 1, " + VALUES + ")"
          + " ON CONFLICT (workspace_id, account_id, week) DO NOTHING")
  int insertFirst(
      @Bind("ws") String workspaceId,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("c") CheckIn checkIn,
      @Bind("rep") String repId,
      @Bind("week") String week,
      @Bind("business") Integer business,
      @Bind("social") Integer social,
      @Bind("outcome") String outcome,
      @Bind("conduct") String conduct,
      @Bind("actor") String actorId,
      @Bind("now") long nowMillis);

  /**
   * Keeps version {@code version} of the answer, as it is stored now, in {@code checkin_versions},
   * replaced by {@code actor} at {@code now}; a repeat keeps nothing twice. 1 when it was kept.
   */
  @SqlUpdate(
      "INSERT INTO checkin_versions (workspace_id, account_id, week, version, rep_id, nothing_to_report,"
          + " contacts_business, contacts_social, service_hours, unpaid_hours, outcome, revenue_won, discount_pct,"
          + " freebies, quota_pressure, client_conduct, promises_broken_by_client, promises_broken_by_us,"
          + " payment_days, billing_dispute, value_rating, note, written_by, written_at, replaced_by, replaced_at)"
          + " SELECT workspace_id, account_id, week, version, rep_id, nothing_to_report,"
          + " contacts_business, contacts_social, service_hours, unpaid_hours, outcome, revenue_won, discount_pct,"
          + " freebies, quota_pressure, client_conduct, promises_broken_by_client, promises_broken_by_us,"
          + " payment_days, billing_dispute, value_rating, note, COALESCE(changed_by, recorded_by),"
          + " COALESCE(changed_at, created_at), :actor, :now"
          + " FROM checkins WHERE workspace_id = :ws AND account_id = :account AND week = :week"
          + " AND version = :version"
          + " ON CONFLICT (workspace_id, account_id, week, version) DO NOTHING")
  int keepVersion(@Bind("ws") String workspaceId, @Bind("account") String accountId, @Bind("week") String week,
      @Bind("version") int version, @Bind("actor") String actorId, @Bind("now") long nowMillis);

  /**
   * Replaces version {@code version} of the answer with {@code checkIn}, changed by {@code actor}:
   * the row becomes version + 1. 0 when the stored version is no longer {@code version} (someone
   * else changed it meanwhile).
   */
  @SqlUpdate(
      "UPDATE checkins SET nothing_to_report = FALSE,"
          + SET_VALUES + " updated_at = :now, changed_by = :actor, changed_at = :now, version = version + 1"
          + " WHERE workspace_id = :ws AND account_id = :c.account AND week = :week AND version = :version")
  int replace(
      @Bind("ws") String workspaceId,
      @org.jdbi.v3.sqlobject.customizer.BindMethods("c") CheckIn checkIn,
      @Bind("rep") String repId,
      @Bind("week") String week,
      @Bind("business") Integer business,
      @Bind("social") Integer social,
      @Bind("outcome") String outcome,
      @Bind("conduct") String conduct,
      @Bind("actor") String actorId,
      @Bind("version") int version,
      @Bind("now") long nowMillis);

  /** See {@link #insertFirst(String, CheckIn, String, String, Integer, Integer, String, String, String, long)}. */
  default boolean insertFirst(String workspaceId, CheckIn c, String actorId, long nowMillis) {
    return insertFirst(workspaceId, c, c.rep(), c.week().toString(), c.contacts() == null ? null : c.contacts().business(),
        c.contacts() == null ? null : c.contacts().social(), c.outcome() == null ? null : c.outcome().id(),
        c.clientConduct() == null ? null : c.clientConduct().id(), actorId, nowMillis) == 1;
  }

  /** See {@link #replace(String, CheckIn, String, String, Integer, Integer, String, String, String, int, long)}. */
  default boolean replace(String workspaceId, CheckIn c, String actorId, int version, long nowMillis) {
    return replace(workspaceId, c, c.rep(), c.week().toString(), c.contacts() == null ? null : c.contacts().business(),
        c.contacts() == null ? null : c.contacts().social(), c.outcome() == null ? null : c.outcome().id(),
        c.clientConduct() == null ? null : c.clientConduct().id(), actorId, version, nowMillis) == 1;
  }

  /** A kept version of an answer: the values as they were, who had written them, who replaced them. */
  record Version(CheckIn checkIn, boolean nothingToReport, int version, String writtenBy, long writtenAt,
      String replacedBy, long replacedAt) {}

  /** Version {@code version} of an answer, if it was kept. */
  @SqlQuery(
      "SELECT " + COLUMNS + ", nothing_to_report, version, written_by, written_at, replaced_by, replaced_at"
          + " FROM checkin_versions WHERE workspace_id = :ws AND account_id = :account AND week = :week"
          + " AND version = :version")
  @RegisterRowMapper(VersionMapper.class)
  Optional<Version> version(@Bind("ws") String workspaceId, @Bind("account") String accountId,
      @Bind("week") String week, @Bind("version") int version);

  /** Every kept version of an answer, oldest first. */
  @SqlQuery(
      "SELECT " + COLUMNS + ", nothing_to_report, version, written_by, written_at, replaced_by, replaced_at"
          + " FROM checkin_versions WHERE workspace_id = :ws AND account_id = :account AND week = :week"
          + " ORDER BY version")
  @RegisterRowMapper(VersionMapper.class)
  List<Version> versions(@Bind("ws") String workspaceId, @Bind("account") String accountId,
      @Bind("week") String week);

  /**
   * Every real check-in of the workspace whose last writer (who changed it, else who recorded it)
   * is not its rep, and who that was: the "edited by" of the manager's report.
   */
  @SqlQuery(
      "SELECT account_id, week, COALESCE(changed_by, recorded_by) AS user_id FROM checkins"
          + " WHERE workspace_id = :ws AND nothing_to_report = FALSE"
          + " AND COALESCE(changed_by, recorded_by) IS NOT NULL AND COALESCE(changed_by, recorded_by) <> rep_id")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(AccountStatusDao.WrittenByOther.class)
  List<AccountStatusDao.WrittenByOther> writtenByOthers(@Bind("ws") String workspaceId);

  /** Maps a {@code checkins} row with its trail columns. */
  final class CurrentMapper implements RowMapper<Current> {
    @Override
    public Current map(ResultSet rs, StatementContext ctx) throws SQLException {
      long at = rs.getLong("changed_at");
      Long changedAt = rs.wasNull() ? null : at;
      return new Current(new CheckInMapper().map(rs, ctx), rs.getBoolean("nothing_to_report"), rs.getInt("version"),
          rs.getString("recorded_by"), rs.getString("changed_by"), changedAt);
    }
  }

  /** Maps a {@code checkin_versions} row. */
  final class VersionMapper implements RowMapper<Version> {
    @Override
    public Version map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Version(new CheckInMapper().map(rs, ctx), rs.getBoolean("nothing_to_report"), rs.getInt("version"),
          rs.getString("written_by"), rs.getLong("written_at"), rs.getString("replaced_by"),
          rs.getLong("replaced_at"));
    }
  }

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
          .contacts(Contacts.of(business, social))
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
