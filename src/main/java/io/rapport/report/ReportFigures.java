package io.rapport.report;

import io.rapport.report.Report.TrendSeries;
import java.util.Locale;

/** How the report's figures read in every surface (Slack message, plain text, chart, copy). */
public final class ReportFigures {
  private ReportFigures() {}

  /** The first week of the series with a health value, or null when it has none. */
  public static Double firstValue(TrendSeries s) {
    return s.health().stream().filter(v -> v != null).findFirst().orElse(null);
  }

  /** The last week of the series with a health value, or null when it has none. */
  public static Double lastValue(TrendSeries s) {
    Double last = null;
    for (Double v : s.health()) {
      last = v == null ? last : v;
    }
    return last;
  }

  /** Hours without a needless ".0": {@code 3}, {@code 2.5}. */
  public static String hours(double h) {
    return h == Math.rint(h) ? Long.toString((long) h) : String.format(Locale.ROOT, "%.1f", h);
  }

  /** {@code 1 account}, {@code 1,204 accounts}. */
  public static String count(int n, String noun) {
    return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }
}
