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
import io.rapport.insight.Signals;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Pattern#QUOTA_PRESSURE}: selling to make a quota, not to build a relationship.
 *
 * <p>Rule: over the last {@code quotaPressure.windowWeeks} weeks (long enough to span two quarter
 * ends), count the weeks with {@code quotaPressure} reported, and the calendar quarters with a
 * <em>period-end push</em>: a check-in in the last two ISO weeks of the quarter with quota pressure
 * or a discount of at least {@code quotaPressure.periodEndDiscountPct}. {@code
 * quotaPressure.watchWeeks} pressure weeks raise a watch; {@code quotaPressure.warningWeeks}
 * pressure weeks, or pushes in {@code quotaPressure.periodEndPushes} different quarters, raise a
 * warning. One month-end push raises nothing.
 */
public final class QuotaPressureDetector implements Detector {
  private static final int PERIOD_END_DAYS = 13;

  @Override
  public Pattern pattern() {
    return Pattern.QUOTA_PRESSURE;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.QuotaPressure p = policy.quotaPressure();
    List<CheckIn> recent = history.lastWeeks(p.windowWeeks());
    List<IsoWeek> pressureWeeks = null;
    List<String> pushes = null;
    Set<Integer> pushQuarters = null;
    Set<IsoWeek> signalWeeks = new HashSet<>();
    for (CheckIn c : recent) {
      boolean pressure = Signals.quotaPressure(c);
      boolean deepDiscount = c.discountPct() != null && c.discountPct() >= p.periodEndDiscountPct();
      if (!pressure && !deepDiscount) {
        continue;
      }
      if (pressure) {
        if (pressureWeeks == null) {
          pressureWeeks = new ArrayList<>();
        }
        pressureWeeks.add(c.week());
        signalWeeks.add(c.week());
      }
      LocalDate monday = c.week().monday();
      LocalDate quarterEnd = quarterEnd(monday);
      if (ChronoUnit.DAYS.between(monday, quarterEnd) <= PERIOD_END_DAYS) {
        if (pushes == null) {
          pushes = new ArrayList<>();
          pushQuarters = new HashSet<>();
        }
        pushQuarters.add(quarterEnd.getYear() * 4 + quarterEnd.get(IsoFields.QUARTER_OF_YEAR));
        pushes.add(describePush(c, pressure, deepDiscount, history.asOf()));
        signalWeeks.add(c.week());
      }
    }
    int pressured = pressureWeeks == null ? 0 : pressureWeeks.size();
    int quarters = pushQuarters == null ? 0 : pushQuarters.size();
    Severity severity;
    if (pressured >= p.warningWeeks() || quarters >= p.periodEndPushes()) {
      severity = Severity.WARNING;
    } else if (pressured >= p.watchWeeks()) {
      severity = Severity.WATCH;
    } else {
      return Optional.empty();
    }
    List<String> evidence = new ArrayList<>(2);
    if (pressured > 0) {
      evidence.add("Quota pressure reported " + Phrases.when(pressureWeeks, history.asOf()) + ".");
    }
    if (quarters > 0) {
      evidence.add(
          "Pushed at the end of " + Phrases.count(quarters, "quarter", "quarters") + ": "
              + Phrases.list(pushes) + ".");
    }
    return Optional.of(Finding.of(pattern(), severity, signalWeeks.size(), evidence));
  }

  private static String describePush(CheckIn c, boolean pressure, boolean deepDiscount, IsoWeek asOf) {
    String what =
        pressure && deepDiscount
            ? "quota pressure and a " + Phrases.pct(c.discountPct()) + " discount"
            : pressure ? "quota pressure" : Phrases.aPct(c.discountPct()) + " discount";
    return what + " " + Phrases.when(List.of(c.week()), asOf);
  }

  private static LocalDate quarterEnd(LocalDate day) {
    int lastMonth = ((day.getMonthValue() - 1) / 3) * 3 + 3;
    return LocalDate.of(day.getYear(), lastMonth, 1).withDayOfMonth(
        LocalDate.of(day.getYear(), lastMonth, 1).lengthOfMonth());
  }
}
