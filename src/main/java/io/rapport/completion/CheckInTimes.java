package io.rapport.completion;

import io.rapport.domain.IsoWeek;
import io.rapport.domain.PromptDays;
import io.rapport.domain.Team;
import io.rapport.store.Store;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When each rep's check-in time of a week comes, as the prompts see it: the earliest prompt slot of
 * the rep's unpaused teams, in the rep's (cached) time zone, moved past the team's holidays to the
 * next working day exactly as the weekly prompt is ({@link PromptDays}). A rep in no unpaused team
 * is never prompted: only the weeks that are over in their time zone have come. Reads only the
 * database.
 */
public final class CheckInTimes {
  /** Every team's holidays from a day on, keyed "workspace team" (the away capability's). */
  @FunctionalInterface
  public interface Holidays {
    Holidays NONE = from -> Map.of();

    Map<String, Set<LocalDate>> from(LocalDate day);
  }

  /** How far back holidays are read: a report's period, and a little more. */
  private static final int HOLIDAY_WEEKS_BACK = 60;

  private final Store store;
  private final UserTimeZones timeZones;
  private final Clock clock;
  private volatile Holidays holidays = Holidays.NONE;

  public CheckInTimes(Store store, UserTimeZones timeZones, Clock clock) {
    this.store = store;
    this.timeZones = timeZones;
    this.clock = clock;
  }

  /** Moves check-in times past team holidays, as the prompts are (set once while wiring). */
  public void movingPast(Holidays source) {
    this.holidays = source;
  }

  /** The check-in times of {@code workspaceId}'s reps now (cached for the caller's use; not thread-safe). */
  public DueSlots.CheckInTime of(String workspaceId) {
    Map<String, List<Team>> teamsOfRep = new HashMap<>();
    for (Team t : store.teams().all(workspaceId)) {
      if (t.paused()) {
        continue;
      }
      for (String rep : store.teams().members(workspaceId, t.id())) {
        teamsOfRep.computeIfAbsent(rep, r -> new ArrayList<>()).add(t);
      }
    }
    Instant now = clock.instant();
    Map<String, Set<LocalDate>> teamHolidays = teamsOfRep.isEmpty() ? Map.of()
        : holidays.from(LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(HOLIDAY_WEEKS_BACK));
    Map<String, ZoneId> zones = new HashMap<>();
    Map<String, Boolean> reached = new HashMap<>();
    return (rep, week) -> reached.computeIfAbsent(rep + " " + week, k -> {
      ZoneId zone = zones.computeIfAbsent(rep, r -> timeZones.cachedZoneOf(workspaceId, r).orElse(ZoneOffset.UTC));
      List<Team> teams = teamsOfRep.get(rep);
      if (teams == null) {
        return week.compareTo(IsoWeek.of(now.atZone(zone).toLocalDate())) < 0;
      }
      for (Team t : teams) {
        Set<LocalDate> off = teamHolidays.getOrDefault(workspaceId + " " + t.id(), Set.of());
        if (!now.isBefore(PromptDays.slot(t.schedule(), week, zone, off).toInstant())) {
          return true;
        }
      }
      return false;
    });
  }
}
