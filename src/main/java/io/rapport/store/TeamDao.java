package io.rapport.store;

import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Teams, their settings and members. */
@RegisterRowMapper(TeamDao.TeamMapper.class)
public interface TeamDao {
  String COLUMNS =
      "workspace_id, id, name, manager_id, channel_id, schedule_day, schedule_time, paused, policy";

  @SqlUpdate(
      "INSERT INTO teams (workspace_id, id, name, name_key, schedule_day, schedule_time, created_at)"
          + " VALUES (:ws, :id, :name, :nameKey, :day, :time, :now)")
  void insert(
      @Bind("ws") String workspaceId,
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("nameKey") String nameKey,
      @Bind("day") int day,
      @Bind("time") String time,
      @Bind("now") long nowMillis);

  @SqlQuery("SELECT " + COLUMNS + " FROM teams WHERE workspace_id = :ws AND id = :id")
  Optional<Team> find(@Bind("ws") String workspaceId, @Bind("id") String id);

  @SqlQuery("SELECT " + COLUMNS + " FROM teams WHERE workspace_id = :ws ORDER BY name_key")
  List<Team> all(@Bind("ws") String workspaceId);

  /** Every team of every workspace: the scheduler walks these. */
  @SqlQuery("SELECT " + COLUMNS + " FROM teams ORDER BY workspace_id, name_key")
  List<Team> everywhere();

  @SqlQuery("SELECT " + COLUMNS + " FROM teams WHERE workspace_id = :ws AND manager_id = :user ORDER BY name_key")
  List<Team> managedBy(@Bind("ws") String workspaceId, @Bind("user") String userId);

  @SqlQuery(
      "SELECT t.workspace_id, t.id, t.name, t.manager_id, t.channel_id, t.schedule_day, t.schedule_time,"
          + " t.paused, t.policy FROM teams t JOIN team_members m"
          + " ON m.workspace_id = t.workspace_id AND m.team_id = t.id"
          + " WHERE t.workspace_id = :ws AND m.user_id = :user ORDER BY t.name_key")
  List<Team> ofMember(@Bind("ws") String workspaceId, @Bind("user") String userId);

  @SqlUpdate("UPDATE teams SET manager_id = :user WHERE workspace_id = :ws AND id = :id")
  int setManager(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("user") String userId);

  @SqlUpdate("UPDATE teams SET channel_id = :channel WHERE workspace_id = :ws AND id = :id")
  int setChannel(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("channel") String channelId);

  @SqlUpdate("UPDATE teams SET schedule_day = :day, schedule_time = :time WHERE workspace_id = :ws AND id = :id")
  int setSchedule(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("day") int day, @Bind("time") String time);

  default int setSchedule(String workspaceId, String id, WeeklySchedule schedule) {
    return setSchedule(workspaceId, id, schedule.day().getValue(), schedule.time().toString());
  }

  @SqlUpdate("UPDATE teams SET paused = :paused WHERE workspace_id = :ws AND id = :id")
  int setPaused(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("paused") boolean paused);

  @SqlUpdate("UPDATE teams SET policy = :policy WHERE workspace_id = :ws AND id = :id")
  int setPolicy(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("policy") String policyJson);

  @SqlUpdate(
      "INSERT INTO team_members (workspace_id, team_id, user_id, added_at) VALUES (:ws, :team, :user, :now)"
          + " ON CONFLICT (workspace_id, team_id, user_id) DO NOTHING")
  int addMember(@Bind("ws") String workspaceId, @Bind("team") String teamId, @Bind("user") String userId, @Bind("now") long nowMillis);

  @SqlUpdate("DELETE FROM team_members WHERE workspace_id = :ws AND team_id = :team AND user_id = :user")
  int removeMember(@Bind("ws") String workspaceId, @Bind("team") String teamId, @Bind("user") String userId);

  @SqlQuery("SELECT user_id FROM team_members WHERE workspace_id = :ws AND team_id = :team ORDER BY user_id")
  List<String> members(@Bind("ws") String workspaceId, @Bind("team") String teamId);

  /** Maps a {@code teams} row. */
  final class TeamMapper implements RowMapper<Team> {
    @Override
    public Team map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Team(
          rs.getString("workspace_id"),
          rs.getString("id"),
          rs.getString("name"),
          Optional.ofNullable(rs.getString("manager_id")),
          Optional.ofNullable(rs.getString("channel_id")),
          new WeeklySchedule(DayOfWeek.of(rs.getInt("schedule_day")), LocalTime.parse(rs.getString("schedule_time"))),
          rs.getBoolean("paused"),
          rs.getString("policy"));
    }
  }
}
