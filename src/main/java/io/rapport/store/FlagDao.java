package io.rapport.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * Flags and their history (events, false alarms). Every state change is a conditional update, so
 * two instances or a repeated button press change a flag at most once: the caller acts only when
 * the update reports one row.
 */
@RegisterRowMapper(FlagDao.FlagMapper.class)
@RegisterRowMapper(FlagDao.EventMapper.class)
@RegisterRowMapper(FlagDao.FalseAlarmMapper.class)
public interface FlagDao {
  String COLUMNS =
      "workspace_id, id, account_id, pattern, severity, status, evidence, tip, rep_id, team_id,"
          + " channel_id, message_ts, post_status, post_claimed_at, parent_stale, revision, first_week,"
          + " last_seen_week, quiet_since_week, evidence_week, acknowledged_by, acknowledged_at,"
          + " closed_by, opened_at, closed_at, audience, moved_from_channel_id, moved_from_ts";
  String OPEN = " closed_at IS NULL ";
  String CHANGED = " updated_at = :now, revision = revision + 1, parent_stale = TRUE ";

  ObjectMapper JSON = new ObjectMapper();

  // ------------------------------------------------------------------ flags

  /**
   * Opens a flag unless one is already open for the account and pattern (the partial unique index
   * {@code flags_one_open}): returns 1 when this call opened it, 0 otherwise.
   */
  @SqlUpdate(
      "INSERT INTO flags (workspace_id, id, account_id, pattern, severity, status, evidence, tip, rep_id,"
          + " team_id, post_status, first_week, last_seen_week, evidence_week, opened_at, updated_at, audience)"
          + " VALUES (:ws, :id, :account, :pattern, :severity, 'open', :evidence, :tip, :rep, :team,"
          + " 'pending', :week, :week, :week, :now, :now, :audience) ON CONFLICT DO NOTHING")
  int insertOpen(
      @Bind("ws") String workspaceId,
      @Bind("id") String id,
      @Bind("account") String accountId,
      @Bind("pattern") String pattern,
      @Bind("severity") String severity,
      @Bind("evidence") String evidenceJson,
      @Bind("tip") String tip,
      @Bind("rep") String repId,
      @Bind("team") String teamId,
      @Bind("week") String week,
      @Bind("now") long nowMillis,
      @Bind("audience") String audience);

  @SqlQuery("SELECT " + COLUMNS + " FROM flags WHERE workspace_id = :ws AND id = :id")
  Optional<Flag> find(@Bind("ws") String workspaceId, @Bind("id") String id);

  @SqlQuery("SELECT " + COLUMNS + " FROM flags WHERE workspace_id = :ws AND account_id = :account AND"
      + OPEN + "ORDER BY pattern")
  List<Flag> openOfAccount(@Bind("ws") String workspaceId, @Bind("account") String accountId);

  @SqlQuery("SELECT " + COLUMNS + " FROM flags WHERE workspace_id = :ws AND account_id = :account"
      + " ORDER BY opened_at, pattern")
  List<Flag> allOfAccount(@Bind("ws") String workspaceId, @Bind("account") String accountId);

  @SqlQuery("SELECT " + COLUMNS + " FROM flags WHERE workspace_id = :ws AND" + OPEN + "ORDER BY opened_at")
  List<Flag> open(@Bind("ws") String workspaceId);

  /** Open flags of accounts that were removed from Rapport since. */
  @SqlQuery("SELECT f.workspace_id, f.id, f.account_id, f.pattern, f.severity, f.status, f.evidence, f.tip, f.rep_id,"
      + " f.team_id, f.channel_id, f.message_ts, f.post_status, f.post_claimed_at, f.parent_stale, f.revision,"
      + " f.first_week, f.last_seen_week, f.quiet_since_week, f.evidence_week, f.acknowledged_by, f.acknowledged_at,"
      + " f.closed_by, f.opened_at, f.closed_at, f.audience, f.moved_from_channel_id, f.moved_from_ts"
      + " FROM flags f JOIN accounts a"
      + " ON a.workspace_id = f.workspace_id AND a.id = f.account_id"
      + " WHERE f.workspace_id = :ws AND f.closed_at IS NULL AND a.removed_at IS NOT NULL")
  List<Flag> openOfRemovedAccounts(@Bind("ws") String workspaceId);

  /** Open flags whose parent message is not yet posted, or owes an update, in every workspace. */
  @SqlQuery("SELECT " + COLUMNS + " FROM flags WHERE post_status <> 'posted' AND" + OPEN
      + " OR (post_status = 'posted' AND parent_stale = TRUE) ORDER BY opened_at")
  List<Flag> owingDelivery();

  /** Flags of the given teams opened, still open, or closed, for the manager digest. */
  @SqlQuery("SELECT " + COLUMNS + " FROM flags WHERE workspace_id = :ws AND team_id IN (<teams>)"
      + " AND (closed_at IS NULL OR closed_at >= :from) AND opened_at < :to ORDER BY opened_at")
  List<Flag> ofTeamsSince(
      @Bind("ws") String workspaceId,
      @BindList(value = "teams", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> teamIds,
      @Bind("from") long fromMillis,
      @Bind("to") long toMillis);

  /** Claims posting the parent message: 1 when this caller may post it now. */
  @SqlUpdate("UPDATE flags SET post_status = 'claimed', post_claimed_at = :now, post_attempts = post_attempts + 1"
      + " WHERE workspace_id = :ws AND id = :id AND" + OPEN + "AND (post_status = 'pending'"
      + " OR (post_status = 'claimed' AND post_claimed_at < :staleBefore))")
  int claimPost(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("now") long nowMillis,
      @Bind("staleBefore") long staleBeforeMillis);

  /** Records the posted parent message; the state it showed is current as of {@code revision}. */
  @SqlUpdate("UPDATE flags SET post_status = 'posted', channel_id = :channel, message_ts = :ts, last_error = NULL,"
      + " parent_stale = CASE WHEN revision = :revision THEN FALSE ELSE TRUE END"
      + " WHERE workspace_id = :ws AND id = :id AND post_status IN ('pending', 'claimed')")
  int markPosted(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("channel") String channelId,
      @Bind("ts") String ts, @Bind("revision") int revision);

  /** Gives a claim back after Slack refused the post (nothing was posted), for a later retry. */
  @SqlUpdate("UPDATE flags SET post_status = 'pending', post_claimed_at = NULL, last_error = :error"
      + " WHERE workspace_id = :ws AND id = :id AND post_status = 'claimed'")
  int releasePost(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("error") String error);

  /** The parent message shows {@code revision}: no update owed unless the flag changed since. */
  @SqlUpdate("UPDATE flags SET parent_stale = FALSE WHERE workspace_id = :ws AND id = :id AND revision = :revision")
  int markParentCurrent(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("revision") int revision);

  /** The pattern showed in {@code week}: it is no longer quiet. */
  @SqlUpdate("UPDATE flags SET last_seen_week = :week, quiet_since_week = NULL,"
      + " parent_stale = CASE WHEN quiet_since_week IS NULL THEN parent_stale ELSE TRUE END,"
      + " revision = CASE WHEN quiet_since_week IS NULL THEN revision ELSE revision + 1 END"
      + " WHERE workspace_id = :ws AND id = :id AND" + OPEN
      + "AND (last_seen_week IS NULL OR last_seen_week <= :week)")
  int markSeen(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("week") String week);

  /** New severity and evidence, shown from {@code week} on. */
  @SqlUpdate("UPDATE flags SET severity = :severity, evidence = :evidence, evidence_week = :week," + CHANGED
      + "WHERE workspace_id = :ws AND id = :id AND" + OPEN)
  int updateFinding(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("severity") String severity,
      @Bind("evidence") String evidenceJson, @Bind("week") String week, @Bind("now") long nowMillis);

  /** The pattern no longer shows as of {@code week}: 1 when this call noticed it first. */
  @SqlUpdate("UPDATE flags SET quiet_since_week = :week," + CHANGED
      + "WHERE workspace_id = :ws AND id = :id AND" + OPEN + "AND quiet_since_week IS NULL")
  int markQuiet(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("week") String week,
      @Bind("now") long nowMillis);

  /** 1 when this call acknowledged the flag (open and not yet acknowledged). */
  @SqlUpdate("UPDATE flags SET acknowledged_by = :user, acknowledged_at = :now," + CHANGED
      + "WHERE workspace_id = :ws AND id = :id AND" + OPEN + "AND acknowledged_by IS NULL")
  int acknowledge(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("user") String userId,
      @Bind("now") long nowMillis);

  /** 1 when this call closed the (open) flag. */
  @SqlUpdate("UPDATE flags SET status = :status, closed_by = :user, closed_at = :now," + CHANGED
      + "WHERE workspace_id = :ws AND id = :id AND" + OPEN)
  int close(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("status") String status,
      @Bind("user") String userId, @Bind("now") long nowMillis);

  /** Marks the parent message as owing an update (e.g. a plan was added). */
  @SqlUpdate("UPDATE flags SET" + CHANGED + "WHERE workspace_id = :ws AND id = :id")
  int touch(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("now") long nowMillis);

  /** Routes a flag to a team found after it was opened (its rep joined a team). */
  @SqlUpdate("UPDATE flags SET team_id = :team WHERE workspace_id = :ws AND id = :id AND team_id IS NULL")
  int setTeam(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("team") String teamId);

  /**
   * A team flag becomes private before it reached a channel (not posted yet, or posted to the
   * manager's DM because the team has no channel): it keeps its place and the new rules apply.
   */
  @SqlUpdate("UPDATE flags SET audience = :audience WHERE workspace_id = :ws AND id = :id AND" + OPEN
      + "AND audience = 'team' AND (post_status = 'pending' OR (post_status = 'posted' AND channel_id LIKE 'D%'))")
  int makePrivateInPlace(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("audience") String audience);

  /**
   * A team flag posted in a channel becomes private: that message stays (its place is kept in
   * {@code moved_from_*} for the one line saying the discussion moved) and the flag is posted
   * afresh in the private conversation. 1 when this call moved it.
   */
  @SqlUpdate("UPDATE flags SET audience = :audience, moved_from_channel_id = channel_id, moved_from_ts = message_ts,"
      + " channel_id = NULL, message_ts = NULL, post_status = 'pending', post_claimed_at = NULL, parent_stale = FALSE"
      + " WHERE workspace_id = :ws AND id = :id AND" + OPEN + "AND audience = 'team' AND post_status = 'posted'"
      + " AND channel_id NOT LIKE 'D%'")
  int moveToPrivate(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("audience") String audience);

  /** When the pattern was last resolved on the account (epoch millis), if ever. */
  @SqlQuery("SELECT MAX(closed_at) FROM flags WHERE workspace_id = :ws AND account_id = :account"
      + " AND pattern = :pattern AND status = 'resolved'")
  Optional<Long> lastResolvedAt(@Bind("ws") String workspaceId, @Bind("account") String accountId,
      @Bind("pattern") String pattern);

  /** Every workspace Rapport has seen, for the sweep. */
  @SqlQuery("SELECT id FROM workspaces ORDER BY id")
  List<String> workspaceIds();

  // ------------------------------------------------------------------ events (history and thread)

  /** A flag's history entry; a note to post in the thread when {@code note} is given. */
  record Event(String workspaceId, String flagId, String key, String kind, String actorId, String note,
      String noteStatus, Long noteClaimedAt, String noteTs, long createdAt) {}

  /** Records a change once (natural key {@code key}): 1 when this call recorded it. */
  @SqlUpdate("INSERT INTO flag_events (workspace_id, flag_id, event_key, kind, actor_id, note, note_status, created_at)"
      + " VALUES (:ws, :flag, :key, :kind, :actor, :note, :noteStatus, :now) ON CONFLICT DO NOTHING")
  int insertEvent(@Bind("ws") String workspaceId, @Bind("flag") String flagId, @Bind("key") String key,
      @Bind("kind") String kind, @Bind("actor") String actorId, @Bind("note") String note,
      @Bind("noteStatus") String noteStatus, @Bind("now") long nowMillis);

  /** Records a change once; {@code note}, when not null, goes into the flag's thread. */
  default int recordEvent(String workspaceId, String flagId, String key, String kind, String actorId,
      String note, long nowMillis) {
    return insertEvent(workspaceId, flagId, key, kind, actorId, note, note == null ? "none" : "pending", nowMillis);
  }

  @SqlQuery("SELECT * FROM flag_events WHERE workspace_id = :ws AND flag_id = :flag ORDER BY created_at, event_key")
  List<Event> events(@Bind("ws") String workspaceId, @Bind("flag") String flagId);

  @SqlQuery("SELECT * FROM flag_events WHERE workspace_id = :ws AND flag_id = :flag"
      + " AND note_status IN ('pending', 'claimed') ORDER BY created_at, event_key")
  List<Event> notesOwed(@Bind("ws") String workspaceId, @Bind("flag") String flagId);

  @SqlUpdate("UPDATE flag_events SET note_status = 'claimed', note_claimed_at = :now"
      + " WHERE workspace_id = :ws AND flag_id = :flag AND event_key = :key AND (note_status = 'pending'"
      + " OR (note_status = 'claimed' AND note_claimed_at < :staleBefore))")
  int claimNote(@Bind("ws") String workspaceId, @Bind("flag") String flagId, @Bind("key") String key,
      @Bind("now") long nowMillis, @Bind("staleBefore") long staleBeforeMillis);

  @SqlUpdate("UPDATE flag_events SET note_status = 'posted', note_ts = :ts"
      + " WHERE workspace_id = :ws AND flag_id = :flag AND event_key = :key AND note_status IN ('pending', 'claimed')")
  int markNotePosted(@Bind("ws") String workspaceId, @Bind("flag") String flagId, @Bind("key") String key,
      @Bind("ts") String ts);

  @SqlUpdate("UPDATE flag_events SET note_status = 'pending', note_claimed_at = NULL"
      + " WHERE workspace_id = :ws AND flag_id = :flag AND event_key = :key AND note_status = 'claimed'")
  int releaseNote(@Bind("ws") String workspaceId, @Bind("flag") String flagId, @Bind("key") String key);

  /** Gives a note up (its thread is gone); it stays in the history. */
  @SqlUpdate("UPDATE flag_events SET note_status = 'failed'"
      + " WHERE workspace_id = :ws AND flag_id = :flag AND event_key = :key AND note_status IN ('pending', 'claimed')")
  int failNote(@Bind("ws") String workspaceId, @Bind("flag") String flagId, @Bind("key") String key);

  /** Flags (workspace id, flag id) with thread notes owed, for the sweep. */
  @SqlQuery("SELECT DISTINCT e.workspace_id || ' ' || e.flag_id FROM flag_events e JOIN flags f"
      + " ON f.workspace_id = e.workspace_id AND f.id = e.flag_id"
      + " WHERE e.note_status IN ('pending', 'claimed') AND f.post_status = 'posted'")
  List<String> flagsOwingNotes();

  // ------------------------------------------------------------------ false alarms

  /** A false alarm and its reason. */
  record FalseAlarm(String workspaceId, String flagId, String accountId, String pattern, String severity,
      String reason, String markedBy, long markedAt, String suppressedUntilWeek) {}

  @SqlUpdate("INSERT INTO flag_false_alarms (workspace_id, flag_id, account_id, pattern, severity, reason,"
      + " marked_by, marked_at, suppressed_until_week) VALUES (:ws, :flag, :account, :pattern, :severity,"
      + " :reason, :user, :now, :until) ON CONFLICT DO NOTHING")
  int insertFalseAlarm(@Bind("ws") String workspaceId, @Bind("flag") String flagId,
      @Bind("account") String accountId, @Bind("pattern") String pattern, @Bind("severity") String severity,
      @Bind("reason") String reason, @Bind("user") String userId, @Bind("now") long nowMillis,
      @Bind("until") String suppressedUntilWeek);

  /** False alarms whose suppression runs past {@code week}, for judging many accounts at once. */
  @SqlQuery("SELECT * FROM flag_false_alarms WHERE workspace_id = :ws AND suppressed_until_week > :week")
  List<FalseAlarm> suppressionsAfter(@Bind("ws") String workspaceId, @Bind("week") String week);

  /** The latest false alarms on flags of a team, newest first, with their reasons. */
  @SqlQuery("SELECT a.* FROM flag_false_alarms a JOIN flags f ON f.workspace_id = a.workspace_id AND f.id = a.flag_id"
      + " WHERE a.workspace_id = :ws AND f.team_id = :team ORDER BY a.marked_at DESC LIMIT :limit")
  List<FalseAlarm> falseAlarmsOfTeam(@Bind("ws") String workspaceId, @Bind("team") String teamId,
      @Bind("limit") int limit);

  /** Every false alarm of the workspace with its reason, newest first (to tune thresholds). */
  @SqlQuery("SELECT * FROM flag_false_alarms WHERE workspace_id = :ws ORDER BY marked_at DESC")
  List<FalseAlarm> falseAlarms(@Bind("ws") String workspaceId);

  // ------------------------------------------------------------------ judgement input

  /** Real check-ins of the given accounts from {@code fromWeek} on (a team's book). */
  @SqlQuery("SELECT " + CheckInDao.COLUMNS + " FROM checkins WHERE workspace_id = :ws"
      + " AND account_id IN (<accounts>) AND week >= :from AND nothing_to_report = FALSE"
      + " ORDER BY account_id, week")
  @UseRowMapper(CheckInDao.CheckInMapper.class)
  List<CheckIn> checkInsOf(
      @Bind("ws") String workspaceId,
      @BindList(value = "accounts", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> accountIds,
      @Bind("from") String fromWeek);

  // ------------------------------------------------------------------ mapping

  static String evidenceJson(List<String> evidence) {
    try {
      return JSON.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evidence is not serialisable", e);
    }
  }

  /** Maps a {@code flags} row. */
  final class FlagMapper implements RowMapper<Flag> {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    @Override
    public Flag map(ResultSet rs, StatementContext ctx) throws SQLException {
      List<String> evidence;
      try {
        evidence = JSON.readValue(rs.getString("evidence"), STRINGS);
      } catch (JsonProcessingException e) {
        evidence = List.of(rs.getString("evidence"));
      }
      return new Flag(
          rs.getString("workspace_id"),
          rs.getString("id"),
          rs.getString("account_id"),
          rs.getString("pattern"),
          rs.getString("severity"),
          FlagStatus.parse(rs.getString("status")),
          evidence,
          rs.getString("tip"),
          rs.getString("rep_id"),
          rs.getString("team_id"),
          rs.getString("channel_id"),
          rs.getString("message_ts"),
          rs.getString("post_status"),
          longOrNull(rs, "post_claimed_at"),
          rs.getBoolean("parent_stale"),
          rs.getInt("revision"),
          rs.getString("first_week"),
          rs.getString("last_seen_week"),
          rs.getString("quiet_since_week"),
          rs.getString("evidence_week"),
          rs.getString("acknowledged_by"),
          longOrNull(rs, "acknowledged_at"),
          rs.getString("closed_by"),
          rs.getLong("opened_at"),
          longOrNull(rs, "closed_at"),
          rs.getString("audience"),
          rs.getString("moved_from_channel_id"),
          rs.getString("moved_from_ts"));
    }
  }

  /** Maps a {@code flag_events} row. */
  final class EventMapper implements RowMapper<Event> {
    @Override
    public Event map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Event(rs.getString("workspace_id"), rs.getString("flag_id"), rs.getString("event_key"),
          rs.getString("kind"), rs.getString("actor_id"), rs.getString("note"), rs.getString("note_status"),
          longOrNull(rs, "note_claimed_at"), rs.getString("note_ts"), rs.getLong("created_at"));
    }
  }

  /** Maps a {@code flag_false_alarms} row. */
  final class FalseAlarmMapper implements RowMapper<FalseAlarm> {
    @Override
    public FalseAlarm map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new FalseAlarm(rs.getString("workspace_id"), rs.getString("flag_id"), rs.getString("account_id"),
          rs.getString("pattern"), rs.getString("severity"), rs.getString("reason"), rs.getString("marked_by"),
          rs.getLong("marked_at"), rs.getString("suppressed_until_week"));
    }
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
