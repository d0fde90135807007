package io.rapport.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A team admin's choices of audience per pattern ({@code team_flag_audiences}, V45). */
@RegisterConstructorMapper(TeamAudienceDao.Choice.class)
public interface TeamAudienceDao {

  /** One pattern moved for one team. */
  record Choice(String pattern, String audience, long changedAt) {}

  @SqlQuery("SELECT pattern, audience, changed_at FROM team_flag_audiences"
      + " WHERE workspace_id = :ws AND team_id = :team ORDER BY pattern")
  List<Choice> ofTeam(@Bind("ws") String workspaceId, @Bind("team") String teamId);

  @SqlUpdate("DELETE FROM team_flag_audiences WHERE workspace_id = :ws AND team_id = :team AND pattern = :pattern")
  int clear(@Bind("ws") String workspaceId, @Bind("team") String teamId, @Bind("pattern") String pattern);

  @SqlUpdate("INSERT INTO team_flag_audiences (workspace_id, team_id, pattern, audience, changed_at)"
      + " VALUES (:ws, :team, :pattern, :audience, :now)")
  int insert(@Bind("ws") String workspaceId, @Bind("team") String teamId, @Bind("pattern") String pattern,
      @Bind("audience") String audience, @Bind("now") long nowMillis);
}
