package io.rapport.completion;

import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.store.Store;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * When each rep's check-in time of a week comes, as the prompts see it: the earliest schedule of
 * the rep's unpaused teams, in the rep's (cached) time zone. A rep in no unpaused team is never
 * prompted: only the weeks that are over in their time zone have come. Reads only the database.
 */
public final class CheckInTimes {
  private final Store store;
  private final UserTimeZones timeZones;
  private final Clock clock;

  public CheckInTimes(Store store, UserTimeZones timeZones, Clock clock) {
    this.store = store;
    this.timeZones = timeZones;
    this.clock = clock;
  }

  /** The check-in times of {@code workspaceId}'s reps now (cached per rep for the caller's use). */
  public DueSlots.CheckInTime of(String workspaceId) {
    Map<String, WeeklySchedule> schedules = new HashMap<>();
    for (Team t : store.teams().all(workspaceId)) {
      if (t.paused()) {
        continue;
      }
      for (String rep : store.teams().members(workspaceId, t.id())) {
        schedules.merge(rep, t.schedule(), CheckInTimes::earlier);
      }
    }
    Map<String, ZoneId> zones = new HashMap<>();
    ZonedDateTime nowUtc = clock.instant().atZone(ZoneOffset.UTC);
    return (rep, week) -> {
      ZoneId zone = zones.computeIfAbsent(rep, r -> timeZones.cachedZoneOf(workspaceId, r).orElse(ZoneOffset.UTC));
      ZonedDateTime now = nowUtc.withZoneSameInstant(zone);
      int c = week.compareTo(IsoWeek.of(now.toLocalDate()));
      if (c != 0) {
        return c < 0;
      }
      WeeklySchedule s = schedules.get(rep);
      return s != null && !now.toLocalDateTime().isBefore(week.day(s.day()).atTime(s.time()));
    };
  }

  private static WeeklySchedule earlier(WeeklySchedule a, WeeklySchedule b) {
    int c = a.day().compareTo(b.day());
    return c < 0 || (c == 0 && !a.time().isAfter(b.time())) ? a : b;
  }
}
