package io.rapport.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The day a team's weekly prompt is due in a week: the schedule's day, or, when that day is one of
 * the team's holidays, the next working day after it (Monday to Friday, not a holiday) — which can
 * be in the following week. Pure.
 */
public final class PromptDays {
  private PromptDays() {}

  public static LocalDate of(WeeklySchedule schedule, IsoWeek week, Set<LocalDate> holidays) {
    LocalDate day = week.day(schedule.day());
    for (int i = 0; i < 60 && holidays.contains(day); i++) {
      day = day.plusDays(1);
      while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.plusDays(1);
      }
    }
    return day;
  }

  /**
   * The moment a team's weekly prompt of {@code week} is due in {@code zone}: {@link #of the day}
   * at the schedule's local time. {@code ZonedDateTime.of} moves a time inside a spring-forward gap
   * later by the gap's length and takes the earlier offset in an autumn overlap, so the slot always
   * exists exactly once.
   */
  public static ZonedDateTime slot(WeeklySchedule schedule, IsoWeek week, ZoneId zone, Set<LocalDate> holidays) {
    return ZonedDateTime.of(of(schedule, week, holidays), schedule.time(), zone);
  }
}
