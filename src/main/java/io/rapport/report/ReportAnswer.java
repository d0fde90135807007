package io.rapport.report;

import java.util.Objects;

/**
 * What the person who asked for a report is answered: the report itself, with the scope its
 * buttons carry and a footnote (where the chart went), or one sentence instead (a refusal). The
 * Slack rendering is {@code io.rapport.slack.views.ReportBlocks.reply}.
 */
public record ReportAnswer(Report report, String buttonValue, String footnote, String text) {
  /** The report, with Share/CSV/chart buttons carrying {@code buttonValue}. */
  public static ReportAnswer of(Report report, String buttonValue, String footnote) {
    return new ReportAnswer(Objects.requireNonNull(report), buttonValue, footnote, null);
  }

  /** A sentence instead of the report. */
  public static ReportAnswer text(String text) {
    return new ReportAnswer(null, null, null, Objects.requireNonNull(text));
  }

  public boolean isReport() {
    return report != null;
  }
}
