package io.rapport.insight;

import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns numbers and weeks into the short phrases evidence is written in. */
public final class Phrases {
  private static final int MAX_LISTED_WEEKS = 6;

  private Phrases() {}

  /** "a", "a and b", "a, b and c". */
  public static String list(List<String> items) {
    int n = items.size();
    if (n == 0) {
      return "";
    }
    if (n == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
  }

  /** A number as people write it: "8", "7.5", "48,000"; at most one decimal. */
  public static String number(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    if (rounded == Math.rint(rounded)) {
      return String.format(Locale.ROOT, "%,d", (long) rounded);
    }
    return String.format(Locale.ROOT, "%,.1f", rounded);
  }

  /**
   * An amount of money: "24,000", or with the workspace's currency when one is set: "EUR 24,000".
   */
  public static String amount(double value, java.util.Optional<String> currency) {
    return currency.map(c -> c + " ").orElse("") + number(value);
  }

  /** A percentage: "35%". */
  public static String pct(double value) {
    return number(value) + "%";
  }

  /** A percentage with its article, as it is read aloud: "a 30%", "an 18%", "an 8.5%", "an 80%". */
  public static String aPct(double value) {
    String n = number(value);
    String whole = n.contains(".") ? n.substring(0, n.indexOf('.')) : n;
    boolean vowelSound = whole.startsWith("8") || whole.equals("11") || whole.equals("18");
    return (vowelSound ? "an " : "a ") + n + "%";
  }

  /** A count with its noun: "1 account", "4 accounts". */
  public static String count(double n, String one, String many) {
    return number(n) + " " + (number(n).equals("1") ? one : many);
  }

  /** Sentence case: the first letter upper-case. */
  public static String sentence(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The range of some numbers: "62–75", or "64" when they are all the same. */
  public static String range(List<? extends Number> values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Number v : values) {
      lo = Math.min(lo, v.doubleValue());
      hi = Math.max(hi, v.doubleValue());
    }
    if (values.isEmpty()) {
      return "";
    }
    String low = number(lo);
    String high = number(hi);
    return low.equals(high) ? low : low + "–" + high;
  }

  /** "once", "twice", "3 times", "1.5 times". */
  public static String times(double n) {
    String s = number(n);
    return s.equals("1") ? "once" : s.equals("2") ? "twice" : s + " times";
  }

  /**
   * When something happened, in dates people read, for weeks up to {@code asOf} (oldest first):
   * "this week", "in the week of 6 Oct", "every week since 6 Oct" (a run up to {@code asOf}),
   * "every week from 6 Oct to 16 Nov" (a run that stopped), "in the weeks of 6 Oct, 20 Oct and 3
   * Nov" (a few), "in 8 of the 10 weeks since 15 Sep" (many). The year is given only when it is not
   * {@code asOf}'s.
   */
  public static String when(List<IsoWeek> weeks, IsoWeek asOf) {
    int n = weeks.size();
    int year = asOf.monday().getYear();
    if (n == 0) {
      return "in no week";
    }
    IsoWeek first = weeks.get(0);
    IsoWeek last = weeks.get(n - 1);
    if (n == 1) {
      if (first.equals(asOf)) {
        return "this week";
      }
      return first.equals(asOf.minusWeeks(1)) ? "last week" : "in the " + WeekWords.weekOf(first, year);
    }
    if (consecutive(weeks)) {
      if (last.equals(asOf)) {
        return "every week " + WeekWords.since(first, year);
      }
      return "every week from " + day(first, year) + " to " + day(last, year);
    }
    if (n <= MAX_LISTED_WEEKS / 2 + 1) {
      List<String> days = new ArrayList<>(n);
      for (IsoWeek w : weeks) {
        days.add(day(w, year));
      }
      return "in the weeks of " + list(days);
    }
    long span = weeksBetween(first, asOf);
    return "in " + n + " of the " + span + " weeks " + WeekWords.since(first, year);
  }

  /** "since 6 Oct", the Monday of {@code first}, for a window reaching up to {@code asOf}. */
  public static String since(IsoWeek first, IsoWeek asOf) {
    return WeekWords.since(first, asOf.monday().getYear());
  }

  private static String day(IsoWeek w, int year) {
    return WeekWords.weekOf(w, year).substring("week of ".length());
  }

  private static long weeksBetween(IsoWeek first, IsoWeek last) {
    return java.time.temporal.ChronoUnit.WEEKS.between(first.monday(), last.monday()) + 1;
  }

  /** Numbers as a list: "64, 71 and 58". */
  public static String numbers(List<? extends Number> values) {
    List<String> parts = new ArrayList<>(values.size());
    for (Number v : values) {
      parts.add(number(v.doubleValue()));
    }
    return list(parts);
  }

  /**
   * Weeks, oldest first: a run of consecutive weeks as "2026-W41…W45", a few weeks as "2026-W41,
   * W43 and W45", many as "8 weeks between 2026-W33 and W45". The year is repeated only when it
   * changes.
   */
  public static String weeks(List<IsoWeek> weeks) {
    int n = weeks.size();
    if (n == 0) {
      return "no weeks";
    }
    if (n == 1) {
      return weeks.get(0).toString();
    }
    IsoWeek first = weeks.get(0);
    IsoWeek last = weeks.get(n - 1);
    if (consecutive(weeks)) {
      return first + "…" + after(first, last);
    }
    if (n > MAX_LISTED_WEEKS) {
      return n + " weeks between " + first + " and " + after(first, last);
    }
    List<String> parts = new ArrayList<>(n);
    IsoWeek previous = null;
    for (IsoWeek w : weeks) {
      parts.add(previous == null ? w.toString() : after(previous, w));
      previous = w;
    }
    return list(parts);
  }

  /** The span of a window: "2026-W34…W45". */
  public static String span(IsoWeek first, IsoWeek last) {
    return first.equals(last) ? first.toString() : first + "…" + after(first, last);
  }

  private static String after(IsoWeek previous, IsoWeek w) {
    return previous.year() == w.year() ? String.format(Locale.ROOT, "W%02d", w.week()) : w.toString();
  }

  private static boolean consecutive(List<IsoWeek> weeks) {
    for (int i = 1; i < weeks.size(); i++) {
      if (!weeks.get(i - 1).plusWeeks(1).equals(weeks.get(i))) {
        return false;
      }
    }
    return true;
  }
}
