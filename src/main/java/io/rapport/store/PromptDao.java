package io.rapport.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Weekly prompts as durable rows, one per (workspace, rep, ISO week, kind). A row is created
 * {@code pending} when due and is sent as a message of the outbox (which leases it to one instance;
 * {@code claimed_by} names the instance that finished it); it ends {@code sent} (with the DM
 * channel and message ts), {@code failed}
 * (a permanent error), {@code skipped} (nothing was due any more), {@code expired} (its week ended
 * before it could go) or {@code cancelled} (a snooze replaced the reminder).
 */
@RegisterConstructorMapper(PromptDao.PromptRow.class)
public interface PromptDao {
  String COLUMNS =
      "workspace_id, rep_id, week, kind, status, due_at, claimed_by, claimed_at, channel_id, message_ts,"
          + " attempts, last_error, sent_at, account_ids, team_id, completed_at";
  String KEY = " workspace_id = :ws AND rep_id = :rep AND week = :week AND kind = :kind ";

  /** A {@code prompts} row. */
  record PromptRow(
      String workspaceId,
      String repId,
      String week,
      String kind,
      String status,
      long dueAt,
      String claimedBy,
      Long claimedAt,
      String channelId,
      String messageTs,
      int attempts,
      String lastError,
      Long sentAt,
      String accountIds,
      String teamId,
      Long completedAt) {

    /** The natural key as one string, put on the Slack message's metadata. */
    public String key() {
      return workspaceId + ":" + repId + ":" + week + ":" + kind;
    }
  }


  /** Creates the prompt when it does not exist yet; returns 1 when it was created. */
  @SqlUpdate(
      "INSERT INTO prompts (workspace_id, rep_id, week, kind, status, due_at, team_id, created_at)"
          + " VALUES (:ws, :rep, :week, :kind, 'pending', :due, :team, :now)"
          + " ON CONFLICT (workspace_id, rep_id, week, kind) DO NOTHING")
  int create(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("kind") String kind, @Bind("due") long dueAt, @Bind("team") String teamId, @Bind("now") long now);

  /** Records a (team, week, account) slot a rep was asked about. */
  @SqlUpdate(
      "INSERT INTO prompt_slots (workspace_id, team_id, week, account_id, rep_id, created_at)"
          + " VALUES (:ws, :team, :week, :account, :rep, :now)"
          + " ON CONFLICT (workspace_id, team_id, week, account_id) DO NOTHING")
  int addSlot(@Bind("ws") String ws, @Bind("team") String teamId, @Bind("week") String week,
      @Bind("account") String accountId, @Bind("rep") String rep, @Bind("now") long now);

  @SqlQuery("SELECT " + COLUMNS + " FROM prompts WHERE" + KEY)
  Optional<PromptRow> find(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("kind") String kind);

  /** Reps of the workspace that have a prompt of {@code kind} for one of the weeks. */
  @SqlQuery("SELECT rep_id || ' ' || week FROM prompts WHERE workspace_id = :ws AND kind = :kind"
      + " AND week >= :from AND week <= :to")
  List<String> repWeeks(@Bind("ws") String ws, @Bind("kind") String kind, @Bind("from") String fromWeek,
      @Bind("to") String toWeek);

  /** Rows of one workspace and week, of any status and kind. */
  @SqlQuery("SELECT " + COLUMNS + " FROM prompts WHERE workspace_id = :ws AND week = :week")
  List<PromptRow> ofWeek(@Bind("ws") String ws, @Bind("week") String week);

  @SqlUpdate(
      "UPDATE prompts SET status = 'sent', claimed_by = :me, channel_id = :channel, message_ts = :ts,"
          + " account_ids = :accounts, sent_at = :now, last_error = NULL WHERE" + KEY
          + " AND status IN ('pending', 'claimed')")
  int markSent(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("kind") String kind, @Bind("me") String me, @Bind("channel") String channel, @Bind("ts") String ts,
      @Bind("accounts") String accountIds, @Bind("now") long now);

  /** Ends a waiting row without a message: failed, skipped or expired, with the reason. */
  @SqlUpdate(
      "UPDATE prompts SET status = :status, claimed_by = :me, last_error = :reason WHERE" + KEY
          + " AND status IN ('pending', 'claimed')")
  int finish(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("kind") String kind, @Bind("me") String me, @Bind("status") String status,
      @Bind("reason") String reason);

  /**
   * Rows still waiting to go that have no outbox letter yet (written by any path, or left by a
   * version before the outbox); the sender gives each its letter.
   */
  @SqlQuery("SELECT " + COLUMNS + " FROM prompts p WHERE p.status IN ('pending', 'claimed') AND NOT EXISTS"
      + " (SELECT 1 FROM outbox o WHERE o.message_key = 'prompt:' || p.workspace_id || ':' || p.rep_id || ':'"
      + " || p.week || ':' || p.kind)")
  List<PromptRow> pendingWithoutLetter();

  /** Weekly rows of recent weeks that were skipped because nothing was due when their turn came. */
  @SqlQuery("SELECT " + COLUMNS + " FROM prompts WHERE kind = 'weekly' AND status = 'skipped' AND week >= :from")
  List<PromptRow> skippedWeekly(@Bind("from") String fromWeek);

  /**
   * Gives a row skipped for "nothing due" back to the senders (something is due after all, e.g. a
   * key account was added); 1 when it was reopened.
   */
  @SqlUpdate(
      "UPDATE prompts SET status = 'pending', claimed_by = NULL, claimed_at = NULL, last_error = NULL,"
          + " next_attempt_at = NULL, attempts = 0 WHERE" + KEY + " AND status = 'skipped'")
  int reopenSkipped(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("kind") String kind);

  /** Weekly prompts sent before {@code cutoff} in the weeks given that have no follow-up yet. */
  @SqlQuery(
      "SELECT " + COLUMNS + " FROM prompts p WHERE p.kind = 'weekly' AND p.status = 'sent'"
          + " AND p.completed_at IS NULL AND p.sent_at <= :cutoff AND p.week >= :from AND NOT EXISTS"
          + " (SELECT 1 FROM prompts r WHERE r.workspace_id = p.workspace_id AND r.rep_id = p.rep_id"
          + " AND r.week = p.week AND r.kind IN ('reminder', 'snooze'))")
  List<PromptRow> needingReminder(@Bind("cutoff") long cutoff, @Bind("from") String fromWeek);

  /** The rep's sent prompts of recent weeks whose message does not yet say "all done". */
  @SqlQuery(
      "SELECT " + COLUMNS + " FROM prompts WHERE workspace_id = :ws AND rep_id = :rep AND week >= :from"
          + " AND status = 'sent' AND completed_at IS NULL ORDER BY week, kind")
  List<PromptRow> openMessages(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("from") String fromWeek);

  /** Marks a prompt's message as completed; 1 for the one caller that should update the message. */
  @SqlUpdate("UPDATE prompts SET completed_at = :now WHERE" + KEY + " AND completed_at IS NULL")
  int markCompleted(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("kind") String kind, @Bind("now") long now);

  /** A snooze replaces the week's reminder when that has not gone yet. */
  @SqlUpdate(
      "INSERT INTO prompts (workspace_id, rep_id, week, kind, status, due_at, created_at, last_error)"
          + " VALUES (:ws, :rep, :week, 'reminder', 'cancelled', :now, :now, 'snoozed')"
          + " ON CONFLICT (workspace_id, rep_id, week, kind) DO UPDATE SET status = 'cancelled',"
          + " last_error = 'snoozed' WHERE prompts.status = 'pending'")
  int cancelReminder(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week, @Bind("now") long now);


  @SqlQuery("SELECT COUNT(*) FROM prompts WHERE workspace_id = :ws AND week = :week AND kind = :kind AND status = :status")
  int count(@Bind("ws") String ws, @Bind("week") String week, @Bind("kind") String kind, @Bind("status") String status);
}
