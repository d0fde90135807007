package io.rapport.insight.detectors;

import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.BookContext;
import io.rapport.insight.Detector;
import io.rapport.insight.Finding;
import io.rapport.insight.History;
import io.rapport.insight.Pattern;
import io.rapport.insight.Phrases;
import io.rapport.insight.Policy;
import io.rapport.insight.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#TERMS_DICTATED}: a bigger business disregards the agreed payment terms.
 *
 * <p>Rule: a week is <em>late</em> when the reported {@code paymentDays} exceed the account's
 * {@code agreedPaymentDays} by more than {@code termsDictated.graceDays}. Late weeks in the window
 * at or above {@code termsDictated.watchWeeks} raise a watch, at or above {@code
 * termsDictated.warningWeeks} a warning. A single late payment raises nothing.
 */
public final class TermsDictatedDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.TERMS_DICTATED;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.TermsDictated p = policy.termsDictated();
    int agreed = history.account().agreedPaymentDays();
    int lateAfter = agreed + p.graceDays();
    List<CheckIn> recent = history.lastWeeks(policy.window().weeks());
    List<Integer> days = null;
    List<IsoWeek> weeks = null;
    int reported = 0;
    for (CheckIn c : recent) {
      Integer paid = c.paymentDays();
      if (paid == null) {
        continue;
      }
      reported++;
      if (paid > lateAfter) {
        if (days == null) {
          days = new ArrayList<>();
          weeks = new ArrayList<>();
        }
        days.add(paid);
        weeks.add(c.week());
      }
    }
    int late = days == null ? 0 : days.size();
    if (late < p.watchWeeks()) {
      return Optional.empty();
    }
    Severity severity = late >= p.warningWeeks() ? Severity.WARNING : Severity.WATCH;
    return Optional.of(
        Finding.of(
            pattern(),
            severity,
            late,
            List.of(
                (late == reported ? (late == 2 ? "Both" : "All " + late) : late + " of the last " + reported)
                    + " reported payments came " + Phrases.range(days) + " days after a " + agreed
                    + "-day term, more than " + Phrases.count(p.graceDays(), "day", "days") + " late.",
                "Paid late " + Phrases.when(weeks, history.asOf()) + ".")));
  }
}
