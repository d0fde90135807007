package io.rapport.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The weekly manager digest: at most one per (workspace, manager, week), claimed before it is sent. */
public interface FlagDigestDao {
  /** Claims this week's digest for a manager: 1 when this caller may send it. */
  @SqlUpdate("INSERT INTO flag_digests (workspace_id, manager_id, week, status, claimed_at)"
      + " VALUES (:ws, :manager, :week, 'claimed', :now) ON CONFLICT DO NOTHING")
  int claim(@Bind("ws") String workspaceId, @Bind("manager") String managerId, @Bind("week") String week,
      @Bind("now") long nowMillis);

  /** Takes over a claim whose sender went quiet before {@code staleBefore}: 1 when it did. */
  @SqlUpdate("UPDATE flag_digests SET claimed_at = :now WHERE workspace_id = :ws AND manager_id = :manager"
      + " AND week = :week AND status = 'claimed' AND claimed_at < :staleBefore")
  int reclaimStale(@Bind("ws") String workspaceId, @Bind("manager") String managerId, @Bind("week") String week,
      @Bind("now") long nowMillis, @Bind("staleBefore") long staleBeforeMillis);

  @SqlQuery("SELECT status FROM flag_digests WHERE workspace_id = :ws AND manager_id = :manager AND week = :week")
  Optional<String> status(@Bind("ws") String workspaceId, @Bind("manager") String managerId,
      @Bind("week") String week);

  @SqlUpdate("UPDATE flag_digests SET status = 'sent', channel_id = :channel, message_ts = :ts, sent_at = :now"
      + " WHERE workspace_id = :ws AND manager_id = :manager AND week = :week AND status = 'claimed'")
  int markSent(@Bind("ws") String workspaceId, @Bind("manager") String managerId, @Bind("week") String week,
      @Bind("channel") String channelId, @Bind("ts") String ts, @Bind("now") long nowMillis);

  /** Slack refused the DM (nothing was sent): forget the claim so the next sweep tries again. */
  @SqlUpdate("DELETE FROM flag_digests WHERE workspace_id = :ws AND manager_id = :manager AND week = :week"
      + " AND status = 'claimed'")
  int release(@Bind("ws") String workspaceId, @Bind("manager") String managerId, @Bind("week") String week);
}
