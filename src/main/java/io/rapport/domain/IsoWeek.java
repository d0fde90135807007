package io.rapport.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2026-W41}: the unit of one check-in. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  public IsoWeek {
    if (year < 1900 || year > 9999) {
      throw new InvalidFieldException("week", "year " + year + " is out of range");
    }
    int weeks = weeksIn(year);
    if (week < 1 || week > weeks) {
      throw new InvalidFieldException(
          "week", String.format("%d has weeks W01 to W%02d, not W%02d", year, weeks, week));
    }
  }

  /** Parses {@code YYYY-Www}; anything else is an {@link InvalidFieldException} on "week". */
  public static IsoWeek parse(String text) {
    if (text == null) {
      throw new InvalidFieldException("week", "is required (format YYYY-Www, e.g. 2026-W41)");
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new InvalidFieldException(
          "week", "must look like 2026-W41 (YYYY-Www), got \"" + text + "\"");
    }
    return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** Number of ISO weeks (52 or 53) in a week-based year. */
  public static int weeksIn(int year) {
    return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
  }

  /** The Monday that starts this week. */
  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  public LocalDate day(DayOfWeek dayOfWeek) {
    return monday().plusDays(dayOfWeek.getValue() - 1L);
  }

  public IsoWeek plusWeeks(long weeks) {
    return of(monday().plusWeeks(weeks));
  }

  public IsoWeek minusWeeks(long weeks) {
    return plusWeeks(-weeks);
  }

  /** Whole weeks from this week to {@code other} (positive when other is later). */
  public long weeksUntil(IsoWeek other) {
    return java.time.temporal.ChronoUnit.WEEKS.between(monday(), other.monday());
  }

  @Override
  public int compareTo(IsoWeek o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}
