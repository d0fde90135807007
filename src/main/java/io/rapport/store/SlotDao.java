package io.rapport.store;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What check-in completion reads: the accounts of a set of reps with when they were added and
 * removed, and which (account, week) slots have an answer. Reached by the rep index and the
 * check-ins' primary key; callers pass at most {@link ReportDao#CHUNK} ids at a time.
 */
public interface SlotDao {
  /**
   * An account as completion sees it.
   *
   * @param firstAnswered its earliest answered week ever, or null
   */
  record SlotRow(String id, String repId, String tier, long createdAt, Long removedAt, String firstAnswered) {}

  /** An answered slot. */
  record AnsweredRow(String accountId, String week) {}

  /** Accounts of the reps active at some point since {@code fromMillis}. */
  @SqlQuery(
      "SELECT a.id, a.rep_id, a.tier, a.created_at, a.removed_at,"
          + " (SELECT MIN(y.week) FROM checkins y WHERE y.workspace_id = a.workspace_id"
          + "   AND y.account_id = a.id) AS first_answered"
          + " FROM accounts a WHERE a.workspace_id = :ws AND a.rep_id IN (<reps>)"
          + " AND (a.removed_at IS NULL OR a.removed_at >= :fromMillis)")
  @RegisterConstructorMapper(SlotRow.class)
  List<SlotRow> accountsOfReps(
      @Bind("ws") String workspaceId,
      @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds,
      @Bind("fromMillis") long fromMillis);

  /** The answered (account, week) slots of the accounts from {@code from} to {@code to}. */
  @SqlQuery(
      "SELECT account_id, week FROM checkins WHERE workspace_id = :ws AND account_id IN (<ids>)"
          + " AND week >= :from AND week <= :to")
  @RegisterConstructorMapper(AnsweredRow.class)
  List<AnsweredRow> answered(
      @Bind("ws") String workspaceId,
      @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> accountIds,
      @Bind("from") String fromWeek,
      @Bind("to") String toWeek);
}
