package io.rapport.away;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * A period a rep is away, first and last day included, as typed after {@code away}:
 * {@code until DATE}, {@code DATE to DATE}, {@code from DATE to DATE} or {@code DATE} (one day).
 * Dates are read by {@link DateWords}.
 */
public record AwayPeriod(LocalDate first, LocalDate last) {
  /** Longer than this needs a confirmation. */
  public static final int CONFIRM_AFTER_WEEKS = 6;
  /** Longer than this is refused (ask again later). */
  public static final int MAX_DAYS = 366;

  /** The forms, for usage lines (without the command). */
  public static final String FORMS = "away until DATE | away DATE to DATE | back";

  /** Why typed text is not a period; the message says what was wrong. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  public AwayPeriod {
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("first after last");
    }
  }

  /** Days in the period, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(first, last) + 1;
  }

  /** True when the period is long enough to ask "are you sure?". */
  public boolean needsConfirmation() {
    return days() > CONFIRM_AFTER_WEEKS * 7L;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /** Reads the words after {@code away}; {@code today} is the rep's today. */
  public static AwayPeriod parse(String text, LocalDate today) throws Invalid {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    String lower = t.toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      throw new Invalid("Say until when, e.g. `away until 15 Dec`.");
    }
    LocalDate first;
    LocalDate last;
    if (lower.startsWith("until ") || lower.startsWith("till ") || lower.startsWith("to ")) {
      first = today;
      last = date(t.substring(t.indexOf(' ') + 1), today, "end");
    } else {
      String body = lower.startsWith("from ") ? t.substring(5) : t;
      int split = splitAt(body);
      if (split < 0) {
        first = date(body, today, "day");
        last = first;
      } else {
        first = date(body.substring(0, split), today, "start");
        String rest = body.substring(split).strip();
        String endText = rest.substring(rest.indexOf(' ') + 1);
        last = date(endText, today, "end");
        if (last.isBefore(first)) {
          // "20 Dec to 4 Jan": a date without a year after the start is the next one after it.
          LocalDate afterStart = date(endText, first, "end");
          if (!afterStart.isBefore(first) && afterStart.isBefore(first.plusMonths(6))) {
            last = afterStart;
          }
        }
      }
    }
    if (last.isBefore(today)) {
      throw new Invalid(DateWords.show(last, today.getYear()) + " is in the past; an away period has to end"
          + " today or later.");
    }
    if (last.isBefore(first)) {
      throw new Invalid("The end (" + DateWords.show(last, today.getYear()) + ") is before the start ("
          + DateWords.show(first, today.getYear()) + ").");
    }
    if (first.isBefore(today)) {
      first = today; // days already gone change nothing
    }
    AwayPeriod period = new AwayPeriod(first, last);
    if (period.days() > MAX_DAYS) {
      throw new Invalid("That is " + period.days() + " days; an away period can be at most a year.");
    }
    return period;
  }

  /** Where " to " / " until " separates the two dates, or -1. */
  private static int splitAt(String body) {
    String lower = body.toLowerCase(Locale.ROOT);
    for (String word : new String[] {" to ", " until ", " till ", " - ", " – "}) {
      int i = lower.indexOf(word);
      if (i > 0) {
        return i;
      }
    }
    return -1;
  }

  private static LocalDate date(String text, LocalDate today, String which) throws Invalid {
    Optional<LocalDate> d = DateWords.parse(text, today);
    if (d.isEmpty()) {
      String shown = text.strip().length() > 40 ? text.strip().substring(0, 40) + "…" : text.strip();
      throw new Invalid(shown.isEmpty() ? "The " + which + " date is missing; write it as " + DateWords.FORMS + "."
          : "I can't read `" + shown + "` as a date; write it as " + DateWords.FORMS + ".");
    }
    return d.get();
  }
}
