package io.rapport.away;

import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
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
}
