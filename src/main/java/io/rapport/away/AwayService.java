package io.rapport.away;

import io.rapport.away.AwayDao.AwayWeekRow;
import io.rapport.away.AwayDao.Source;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.PromptDays;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.NotAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is away which week. A week is an away week of a rep when the day its weekly prompt is due
 * (their team's schedule day, moved past the team's holidays; the earliest of several teams) falls
 * in an away period the rep or their manager gave, or when Slack's status said away at the time
 * the prompt was due. Away weeks are stored one row per (rep, week), so the scheduler, completion,
 * the report, the digest and the flag clock all read the same answer. Free of Slack types.
 */
public final class AwayService {
  private final Store store;
  private final Access access;
  private final StatusSource statuses;
  private final Clock clock;

  /** What marking a period did: the weeks whose prompt is skipped (may be none). */
  public record Marked(String repId, AwayPeriod period, List<IsoWeek> weeks) {}

  /** What "back" did: the away weeks it removed (this week and later). */
  public record Back(String repId, List<IsoWeek> removed) {}

  public AwayService(Store store, Access access, StatusSource statuses, Clock clock) {
    this.store = store;
    this.access = access;
    this.statuses = statuses;
    this.clock = clock;
  }

  private AwayDao dao() {
    return store.jdbi().onDemand(AwayDao.class);
  }

  /** Refuses unless {@code actor} is an admin or manages a team {@code rep} belongs to. */
  public void checkMayMark(String ws, String actor, String rep) {
    if (access.isAdmin(ws, actor) || access.managesRep(ws, actor, rep)) {
      return;
    }
    throw NotAllowed.notYours();
  }

  /** The weeks whose prompt falls in the period, without changing anything (for a confirmation). */
  public List<IsoWeek> weeksSkipped(String ws, String rep, AwayPeriod period) {
    List<IsoWeek> weeks = new ArrayList<>();
    List<Team> teams = store.teams().ofMember(ws, rep);
    Map<String, Set<LocalDate>> holidays = holidaysOf(ws, teams, period.first().minusWeeks(1));
    for (IsoWeek w = IsoWeek.of(period.first()).minusWeeks(1); !w.monday().isAfter(period.last());
        w = w.plusWeeks(1)) {
      if (period.contains(promptDay(teams, w, holidays))) {
        weeks.add(w);
      }
    }
    return weeks;
  }

  /**
   * Marks {@code rep} away for {@code period}, replacing whatever those weeks held. {@code actor}
   * is the rep themself ({@link Source#SELF}) or someone allowed by {@link #checkMayMark}.
   */
  public Marked markAway(String ws, String actor, String rep, AwayPeriod period) {
    Source source = actor.equals(rep) ? Source.SELF : Source.MANAGER;
    if (source == Source.MANAGER) {
      checkMayMark(ws, actor, rep);
    }
    List<IsoWeek> weeks = weeksSkipped(ws, rep, period);
    long now = clock.millis();
    store.jdbi().useTransaction(h -> {
      AwayDao dao = h.attach(AwayDao.class);
      for (IsoWeek w : weeks) {
        dao.put(ws, rep, w.toString(), source.id(), period.first().toString(), period.last().toString(), actor, now);
      }
    });
    return new Marked(rep, period, weeks);
  }

  /**
   * {@code rep} is back from {@code current} on: their away weeks from it on are removed, and the
   * current week is recorded as "back" so a holiday status left on does not make them away again.
   */
  public Back back(String ws, String actor, String rep, IsoWeek current) {
    if (!actor.equals(rep)) {
      checkMayMark(ws, actor, rep);
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    long now = clock.millis();
    return store.jdbi().inTransaction(h -> {
      AwayDao dao = h.attach(AwayDao.class);
      List<IsoWeek> removed = dao.ofRep(ws, rep, current.toString(), "9999-W99").stream()
          .filter(AwayWeekRow::away).map(r -> IsoWeek.parse(r.week())).toList();
      dao.removeFrom(ws, rep, current.toString());
      dao.put(ws, rep, current.toString(), Source.BACK.id(), today.toString(), today.toString(), actor, now);
      return new Back(rep, removed);
    });
  }

  /** The rep's away weeks from {@code from} on (for App Home and replies). */
  public List<AwayWeekRow> upcoming(String ws, String rep, IsoWeek from) {
    return dao().ofRep(ws, rep, from.toString(), "9999-W99").stream().filter(AwayWeekRow::away).toList();
  }

  /**
   * Is {@code rep} away in {@code week}, asked when the week's prompt is due: a stored away week
   * (or "back") answers; otherwise Slack's status is read (unless all the rep's teams turned that
   * off), and an away status is stored as the week's away week.
   */
  public boolean awayAtPrompt(String ws, String rep, IsoWeek week, List<Team> teams) {
    List<AwayWeekRow> rows = dao().ofRep(ws, rep, week.toString(), week.toString());
    if (!rows.isEmpty()) {
      return rows.get(0).away();
    }
    if (!readsStatus(ws, teams)) {
      return false;
    }
    Instant now = clock.instant();
    Optional<Instant> until = statuses.statusOf(ws, rep).flatMap(s -> s.awayUntil(now));
    if (until.isEmpty()) {
      return false;
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(until.get(), ZoneOffset.UTC);
    dao().putFromStatus(ws, rep, week.toString(), today.toString(), last.toString(), now.toEpochMilli());
    // A concurrent "back" or period may have written first: the stored row is the answer.
    return dao().ofRep(ws, rep, week.toString(), week.toString()).stream().findFirst()
        .map(AwayWeekRow::away).orElse(false);
  }

  /**
   * The away weeks as completion's exclusions ({@link io.rapport.completion.ExclusionSource}): a
   * rep's slots of an away week are not due (an answer given anyway still counts).
   */
  public io.rapport.completion.SlotExclusions exclusions(String ws, java.util.Collection<String> reps, IsoWeek from,
      IsoWeek to) {
    Map<String, Set<IsoWeek>> weeks = awayWeeks(ws, from, to);
    return (rep, week) -> weeks.getOrDefault(rep, Set.of()).contains(week);
  }

  /** Reps stored as away in {@code week} (no Slack call). */
  public Set<String> awayReps(String ws, IsoWeek week) {
    return awayWeeks(ws, week, week).keySet();
  }

  /** Each rep's away weeks between two weeks (both included), from the stored rows only. */
  public Map<String, Set<IsoWeek>> awayWeeks(String ws, IsoWeek from, IsoWeek to) {
    Map<String, Set<IsoWeek>> byRep = new LinkedHashMap<>();
    for (AwayWeekRow r : dao().inWeeks(ws, from.toString(), to.toString())) {
      if (r.away()) {
        byRep.computeIfAbsent(r.repId(), k -> new TreeSet<>()).add(IsoWeek.parse(r.week()));
      }
    }
    return byRep;
  }

  /** A rep away in a week and the last day of their period. */
  public record AwayRep(String repId, LocalDate lastDay) {}

  /** The reps stored as away in {@code week} among {@code reps}, for the digest ("until when"). */
  public List<AwayRep> awayIn(String ws, IsoWeek week, Set<String> reps) {
    return dao().inWeeks(ws, week.toString(), week.toString()).stream()
        .filter(r -> r.away() && reps.contains(r.repId()))
        .map(r -> new AwayRep(r.repId(), LocalDate.parse(r.lastDay()))).toList();
  }

  // ---- team holidays and the status setting ----

  /** Adds a holiday to the team's schedule; false when it was there already. */
  public boolean addHoliday(String ws, Team team, LocalDate day) {
    return dao().addHoliday(ws, team.id(), day.toString(), clock.millis()) == 1;
  }

  /** Removes a holiday; false when there was none that day. */
  public boolean removeHoliday(String ws, Team team, LocalDate day) {
    return dao().removeHoliday(ws, team.id(), day.toString()) == 1;
  }

  /** The team's holidays from {@code from} on. */
  public List<LocalDate> holidays(String ws, Team team, LocalDate from) {
    return dao().holidays(ws, team.id(), from.toString()).stream().map(LocalDate::parse).toList();
  }

  /** Turns "Slack status counts as away" on or off for the team (on unless turned off). */
  public void setReadStatus(String ws, Team team, boolean on) {
    dao().setReadStatus(ws, team.id(), on, clock.millis());
  }

  public boolean readsStatus(String ws, Team team) {
    return readsStatus(ws, List.of(team));
  }

  /** True when any of the teams reads the status (a rep in no team: yes). */
  private boolean readsStatus(String ws, List<Team> teams) {
    if (teams.isEmpty()) {
      return true;
    }
    Set<String> off = new HashSet<>(dao().statusOff(ws, teams.stream().map(Team::id).toList()));
    return teams.stream().anyMatch(t -> !off.contains(t.id()));
  }

  /** Every team's holidays from {@code from} on, keyed "workspace team" (one query, for a prompt pass). */
  public Map<String, Set<LocalDate>> allHolidays(LocalDate from) {
    Map<String, Set<LocalDate>> byTeam = new LinkedHashMap<>();
    for (String row : dao().allHolidays(from.toString())) {
      String[] p = row.split(" ", 3);
      byTeam.computeIfAbsent(p[0] + " " + p[1], k -> new HashSet<>()).add(LocalDate.parse(p[2]));
    }
    return byTeam;
  }

  private Map<String, Set<LocalDate>> holidaysOf(String ws, List<Team> teams, LocalDate from) {
    Map<String, Set<LocalDate>> byTeam = new LinkedHashMap<>();
    for (Team t : teams) {
      byTeam.put(ws + " " + t.id(), new HashSet<>(holidays(ws, t, from)));
    }
    return byTeam;
  }

  /** The day the rep's prompt of {@code week} is due: the earliest of their teams' prompt days. */
  public static LocalDate promptDay(List<Team> teams, IsoWeek week, Map<String, Set<LocalDate>> holidays) {
    if (teams.isEmpty()) {
      return PromptDays.of(WeeklySchedule.DEFAULT, week, Set.of());
    }
    return teams.stream()
        .map(t -> PromptDays.of(t.schedule(), week, holidays.getOrDefault(t.workspaceId() + " " + t.id(), Set.of())))
        .min(LocalDate::compareTo).orElseThrow();
  }

  /** Today in {@code zone}. */
  public LocalDate today(java.time.ZoneId zone) {
    return LocalDate.now(clock.withZone(zone));
  }

  /** Today in UTC, for commands that name days of a team (holidays). */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
