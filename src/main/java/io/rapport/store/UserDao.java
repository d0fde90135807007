package io.rapport.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Slack users Rapport knows: admin role and cached time zone. */
public interface UserDao {
  /** A user's cached Slack time zone and when it was fetched. */
  record TimeZoneRow(String tz, long fetchedAtMillis) {}

  @SqlUpdate(
      "INSERT INTO users (workspace_id, user_id, is_admin, created_at) VALUES (:ws, :user, FALSE, :now)"
          + " ON CONFLICT (workspace_id, user_id) DO NOTHING")
  void ensure(@Bind("ws") String workspaceId, @Bind("user") String userId, @Bind("now") long nowMillis);

  @SqlUpdate(
      "INSERT INTO users (workspace_id, user_id, is_admin, created_at) VALUES (:ws, :user, :admin, :now)"
          + " ON CONFLICT (workspace_id, user_id) DO UPDATE SET is_admin = :admin")
  void setAdmin(
      @Bind("ws") String workspaceId,
      @Bind("user") String userId,
      @Bind("admin") boolean admin,
      @Bind("now") long nowMillis);

  @SqlQuery("SELECT COUNT(*) FROM users WHERE workspace_id = :ws AND user_id = :user AND is_admin = TRUE")
  int adminCount(@Bind("ws") String workspaceId, @Bind("user") String userId);

  default boolean isAdmin(String workspaceId, String userId) {
    return adminCount(workspaceId, userId) > 0;
  }

  @SqlQuery("SELECT user_id FROM users WHERE workspace_id = :ws AND is_admin = TRUE ORDER BY user_id")
  List<String> admins(@Bind("ws") String workspaceId);

  @RegisterConstructorMapper(TimeZoneRow.class)
  @SqlQuery(
      "SELECT tz, tz_fetched_at AS fetched_at_millis FROM users WHERE workspace_id = :ws AND user_id = :user AND tz IS NOT NULL")
  Optional<TimeZoneRow> timeZone(@Bind("ws") String workspaceId, @Bind("user") String userId);

  @SqlUpdate(
      "INSERT INTO users (workspace_id, user_id, is_admin, tz, tz_fetched_at, created_at)"
          + " VALUES (:ws, :user, FALSE, :tz, :now, :now)"
          + " ON CONFLICT (workspace_id, user_id) DO UPDATE SET tz = :tz, tz_fetched_at = :now")
  void setTimeZone(
      @Bind("ws") String workspaceId,
      @Bind("user") String userId,
      @Bind("tz") String tz,
      @Bind("now") long nowMillis);
}
