package io.rapport.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Weeks in the words people use: "this week (24–30 Nov)", "last week (17–23 Nov)", "week of
 * 10 Nov". ISO week strings ({@code 2026-W48}) are for files and machines; everything a rep or a
 * manager reads goes through here, so every surface names a week the same way.
 */
public final class WeekWords {
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);

  private WeekWords() {}

  /**
   * The week relative to {@code current} (the reader's current week): "this week (24–30 Nov)",
   * "last week (17–23 Nov)", otherwise "week of 10 Nov" (with the year when it differs).
   */
  public static String relative(IsoWeek week, IsoWeek current) {
    if (week.equals(current)) {
      return "this week (" + range(week) + ")";
    }
    if (week.equals(current.minusWeeks(1))) {
      return "last week (" + range(week) + ")";
    }
    if (week.equals(current.plusWeeks(1))) {
      return "next week (" + range(week) + ")";
    }
    return weekOf(week, current.monday().getYear());
  }

  /** "week of 17 Nov", with the year only when it is not {@code contextYear}. */
  public static String weekOf(IsoWeek week, int contextYear) {
    return "week of " + day(week.monday(), contextYear);
  }

  /** "week of 17 Nov 2026": for contexts without a current week. */
  public static String weekOf(IsoWeek week) {
    return "week of " + week.monday().format(DAY_MONTH_YEAR);
  }

  /** The week's Monday as a short axis label: "17 Nov". */
  public static String shortLabel(IsoWeek week) {
    return week.monday().format(DAY_MONTH);
  }

  /** "24–30 Nov", "29 Dec – 4 Jan" (Monday to Sunday). */
  public static String range(IsoWeek week) {
    LocalDate from = week.monday();
    LocalDate to = from.plusDays(6);
    if (from.getMonth() == to.getMonth()) {
      return from.format(DAY) + "–" + to.format(DAY_MONTH);
    }
    return from.format(DAY_MONTH) + " – " + to.format(DAY_MONTH);
  }

  /** A span of weeks: "17 Nov – 14 Dec" (first Monday to last Sunday), or one week's range. */
  public static String span(IsoWeek first, IsoWeek last) {
    if (first.equals(last)) {
      return range(first);
    }
    LocalDate from = first.monday();
    LocalDate to = last.monday().plusDays(6);
    DateTimeFormatter f = from.getYear() == to.getYear() ? DAY_MONTH : DAY_MONTH_YEAR;
    return from.format(f) + " – " + to.format(f);
  }

  /** "since 6 Oct": the Monday of {@code week}. */
  public static String since(IsoWeek week, int contextYear) {
    return "since " + day(week.monday(), contextYear);
  }

  private static String day(LocalDate date, int contextYear) {
    return date.getYear() == contextYear ? date.format(DAY_MONTH) : date.format(DAY_MONTH_YEAR);
  }
}
