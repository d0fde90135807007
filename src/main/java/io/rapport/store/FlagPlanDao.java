package io.rapport.store;

import io.rapport.domain.FlagPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Plans made for flags, and the owner's due-date reminder (claimed before it is sent). */
@RegisterRowMapper(FlagPlanDao.PlanMapper.class)
public interface FlagPlanDao {
  String COLUMNS =
      "workspace_id, id, flag_id, action_text, owner_id, due_date, created_by, created_at, reminder_status,"
          + " reminder_claimed_at";

  /** Stores a plan once per modal submission (id = view id): 1 when this call stored it. */
  @SqlUpdate("INSERT INTO flag_plans (workspace_id, id, flag_id, action_text, owner_id, due_date, created_by,"
      + " created_at, reminder_status) VALUES (:ws, :id, :flag, :action, :owner, :due, :by, :now, 'pending')"
      + " ON CONFLICT DO NOTHING")
  int insert(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("flag") String flagId,
      @Bind("action") String action, @Bind("owner") String ownerId, @Bind("due") String dueDate,
      @Bind("by") String createdBy, @Bind("now") long nowMillis);

  /** The plans of a flag, newest first. */
  @SqlQuery("SELECT " + COLUMNS + " FROM flag_plans WHERE workspace_id = :ws AND flag_id = :flag"
      + " ORDER BY created_at DESC, id")
  List<FlagPlan> ofFlag(@Bind("ws") String workspaceId, @Bind("flag") String flagId);

  @SqlQuery("SELECT " + COLUMNS + " FROM flag_plans WHERE workspace_id = :ws AND id = :id")
  Optional<FlagPlan> find(@Bind("ws") String workspaceId, @Bind("id") String id);

  default Optional<FlagPlan> latest(String workspaceId, String flagId) {
    return ofFlag(workspaceId, flagId).stream().findFirst();
  }

  /** Reminders not yet sent whose due date is on or before {@code latestDate}, in every workspace. */
  @SqlQuery("SELECT " + COLUMNS + " FROM flag_plans WHERE reminder_status IN ('pending', 'claimed')"
      + " AND due_date <= :latest ORDER BY due_date, created_at")
  List<FlagPlan> remindersDueBy(@Bind("latest") String latestDate);

  @SqlUpdate("UPDATE flag_plans SET reminder_status = 'claimed', reminder_claimed_at = :now"
      + " WHERE workspace_id = :ws AND id = :id AND (reminder_status = 'pending'"
      + " OR (reminder_status = 'claimed' AND reminder_claimed_at < :staleBefore))")
  int claimReminder(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("now") long nowMillis,
      @Bind("staleBefore") long staleBeforeMillis);

  @SqlUpdate("UPDATE flag_plans SET reminder_status = 'sent', reminder_channel_id = :channel, reminder_ts = :ts"
      + " WHERE workspace_id = :ws AND id = :id AND reminder_status IN ('pending', 'claimed')")
  int markReminded(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("channel") String channelId,
      @Bind("ts") String ts);

  @SqlUpdate("UPDATE flag_plans SET reminder_status = 'pending', reminder_claimed_at = NULL"
      + " WHERE workspace_id = :ws AND id = :id AND reminder_status = 'claimed'")
  int releaseReminder(@Bind("ws") String workspaceId, @Bind("id") String id);

  /** No reminder for the plans of a closed flag. */
  @SqlUpdate("UPDATE flag_plans SET reminder_status = 'cancelled'"
      + " WHERE workspace_id = :ws AND flag_id = :flag AND reminder_status = 'pending'")
  int cancelReminders(@Bind("ws") String workspaceId, @Bind("flag") String flagId);

  /** Maps a {@code flag_plans} row. */
  final class PlanMapper implements RowMapper<FlagPlan> {
    @Override
    public FlagPlan map(ResultSet rs, StatementContext ctx) throws SQLException {
      long claimed = rs.getLong("reminder_claimed_at");
      Long claimedAt = rs.wasNull() ? null : claimed;
      return new FlagPlan(rs.getString("workspace_id"), rs.getString("id"), rs.getString("flag_id"),
          rs.getString("action_text"), rs.getString("owner_id"), LocalDate.parse(rs.getString("due_date")),
          rs.getString("created_by"), rs.getLong("created_at"), rs.getString("reminder_status"), claimedAt);
    }
  }
}
