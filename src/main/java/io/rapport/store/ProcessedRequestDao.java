package io.rapport.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Outside requests already handled (a view submission's view id, an event's event id): claiming
 * one a second time claims nothing, so a Slack retry or a double click is a no-op.
 */
public interface ProcessedRequestDao {
  /** Claims {@code (kind, key)}; returns 1 the first time and 0 for every repeat. */
  @SqlUpdate(
      "INSERT INTO processed_requests (workspace_id, kind, request_key, created_at)"
          + " VALUES (:ws, :kind, :key, :now) ON CONFLICT (workspace_id, kind, request_key) DO NOTHING")
  int claim(
      @Bind("ws") String workspaceId,
      @Bind("kind") String kind,
      @Bind("key") String requestKey,
      @Bind("now") long nowMillis);

  /** Deletes the claims of {@code kinds} made before {@code beforeMillis}; returns how many. */
  @SqlUpdate("DELETE FROM processed_requests WHERE kind IN (<kinds>) AND created_at < :before")
  int pruneBefore(@org.jdbi.v3.sqlobject.customizer.BindList("kinds") java.util.List<String> kinds,
      @Bind("before") long beforeMillis);

  /** Gives a claim back, so the work it stood for is done again next time (it failed). */
  @SqlUpdate("DELETE FROM processed_requests WHERE workspace_id = :ws AND kind = :kind AND request_key = :key")
  int release(@Bind("ws") String workspaceId, @Bind("kind") String kind, @Bind("key") String requestKey);
}
