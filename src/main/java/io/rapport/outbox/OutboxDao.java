package io.rapport.outbox;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code outbox} table. Every state change is one conditional UPDATE naming the lease owner,
 * so on SQLite and on PostgreSQL (several instances on one database) exactly one caller wins it.
 */
@RegisterConstructorMapper(Entry.class)
public interface OutboxDao {
  String COLUMNS = "message_key AS key, workspace_id, kind, target, text, blocks, state, due_at,"
      + " next_attempt_at, attempts, lease_owner, lease_until, posting_since, channel_id, thread_ts,"
      + " message_ts, permalink, last_error, created_at, sent_at";
  String READY = "((state = 'pending' AND due_at <= :now AND (next_attempt_at IS NULL OR next_attempt_at <= :now))"
      + " OR (state = 'leased' AND lease_until < :now))";
  String DONE_BEFORE = "state IN ('sent', 'skipped', 'failed') AND COALESCE(sent_at, created_at) < :before"
      + " AND due_at < :before AND (next_attempt_at IS NULL OR next_attempt_at < :before)";

  /** Writes the letter unless its key exists; 1 when it was written. */
  @SqlUpdate("INSERT INTO outbox (message_key, workspace_id, kind, target, text, blocks, state, due_at, created_at)"
      + " VALUES (:key, :ws, :kind, :target, :text, :blocks, 'pending', :due, :now)"
      + " ON CONFLICT (message_key) DO NOTHING")
  int insert(@Bind("key") String key, @Bind("ws") String workspaceId, @Bind("kind") String kind,
      @Bind("target") String target, @Bind("text") String text, @Bind("blocks") String blocks,
      @Bind("due") long dueAt, @Bind("now") long now);

  @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE message_key = :key")
  Optional<Entry> find(@Bind("key") String key);

  /** Keys ready to send (of the kinds given), oldest due first. */
  @SqlQuery("SELECT message_key FROM outbox WHERE kind IN (<kinds>) AND " + READY + " ORDER BY due_at LIMIT :limit")
  List<String> ready(@BindList("kinds") List<String> kinds, @Bind("now") long now, @Bind("limit") int limit);

  /**
   * Leases the row to {@code me} until {@code until} when it is ready (pending and due, or leased
   * by someone whose lease ran out); counts the attempt. 1 for exactly one caller.
   */
  @SqlUpdate("UPDATE outbox SET state = 'leased', lease_owner = :me, lease_until = :until, attempts = attempts + 1"
      + " WHERE message_key = :key AND " + READY)
  int lease(@Bind("key") String key, @Bind("me") String me, @Bind("now") long now, @Bind("until") long until);

  /**
   * Records, before the post, where it goes and that Slack may have it from now on, and renews the
   * lease; 0 when the lease was lost (then nothing may be posted).
   */
  @SqlUpdate("UPDATE outbox SET posting_since = COALESCE(posting_since, :now), channel_id = :channel,"
      + " thread_ts = :thread, text = :text, blocks = :blocks, lease_until = :until"
      + " WHERE message_key = :key AND state = 'leased' AND lease_owner = :me AND lease_until >= :now")
  int posting(@Bind("key") String key, @Bind("me") String me, @Bind("channel") String channelId,
      @Bind("thread") String threadTs, @Bind("text") String text, @Bind("blocks") String blocks,
      @Bind("now") long now, @Bind("until") long until);

  /** Slack refused the post for certain: nothing of it is in Slack. */
  @SqlUpdate("UPDATE outbox SET posting_since = NULL WHERE message_key = :key AND state = 'leased'"
      + " AND lease_owner = :me")
  int notPosted(@Bind("key") String key, @Bind("me") String me);

  @SqlUpdate("UPDATE outbox SET state = 'sent', channel_id = :channel, message_ts = :ts, sent_at = :now,"
      + " last_error = NULL, lease_until = NULL WHERE message_key = :key AND state = 'leased' AND lease_owner = :me")
  int sent(@Bind("key") String key, @Bind("me") String me, @Bind("channel") String channelId, @Bind("ts") String ts,
      @Bind("now") long now);

  /** Ends a leased row without a message (skipped or failed). */
  @SqlUpdate("UPDATE outbox SET state = :state, last_error = :reason, lease_until = NULL"
      + " WHERE message_key = :key AND state = 'leased' AND lease_owner = :me")
  int end(@Bind("key") String key, @Bind("me") String me, @Bind("state") String state, @Bind("reason") String reason);

  /** Gives a leased row back, to be tried at {@code nextAt}; {@code uncount} takes the try back. */
  @SqlUpdate("UPDATE outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL, last_error = :reason,"
      + " next_attempt_at = :nextAt, attempts = attempts - :uncount"
      + " WHERE message_key = :key AND state = 'leased' AND lease_owner = :me")
  int release(@Bind("key") String key, @Bind("me") String me, @Bind("reason") String reason,
      @Bind("nextAt") long nextAt, @Bind("uncount") int uncount);

  /** A skipped row goes out after all (something is due again); 1 when it was reopened. */
  @SqlUpdate("UPDATE outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL, last_error = NULL,"
      + " next_attempt_at = NULL, attempts = 0, due_at = :due WHERE message_key = :key AND state = 'skipped'"
      + " AND posting_since IS NULL")
  int reopen(@Bind("key") String key, @Bind("due") long dueAt);

  /** Makes a pending row ready now (its waiting for a retry is over), e.g. after what it waited for changed. */
  @SqlUpdate("UPDATE outbox SET next_attempt_at = NULL WHERE message_key = :key AND state = 'pending'")
  int readyNow(@Bind("key") String key);

  /** The conversation of the newest message sent to {@code target} (a DM does not change). */
  @SqlQuery("SELECT channel_id FROM outbox WHERE workspace_id = :ws AND target = :target AND state = 'sent'"
      + " AND channel_id IS NOT NULL ORDER BY sent_at DESC LIMIT 1")
  Optional<String> knownConversation(@Bind("ws") String workspaceId, @Bind("target") String target);

  /**
   * Done rows (sent, skipped, failed) that were last due, tried and sent before {@code before}, in
   * key order after {@code after}.
   */
  @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE " + DONE_BEFORE + " AND message_key > :after"
      + " ORDER BY message_key LIMIT :limit")
  List<Entry> doneBefore(@Bind("before") long before, @Bind("after") String after, @Bind("limit") int limit);

  /** Deletes the row if it is still done before {@code before} (a reopened row stays). */
  @SqlUpdate("DELETE FROM outbox WHERE message_key = :key AND " + DONE_BEFORE)
  int deleteDone(@Bind("key") String key, @Bind("before") long before);

  @SqlQuery("SELECT COUNT(*) FROM outbox WHERE kind = :kind AND state = :state")
  int count(@Bind("kind") String kind, @Bind("state") String state);
}
