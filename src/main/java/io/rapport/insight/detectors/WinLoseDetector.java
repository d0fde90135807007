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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#WIN_LOSE}: someone has to lose out.
 *
 * <p>Rule, over the last {@code winLose.windowWeeks} weeks, either way round:
 *
 * <ul>
 *   <li><em>We lose</em>: the account brought no new business, yet we made concessions (a discount
 *       of at least {@code winLose.concessionDiscountPct} or freebies) in {@code
 *       winLose.watchWeeks} weeks (watch) or {@code winLose.warningWeeks} weeks (warning).
 *   <li><em>The client loses</em>: we won business in weeks the client rated the value at {@code
 *       winLose.lowValueRating} or less — {@code winLose.oneSidedWatchWeeks} such weeks raise a
 *       watch, {@code winLose.oneSidedWarningWeeks} a warning.
 * </ul>
 *
 * The stronger side decides the severity. A concession that brought business back is a trade, not
 * a loss, and raises nothing.
 */
public final class WinLoseDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.WIN_LOSE;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.WinLose p = policy.winLose();
    List<CheckIn> recent = history.lastWeeks(p.windowWeeks());
    boolean newBusiness = false;
    List<CheckIn> concessions = new ArrayList<>();
    List<CheckIn> oneSided = new ArrayList<>();
    for (CheckIn c : recent) {
      newBusiness |= Signals.newBusiness(c);
      if ((c.discountPct() != null && c.discountPct() >= p.concessionDiscountPct())
          || Signals.freebies(c)) {
        concessions.add(c);
      }
      if (Signals.won(c) && c.valueRating() != null && c.valueRating() <= p.lowValueRating()) {
        oneSided.add(c);
      }
    }
    Severity weLose = null;
    if (!newBusiness) {
      weLose = level(concessions.size(), p.watchWeeks(), p.warningWeeks());
    }
    Severity theyLose = level(oneSided.size(), p.oneSidedWatchWeeks(), p.oneSidedWarningWeeks());
    if (weLose == null && theyLose == null) {
      return Optional.empty();
    }
    List<String> evidence = new ArrayList<>(2);
    if (weLose != null) {
      List<IsoWeek> weeks = new ArrayList<>();
      for (CheckIn c : concessions) {
        weeks.add(c.week());
      }
      evidence.add(
          "Concessions " + Phrases.when(weeks, history.asOf()) + " (" + describeConcessions(concessions)
              + "), with no new business in return.");
    }
    if (theyLose != null) {
      List<IsoWeek> weeks = new ArrayList<>();
      List<Integer> ratings = new ArrayList<>();
      for (CheckIn c : oneSided) {
        weeks.add(c.week());
        ratings.add(c.valueRating());
      }
      evidence.add(
          "We won business " + Phrases.when(weeks, history.asOf()) + ", yet the client rated its value "
              + Phrases.range(ratings) + " out of 5.");
    }
    int signalWeeks =
        Math.max(weLose == null ? 0 : concessions.size(), theyLose == null ? 0 : oneSided.size());
    Severity severity =
        weLose == Severity.WARNING || theyLose == Severity.WARNING
            ? Severity.WARNING
            : Severity.WATCH;
    return Optional.of(Finding.of(pattern(), severity, signalWeeks, evidence));
  }

  private static Severity level(int count, int watch, int warning) {
    if (count >= warning) {
      return Severity.WARNING;
    }
    return count >= watch ? Severity.WATCH : null;
  }

  /** "5–8% off in 4 weeks and freebies in 2": counts and ranges, not a list of every week. */
  private static String describeConcessions(List<CheckIn> concessions) {
    List<Double> discounts = new ArrayList<>();
    int freebies = 0;
    for (CheckIn c : concessions) {
      if (c.discountPct() != null && c.discountPct() > 0) {
        discounts.add(c.discountPct());
      }
      if (Signals.freebies(c)) {
        freebies++;
      }
    }
    List<String> parts = new ArrayList<>(2);
    if (!discounts.isEmpty()) {
      parts.add(Phrases.range(discounts) + "% off in " + Phrases.count(discounts.size(), "week", "weeks"));
    }
    if (freebies > 0) {
      parts.add("freebies in " + Phrases.count(freebies, "week", "weeks"));
    }
    return Phrases.list(parts);
  }
}
