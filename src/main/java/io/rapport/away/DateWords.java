package io.rapport.away;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates the way people type them in a command: {@code 2026-12-15}, {@code 15 Dec},
 * {@code 15 December 2026}, {@code Dec 15}, {@code today}, {@code tomorrow}, {@code friday} (the
 * coming one, today included) and {@code next friday} (the Friday of next week). A day and month
 * without a year is the next such date on or after today, unless it was at most a month ago (then
 * it is that past date, so "until 1 Dec" on 6 Dec is answered as in the past rather than read as
 * next December). Pure: today is given.
 */
public final class DateWords {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?(?:\\s+(\\d{4}))?");
  private static final Pattern MONTH_DAY = Pattern.compile("([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?");
  private static final Pattern NEXT_DAY = Pattern.compile("next\\s+([a-z]+)");
  private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  /** How to write a date, for usage lines. */
  public static final String FORMS = "2026-12-15, 15 Dec or next Friday";

  private DateWords() {}

  /** The date {@code text} names, or empty when it is not a date written in one of the forms. */
  public static Optional<LocalDate> parse(String text, LocalDate today) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    try {
      Matcher m = ISO.matcher(t);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
      switch (t) {
        case "today":
          return Optional.of(today);
        case "tomorrow":
          return Optional.of(today.plusDays(1));
        default:
          break;
      }
      Optional<DayOfWeek> weekday = weekday(t);
      if (weekday.isPresent()) {
        return Optional.of(today.with(TemporalAdjusters.nextOrSame(weekday.get())));
      }
      m = NEXT_DAY.matcher(t);
      if (m.matches()) {
        if (m.group(1).equals("week")) {
          return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        }
        Optional<DayOfWeek> d = weekday(m.group(1));
        return d.map(day -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .with(TemporalAdjusters.nextOrSame(day)));
      }
      m = DAY_MONTH.matcher(t);
      if (m.matches()) {
        return dayMonth(Integer.parseInt(m.group(1)), m.group(2), m.group(3), today);
      }
      m = MONTH_DAY.matcher(t);
      if (m.matches()) {
        return dayMonth(Integer.parseInt(m.group(2)), m.group(1), m.group(3), today);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> dayMonth(int day, String monthWord, String year, LocalDate today) {
    Optional<Month> month = month(monthWord);
    if (month.isEmpty()) {
      return Optional.empty();
    }
    if (year != null) {
      return Optional.of(LocalDate.of(Integer.parseInt(year), month.get(), day));
    }
    // Validate the day against a leap year so 29 Feb is accepted, then take the next occurrence.
    LocalDate.of(2024, month.get(), day);
    try {
      LocalDate thisYear = LocalDate.of(today.getYear(), month.get(), day);
      if (thisYear.isBefore(today) && !thisYear.isBefore(today.minusMonths(1))) {
        return Optional.of(thisYear);
      }
    } catch (DateTimeException e) {
      // 29 Feb in a year that has none.
    }
    for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
      try {
        LocalDate candidate = LocalDate.of(y, month.get(), day);
        if (!candidate.isBefore(today)) {
          return Optional.of(candidate);
        }
      } catch (DateTimeException e) {
        // 29 Feb in a year that has none: try the next year.
      }
    }
    return Optional.empty();
  }

  private static Optional<Month> month(String word) {
    if (word.length() < 3) {
      return Optional.empty();
    }
    for (Month m : Month.values()) {
      String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (full.startsWith(word) || (word.equals("sept") && m == Month.SEPTEMBER)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static Optional<DayOfWeek> weekday(String word) {
    if (word.length() < 3) {
      return Optional.empty();
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).startsWith(word)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** A date as people read it: "Fri 18 Dec", with the year when it is not {@code contextYear}. */
  public static String show(LocalDate date, int contextYear) {
    return date.format(date.getYear() == contextYear ? SAME_YEAR : OTHER_YEAR);
  }
}
