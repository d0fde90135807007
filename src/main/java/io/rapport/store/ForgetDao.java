package io.rapport.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What {@code /relationship-admin forget @user} reads and removes: everything Rapport keeps about
 * a person in one workspace — as a rep (their accounts, check-ins and kept versions, flags about
 * those accounts with their history, plans and false alarms, prompts and slots, away weeks), as a
 * manager (the digests sent to them; their teams stay, without a manager), and the messages
 * Rapport sent them or about their flags (outbox rows, with where each was posted).
 */
public interface ForgetDao {
  /** A Slack message Rapport posted: where, and its ts. */
  record Posted(String channelId, String ts) {}

  /** A forget request and how far it got. */
  record Request(String workspaceId, String id, String userId, String requestedBy, long requestedAt, Long startedAt,
      Long doneAt, String summary) {}

  @SqlUpdate("INSERT INTO forget_requests (workspace_id, id, user_id, requested_by, requested_at)"
      + " VALUES (:ws, :id, :user, :by, :now)")
  void request(@Bind("ws") String ws, @Bind("id") String id, @Bind("user") String userId, @Bind("by") String by,
      @Bind("now") long now);

  @SqlQuery("SELECT workspace_id, id, user_id, requested_by, requested_at, started_at, done_at, summary"
      + " FROM forget_requests WHERE workspace_id = :ws AND id = :id")
  @RegisterConstructorMapper(Request.class)
  Optional<Request> find(@Bind("ws") String ws, @Bind("id") String id);

  /** Claims the request unless it is done or claimed since {@code staleBefore}; 1 for one caller. */
  @SqlUpdate("UPDATE forget_requests SET started_at = :now WHERE workspace_id = :ws AND id = :id"
      + " AND done_at IS NULL AND (started_at IS NULL OR started_at < :staleBefore)")
  int claim(@Bind("ws") String ws, @Bind("id") String id, @Bind("now") long now,
      @Bind("staleBefore") long staleBefore);

  @SqlUpdate("UPDATE forget_requests SET done_at = :now, done_by = :by, summary = :summary"
      + " WHERE workspace_id = :ws AND id = :id AND done_at IS NULL")
  int done(@Bind("ws") String ws, @Bind("id") String id, @Bind("by") String by, @Bind("summary") String summary,
      @Bind("now") long now);

  // ------------------------------------------------------------------ what there is

  @SqlQuery("SELECT id FROM accounts WHERE workspace_id = :ws AND rep_id = :user")
  List<String> accounts(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlQuery("SELECT id FROM flags WHERE workspace_id = :ws AND (rep_id = :user"
      + " OR account_id IN (SELECT id FROM accounts WHERE workspace_id = :ws AND rep_id = :user))")
  List<String> flags(@Bind("ws") String ws, @Bind("user") String userId);

  String CHECKINS = " FROM checkins WHERE workspace_id = :ws AND (rep_id = :user"
      + " OR account_id IN (SELECT id FROM accounts WHERE workspace_id = :ws AND rep_id = :user))";
  String VERSIONS = " FROM checkin_versions WHERE workspace_id = :ws AND (rep_id = :user"
      + " OR account_id IN (SELECT id FROM accounts WHERE workspace_id = :ws AND rep_id = :user))";

  @SqlQuery("SELECT COUNT(*)" + CHECKINS + " AND nothing_to_report = FALSE")
  int checkIns(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlQuery("SELECT (SELECT COUNT(*)" + CHECKINS + " AND note IS NOT NULL AND note <> '')"
      + " + (SELECT COUNT(*)" + VERSIONS + " AND note IS NOT NULL AND note <> '')")
  int notes(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlQuery("SELECT COUNT(*)" + VERSIONS)
  int versions(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlQuery("SELECT COUNT(*) FROM prompts WHERE workspace_id = :ws AND rep_id = :user")
  int prompts(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlQuery("SELECT COUNT(*) FROM away_weeks WHERE workspace_id = :ws AND rep_id = :user")
  int awayWeeks(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlQuery("SELECT name FROM teams WHERE workspace_id = :ws AND manager_id = :user ORDER BY name")
  List<String> managedTeams(@Bind("ws") String ws, @Bind("user") String userId);

  /**
   * Messages Rapport posted that are about the person: its direct messages to them (prompts,
   * reminders, digests, notices) and every message of the flags given (parents and thread notes),
   * as the outbox recorded them.
   */
  @SqlQuery("SELECT DISTINCT channel_id, message_ts AS ts FROM outbox WHERE workspace_id = :ws"
      + " AND message_ts IS NOT NULL AND channel_id IS NOT NULL AND (target = :dm OR message_key IN (<flagKeys>))")
  @RegisterConstructorMapper(Posted.class)
  List<Posted> outboxPosts(@Bind("ws") String ws, @Bind("dm") String dmTarget,
      @BindList(value = "flagKeys", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagKeys);

  /** The event keys of the flags' history (their thread notes' outbox keys are built from them). */
  @SqlQuery("SELECT flag_id || ':' || event_key FROM flag_events WHERE workspace_id = :ws AND flag_id IN (<flags>)")
  List<String> flagEventKeys(@Bind("ws") String ws,
      @BindList(value = "flags", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagIds);

  /** Flag messages recorded on the flags themselves (before the outbox, and moved channel posts). */
  @SqlQuery("SELECT channel_id, message_ts AS ts FROM flags WHERE workspace_id = :ws AND id IN (<flags>)"
      + " AND channel_id IS NOT NULL AND message_ts IS NOT NULL"
      + " UNION SELECT moved_from_channel_id, moved_from_ts FROM flags WHERE workspace_id = :ws AND id IN (<flags>)"
      + " AND moved_from_channel_id IS NOT NULL AND moved_from_ts IS NOT NULL"
      + " UNION SELECT f.channel_id, e.note_ts FROM flag_events e JOIN flags f ON f.workspace_id = e.workspace_id"
      + " AND f.id = e.flag_id WHERE e.workspace_id = :ws AND e.flag_id IN (<flags>) AND e.note_ts IS NOT NULL"
      + " AND f.channel_id IS NOT NULL"
      + " UNION SELECT reminder_channel_id, reminder_ts FROM flag_plans WHERE workspace_id = :ws"
      + " AND flag_id IN (<flags>) AND reminder_channel_id IS NOT NULL AND reminder_ts IS NOT NULL")
  @RegisterConstructorMapper(Posted.class)
  List<Posted> flagPosts(@Bind("ws") String ws,
      @BindList(value = "flags", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagIds);

  /** Prompts and digests recorded on their own rows. */
  @SqlQuery("SELECT channel_id, message_ts AS ts FROM prompts WHERE workspace_id = :ws AND rep_id = :user"
      + " AND channel_id IS NOT NULL AND message_ts IS NOT NULL"
      + " UNION SELECT channel_id, message_ts FROM flag_digests WHERE workspace_id = :ws AND manager_id = :user"
      + " AND channel_id IS NOT NULL AND message_ts IS NOT NULL")
  @RegisterConstructorMapper(Posted.class)
  List<Posted> ownPosts(@Bind("ws") String ws, @Bind("user") String userId);

  // ------------------------------------------------------------------ removing it

  @SqlUpdate("DELETE FROM flag_events WHERE workspace_id = :ws AND flag_id IN (<flags>)")
  int deleteFlagEvents(@Bind("ws") String ws, @BindList(value = "flags", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagIds);

  @SqlUpdate("DELETE FROM flag_plans WHERE workspace_id = :ws AND flag_id IN (<flags>)")
  int deleteFlagPlans(@Bind("ws") String ws, @BindList(value = "flags", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagIds);

  @SqlUpdate("DELETE FROM flag_false_alarms WHERE workspace_id = :ws AND flag_id IN (<flags>)")
  int deleteFalseAlarms(@Bind("ws") String ws, @BindList(value = "flags", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagIds);

  @SqlUpdate("DELETE FROM flags WHERE workspace_id = :ws AND id IN (<flags>)")
  int deleteFlags(@Bind("ws") String ws, @BindList(value = "flags", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagIds);

  @SqlUpdate("DELETE FROM outbox WHERE workspace_id = :ws AND (target = :dm OR message_key IN (<flagKeys>))")
  int deleteOutbox(@Bind("ws") String ws, @Bind("dm") String dmTarget,
      @BindList(value = "flagKeys", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> flagKeys);

  @SqlUpdate("DELETE" + VERSIONS)
  int deleteVersions(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE" + CHECKINS)
  int deleteCheckIns(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM prompt_slots WHERE workspace_id = :ws AND (rep_id = :user"
      + " OR account_id IN (SELECT id FROM accounts WHERE workspace_id = :ws AND rep_id = :user))")
  int deleteSlots(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM prompts WHERE workspace_id = :ws AND rep_id = :user")
  int deletePrompts(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM away_weeks WHERE workspace_id = :ws AND rep_id = :user")
  int deleteAwayWeeks(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM flag_digests WHERE workspace_id = :ws AND manager_id = :user")
  int deleteDigests(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM accounts WHERE workspace_id = :ws AND rep_id = :user")
  int deleteAccounts(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM team_members WHERE workspace_id = :ws AND user_id = :user")
  int leaveTeams(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("UPDATE teams SET manager_id = NULL WHERE workspace_id = :ws AND manager_id = :user")
  int stopManaging(@Bind("ws") String ws, @Bind("user") String userId);

  @SqlUpdate("DELETE FROM users WHERE workspace_id = :ws AND user_id = :user")
  int deleteUser(@Bind("ws") String ws, @Bind("user") String userId);
}
