package io.rapport.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A team's weekly check-in slot: a day and a local time, applied in each rep's own time zone. */
public record WeeklySchedule(DayOfWeek day, LocalTime time) {
  public static final WeeklySchedule DEFAULT = new WeeklySchedule(DayOfWeek.FRIDAY, LocalTime.of(15, 0));

  public WeeklySchedule {
    if (day == null || time == null) {
      throw new InvalidFieldException("schedule", "needs a day and a time, e.g. fri 15:00");
    }
    time = time.withSecond(0).withNano(0);
  }

  /** Parses {@code "fri 15:00"} (day names or 3-letter abbreviations, 24-hour time). */
  public static WeeklySchedule parse(String dayText, String timeText) {
    DayOfWeek day = parseDay(dayText);
    try {
      return new WeeklySchedule(day, LocalTime.parse(timeText.length() == 4 ? "0" + timeText : timeText));
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidFieldException("time", "must be a 24-hour time like 15:00, got \"" + timeText + "\"");
    }
  }

  static DayOfWeek parseDay(String text) {
    if (text != null && text.length() >= 3) {
      String t = text.toLowerCase(Locale.ROOT);
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().toLowerCase(Locale.ROOT).startsWith(t)) {
          return d;
        }
      }
    }
    throw new InvalidFieldException("day", "must be a day of the week like mon or friday, got \"" + text + "\"");
  }

  /** {@code "Fri 15:00"}. */
  public String display() {
    String name = day.name();
    return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT) + " " + time;
  }
}
