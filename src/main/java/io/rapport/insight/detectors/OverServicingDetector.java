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
import io.rapport.insight.RepBook;
import io.rapport.insight.Severity;
import io.rapport.insight.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#OVER_SERVICING}: existing clients over-serviced at the expense of winning new
 * business.
 *
 * <p>Rule: only when the account had no new business (no outcome progressed or won, no revenue)
 * anywhere in the window. Count its <em>heavy weeks</em> ({@code serviceHours} at or above {@code
 * overServicing.heavyWeekHours}): {@code overServicing.watchWeeks} raise a watch. {@code
 * overServicing.warningWeeks} raise a warning when the rep's whole book shows the same picture:
 * at most {@code overServicing.bookNewBusinessMaxPct} percent of the rep's check-ins brought new
 * business. When the book is unknown ({@link BookContext#empty()}), the account alone is the book.
 * A busy account in the book of a rep who is winning elsewhere stays a watch.
 */
public final class OverServicingDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.OVER_SERVICING;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.OverServicing p = policy.overServicing();
    List<CheckIn> recent = history.lastWeeks(policy.window().weeks());
    int heavy = 0;
    for (CheckIn c : recent) {
      if (Signals.newBusiness(c)) {
        return Optional.empty();
      }
      if (Signals.serviceHours(c) >= p.heavyWeekHours()) {
        heavy++;
      }
    }
    if (heavy < p.watchWeeks()) {
      return Optional.empty();
    }
    List<IsoWeek> weeks = new ArrayList<>(heavy);
    List<Double> hours = new ArrayList<>(heavy);
    double total = 0;
    for (CheckIn c : recent) {
      double h = Signals.serviceHours(c);
      total += h;
      if (h >= p.heavyWeekHours()) {
        weeks.add(c.week());
        hours.add(h);
      }
    }
    List<String> evidence = new ArrayList<>(2);
    evidence.add(
        Phrases.range(hours) + " service hours a week " + Phrases.when(weeks, history.asOf()) + " ("
            + Phrases.number(total) + " hours in " + Phrases.count(recent.size(), "check-in", "check-ins")
            + "), with no new business on the account.");
    Severity severity = Severity.WATCH;
    if (heavy >= p.warningWeeks()) {
      Optional<RepBook> repBook = book.book(history.account().rep());
      double bookPct = repBook.map(RepBook::newBusinessPct).orElse(0.0);
      if (bookPct <= p.bookNewBusinessMaxPct()) {
        severity = Severity.WARNING;
        evidence.add(
            repBook
                .map(
                    b ->
                        "Across the rep's book of " + Phrases.count(b.accounts(), "account", "accounts")
                            + ", new business in " + b.newBusinessCheckIns() + " of "
                            + Phrases.count(b.checkIns(), "check-in", "check-ins") + " ("
                            + Phrases.pct(b.newBusinessPct()) + ") "
                            + Phrases.since(history.timeframe().start(policy.window().weeks()), history.asOf())
                            + ".")
                .orElse("No new business reported anywhere else either."));
      }
    }
    return Optional.of(Finding.of(pattern(), severity, heavy, evidence));
  }
}
