package io.rapport.store;

import io.rapport.domain.CheckIn;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the account lists (App Home, {@code /accounts}) show beside each account: its last
 * answered week and its open flags, read for a whole set of reps in one query each.
 */
public interface AccountStatusDao {
  /** An account id with a week. */
  record AccountWeek(String accountId, String week) {}

  /** An account id with a count. */
  record AccountCount(String accountId, int count) {}

  /** The latest answered week (check-in or nothing to report) of each active account of the reps. */
  @SqlQuery(
      "SELECT c.account_id AS account_id, MAX(c.week) AS week FROM checkins c JOIN accounts a"
          + " ON a.workspace_id = c.workspace_id AND a.id = c.account_id"
          + " WHERE c.workspace_id = :ws AND a.rep_id IN (<reps>) AND a.removed_at IS NULL"
          + " GROUP BY c.account_id")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(AccountWeek.class)
  List<AccountWeek> lastAnswered(
      @Bind("ws") String workspaceId,
      @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds);

  /** Open (not closed) flags per active account of the reps. */
  @SqlQuery(
      "SELECT f.account_id AS account_id, COUNT(*) AS count FROM flags f JOIN accounts a"
          + " ON a.workspace_id = f.workspace_id AND a.id = f.account_id"
          + " WHERE f.workspace_id = :ws AND a.rep_id IN (<reps>) AND a.removed_at IS NULL"
          + " AND f.closed_at IS NULL GROUP BY f.account_id")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(AccountCount.class)
  List<AccountCount> openFlags(
      @Bind("ws") String workspaceId,
      @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds);

  /** Real check-ins from {@code fromWeek} on of the reps' active accounts (for the health score). */
  @SqlQuery(
      "SELECT " + CheckInDao.COLUMNS + " FROM checkins WHERE workspace_id = :ws AND week >= :from"
          + " AND nothing_to_report = FALSE AND account_id IN (SELECT id FROM accounts"
          + " WHERE workspace_id = :ws AND rep_id IN (<reps>) AND removed_at IS NULL)"
          + " ORDER BY account_id, week")
  @org.jdbi.v3.sqlobject.config.RegisterRowMapper(CheckInDao.CheckInMapper.class)
  List<CheckIn> recentCheckIns(
      @Bind("ws") String workspaceId,
      @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds,
      @Bind("from") String fromWeek);



  /** An account's check-in of a week last written by someone other than its rep, and who. */
  record WrittenByOther(String accountId, String week, String userId) {}

  /**
   * The check-ins from {@code fromWeek} on of the reps' active accounts whose last writer (who
   * changed it, else who recorded it) is not the rep: a manager's or an admin's edit.
   */
  @SqlQuery(
      "SELECT c.account_id AS account_id, c.week AS week, COALESCE(c.changed_by, c.recorded_by) AS user_id"
          + " FROM checkins c JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id"
          + " WHERE c.workspace_id = :ws AND c.week >= :from AND a.rep_id IN (<reps>) AND a.removed_at IS NULL"
          + " AND COALESCE(c.changed_by, c.recorded_by) IS NOT NULL"
          + " AND COALESCE(c.changed_by, c.recorded_by) <> c.rep_id")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(WrittenByOther.class)
  List<WrittenByOther> writtenByOthers(
      @Bind("ws") String workspaceId,
      @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds,
      @Bind("from") String fromWeek);

  /** Ids of the reps' active accounts that have an answer for {@code week}. */
  @SqlQuery(
      "SELECT c.account_id FROM checkins c JOIN accounts a"
          + " ON a.workspace_id = c.workspace_id AND a.id = c.account_id"
          + " WHERE c.workspace_id = :ws AND c.week = :week AND a.rep_id IN (<reps>) AND a.removed_at IS NULL")
  List<String> answeredIn(
      @Bind("ws") String workspaceId,
      @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds,
      @Bind("week") String week);
}
