package io.rapport.away;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Away weeks, team holidays and each team's "Slack status counts" setting (V70). */
@RegisterConstructorMapper(AwayDao.AwayWeekRow.class)
public interface AwayDao {
  /** An {@code away_weeks} row. */
  record AwayWeekRow(String repId, String week, String source, String firstDay, String lastDay, String setBy) {
    public boolean away() {
      return !Source.BACK.id().equals(source);
    }
  }

  /** Where an away week came from. */
  enum Source {
    SELF("self"), MANAGER("manager"), STATUS("status"), BACK("back");

    private final String id;

    Source(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  String ROW = "rep_id, week, source, first_day, last_day, set_by";

  /** Sets (or replaces) the rep's away week. */
  @SqlUpdate("INSERT INTO away_weeks (workspace_id, rep_id, week, source, first_day, last_day, set_by, created_at)"
      + " VALUES (:ws, :rep, :week, :source, :first, :last, :by, :now)"
      + " ON CONFLICT (workspace_id, rep_id, week) DO UPDATE SET source = :source, first_day = :first,"
      + " last_day = :last, set_by = :by, created_at = :now")
  int put(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week, @Bind("source") String source,
      @Bind("first") String firstDay, @Bind("last") String lastDay, @Bind("by") String setBy, @Bind("now") long now);

  /** Records a status-made away week unless the week already has a row (a period, or "back"). */
  @SqlUpdate("INSERT INTO away_weeks (workspace_id, rep_id, week, source, first_day, last_day, set_by, created_at)"
      + " VALUES (:ws, :rep, :week, 'status', :first, :last, :rep, :now)"
      + " ON CONFLICT (workspace_id, rep_id, week) DO NOTHING")
  int putFromStatus(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("week") String week,
      @Bind("first") String firstDay, @Bind("last") String lastDay, @Bind("now") long now);

  /** Removes the rep's away weeks from {@code from} on; returns how many were away weeks. */
  @SqlUpdate("DELETE FROM away_weeks WHERE workspace_id = :ws AND rep_id = :rep AND week >= :from")
  int removeFrom(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("from") String fromWeek);

  @SqlQuery("SELECT " + ROW + " FROM away_weeks WHERE workspace_id = :ws AND rep_id = :rep"
      + " AND week >= :from AND week <= :to ORDER BY week")
  List<AwayWeekRow> ofRep(@Bind("ws") String ws, @Bind("rep") String rep, @Bind("from") String fromWeek,
      @Bind("to") String toWeek);

  /** Every row (away or back) of the workspace in the weeks given. */
  @SqlQuery("SELECT " + ROW + " FROM away_weeks WHERE workspace_id = :ws AND week >= :from AND week <= :to"
      + " ORDER BY week, rep_id")
  List<AwayWeekRow> inWeeks(@Bind("ws") String ws, @Bind("from") String fromWeek, @Bind("to") String toWeek);

  @SqlUpdate("INSERT INTO team_holidays (workspace_id, team_id, day, created_at)"
      + " VALUES (:ws, :team, :day, :now) ON CONFLICT (workspace_id, team_id, day) DO NOTHING")
  int addHoliday(@Bind("ws") String ws, @Bind("team") String teamId, @Bind("day") String day,
      @Bind("now") long now);

  @SqlUpdate("DELETE FROM team_holidays WHERE workspace_id = :ws AND team_id = :team AND day = :day")
  int removeHoliday(@Bind("ws") String ws, @Bind("team") String teamId, @Bind("day") String day);

  @SqlQuery("SELECT day FROM team_holidays WHERE workspace_id = :ws AND team_id = :team AND day >= :from ORDER BY day")
  List<String> holidays(@Bind("ws") String ws, @Bind("team") String teamId, @Bind("from") String fromDay);

  /** Holidays of every team everywhere from a day on, as "workspace team day". */
  @SqlQuery("SELECT workspace_id || ' ' || team_id || ' ' || day FROM team_holidays WHERE day >= :from")
  List<String> allHolidays(@Bind("from") String fromDay);

  @SqlUpdate("INSERT INTO team_away_settings (workspace_id, team_id, read_status, updated_at)"
      + " VALUES (:ws, :team, :on, :now) ON CONFLICT (workspace_id, team_id) DO UPDATE SET read_status = :on,"
      + " updated_at = :now")
  int setReadStatus(@Bind("ws") String ws, @Bind("team") String teamId, @Bind("on") boolean on,
      @Bind("now") long now);

  /** Teams (of the ones given) that turned the status off. */
  @SqlQuery("SELECT team_id FROM team_away_settings WHERE workspace_id = :ws AND read_status = FALSE"
      + " AND team_id IN (<teams>)")
  List<String> statusOff(@Bind("ws") String ws, @BindList("teams") List<String> teamIds);
}
