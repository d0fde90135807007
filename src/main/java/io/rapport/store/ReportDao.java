package io.rapport.store;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The manager report's reads. Everything is aggregated in SQL per account (one row per account,
 * whatever the number of check-ins) and reached through indexes: accounts by rep, check-ins by
 * their primary key (workspace, account, week), flags and prompts by their keys. Id lists are
 * bound explicitly so both SQLite and PostgreSQL walk the primary key; callers pass at most
 * {@link #CHUNK} ids at a time.
 */
@RegisterRowMapper(ReportDao.AccountPeriodMapper.class)
@RegisterRowMapper(CheckInDao.CheckInMapper.class)
public interface ReportDao {
  /** Ids bound per statement (well below SQLite's limit of bound parameters). */
  int CHUNK = 500;

  /**
   * One account's activity over a period.
   *
   * @param account the account's settings
   * @param createdAt when the account was added (epoch millis)
   * @param removedAt when it was removed, or null while active
   * @param answeredWeeks weeks of the period with an answer (check-in or nothing to report)
   * @param firstAnsweredWeek the earliest answered week ever (before or in the period), or null
   * @param answeredLastWeek true when the period's last week is answered
   * @param lastCheckInWeek the latest real check-in ever, or null
   * @param totals the signals added up over the period
   */
  record AccountPeriod(
      Account account,
      long createdAt,
      Long removedAt,
      int answeredWeeks,
      String firstAnsweredWeek,
      boolean answeredLastWeek,
      String lastCheckInWeek,
      SignalTotals totals) {}

  /** The signals of SPEC §6 added up over a period (averages where a sum means nothing). */
  /**
   * A period's signals added up. A sum is null when no check-in of the period reported that signal
   * (not reported), and 0 only when what was reported adds up to zero; counts of weeks are counts.
   */
  record SignalTotals(
      int checkIns,
      Integer businessContacts,
      Integer socialContacts,
      Double serviceHours,
      Double unpaidHours,
      int newBusinessWeeks,
      int wins,
      Double revenueWon,
      Double averageDiscountPct,
      int freebieWeeks,
      int quotaPressureWeeks,
      int difficultConductWeeks,
      Integer promisesBrokenByClient,
      Integer promisesBrokenByUs,
      Integer maxPaymentDays,
      int billingDisputes,
      Double averageValueRating) {}

  /** An open flag of an account. */
  record OpenFlag(String accountId, String pattern, String severity) {}

  String PERIOD =
      "SELECT a.id, a.name, a.rep_id, a.tier, a.agreed_payment_days, a.horizon, a.mandated,"
          + " a.list_margin_pct, a.created_at, a.removed_at,"
          + " COUNT(c.week) AS answered_weeks,"
          + " (SELECT MIN(y.week) FROM checkins y WHERE y.workspace_id = a.workspace_id"
          + "   AND y.account_id = a.id) AS first_answered,"
          + " SUM(CASE WHEN c.week = :to THEN 1 ELSE 0 END) AS answered_last,"
          + " (SELECT MAX(x.week) FROM checkins x WHERE x.workspace_id = a.workspace_id"
          + "   AND x.account_id = a.id AND x.nothing_to_report = FALSE) AS last_checkin,"
          + " SUM(CASE WHEN c.nothing_to_report THEN 0 ELSE 1 END) AS checkins,"
          + " SUM(c.contacts_business) AS business, SUM(c.contacts_social) AS social,"
          + " SUM(c.service_hours) AS service_hours, SUM(c.unpaid_hours) AS unpaid_hours,"
          + " SUM(CASE WHEN c.outcome IN ('progressed', 'won') OR c.revenue_won > 0 THEN 1 ELSE 0 END)"
          + "   AS new_business,"
          + " SUM(CASE WHEN c.outcome = 'won' THEN 1 ELSE 0 END) AS wins,"
          + " SUM(c.revenue_won) AS revenue_won, AVG(c.discount_pct) AS discount,"
          + " SUM(CASE WHEN c.freebies THEN 1 ELSE 0 END) AS freebies,"
          + " SUM(CASE WHEN c.quota_pressure THEN 1 ELSE 0 END) AS quota_pressure,"
          + " SUM(CASE WHEN c.client_conduct IN ('aggressive', 'threatening') THEN 1 ELSE 0 END)"
          + "   AS difficult,"
          + " SUM(c.promises_broken_by_client) AS broken_by_client,"
          + " SUM(c.promises_broken_by_us) AS broken_by_us,"
          + " MAX(c.payment_days) AS payment_days,"
          + " SUM(CASE WHEN c.billing_dispute THEN 1 ELSE 0 END) AS disputes,"
          + " AVG(c.value_rating) AS value_rating"
          + " FROM accounts a LEFT JOIN checkins c ON c.workspace_id = a.workspace_id"
          + "   AND c.account_id = a.id AND c.week >= :from AND c.week <= :to";

  String PERIOD_GROUP =
      " GROUP BY a.workspace_id, a.id, a.name, a.name_key, a.rep_id, a.tier, a.agreed_payment_days, a.horizon,"
          + " a.mandated, a.list_margin_pct, a.created_at, a.removed_at ORDER BY a.name_key, a.id";

  /**
   * Ids of the accounts of {@code reps} that were active at some point since {@code fromMillis}
   * (removed accounts count for the weeks before their removal). Reached by the rep index.
   */
  @SqlQuery(
      "SELECT id FROM accounts WHERE workspace_id = :ws AND rep_id IN (<reps>)"
          + " AND (removed_at IS NULL OR removed_at >= :fromMillis)")
  List<String> accountsOfReps(
      @Bind("ws") String workspaceId,
      @BindList("reps") Collection<String> repIds,
      @Bind("fromMillis") long fromMillis);

  /**
   * The period's activity of the given accounts. Ids are bound explicitly so the planner walks
   * the primary keys (grouping by account would otherwise lead SQLite to scan every account of
   * the workspace).
   */
  @SqlQuery(PERIOD + " WHERE a.workspace_id = :ws AND a.id IN (<ids>)" + PERIOD_GROUP)
  List<AccountPeriod> periodOfAccounts(
      @Bind("ws") String workspaceId,
      @BindList("ids") Collection<String> accountIds,
      @Bind("from") String fromWeek,
      @Bind("to") String toWeek);

  /** Real check-ins of the given accounts from {@code fromWeek} on, by account then week. */
  @SqlQuery(
      "SELECT " + CheckInDao.COLUMNS + " FROM checkins WHERE workspace_id = :ws"
          + " AND account_id IN (<ids>) AND week >= :from AND nothing_to_report = FALSE"
          + " ORDER BY account_id, week")
  List<CheckIn> history(
      @Bind("ws") String workspaceId,
      @BindList("ids") Collection<String> accountIds,
      @Bind("from") String fromWeek);

  /** Open flags of the given accounts. */
  @SqlQuery(
      "SELECT account_id, pattern, severity FROM flags WHERE workspace_id = :ws"
          + " AND account_id IN (<ids>) AND closed_at IS NULL ORDER BY account_id, pattern")
  @RegisterRowMapper(OpenFlagMapper.class)
  List<OpenFlag> openFlags(
      @Bind("ws") String workspaceId, @BindList("ids") Collection<String> accountIds);

  /** True once any flag was ever opened in the workspace (flags are in use). */
  @SqlQuery("SELECT COUNT(*) FROM (SELECT 1 FROM flags WHERE workspace_id = :ws LIMIT 1) f")
  int anyFlag(@Bind("ws") String workspaceId);

  /** The workspaces that hold data, for commands run outside Slack. */
  @SqlQuery("SELECT id FROM workspaces ORDER BY id")
  List<String> workspaces();

  /** Maps a period row. */
  final class AccountPeriodMapper implements RowMapper<AccountPeriod> {
    private final AccountDao.AccountMapper accounts = new AccountDao.AccountMapper();

    @Override
    public AccountPeriod map(ResultSet rs, StatementContext ctx) throws SQLException {
      long removed = rs.getLong("removed_at");
      Long removedAt = rs.wasNull() ? null : removed;
      SignalTotals totals =
          new SignalTotals(
              rs.getInt("checkins"),
              integer(rs, "business"),
              integer(rs, "social"),
              decimal(rs, "service_hours"),
              decimal(rs, "unpaid_hours"),
              rs.getInt("new_business"),
              rs.getInt("wins"),
              decimal(rs, "revenue_won"),
              decimal(rs, "discount"),
              rs.getInt("freebies"),
              rs.getInt("quota_pressure"),
              rs.getInt("difficult"),
              integer(rs, "broken_by_client"),
              integer(rs, "broken_by_us"),
              integer(rs, "payment_days"),
              rs.getInt("disputes"),
              decimal(rs, "value_rating"));
      return new AccountPeriod(
          accounts.map(rs, ctx),
          rs.getLong("created_at"),
          removedAt,
          rs.getInt("answered_weeks"),
          rs.getString("first_answered"),
          rs.getInt("answered_last") > 0,
          rs.getString("last_checkin"),
          totals);
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
      double v = rs.getDouble(column);
      return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
      int v = rs.getInt(column);
      return rs.wasNull() ? null : v;
    }
  }

  /** Maps an open flag row. */
  final class OpenFlagMapper implements RowMapper<OpenFlag> {
    @Override
    public OpenFlag map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new OpenFlag(rs.getString("account_id"), rs.getString("pattern"), rs.getString("severity"));
    }
  }

}
