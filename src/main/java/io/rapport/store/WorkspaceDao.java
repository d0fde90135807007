package io.rapport.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Slack workspaces Rapport has seen; every other row belongs to one. */
public interface WorkspaceDao {
  @SqlUpdate("INSERT INTO workspaces (id, created_at) VALUES (:id, :now) ON CONFLICT (id) DO NOTHING")
  void ensure(@Bind("id") String workspaceId, @Bind("now") long nowMillis);

  @SqlQuery("SELECT COUNT(*) FROM workspaces WHERE id = :id")
  int count(@Bind("id") String workspaceId);
}
