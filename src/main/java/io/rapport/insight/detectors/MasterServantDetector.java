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
 * {@link Pattern#MASTER_SERVANT}: "you are here to serve my every need" — favours, free advice and
 * admin done for the client as if it were part of the service.
 *
 * <p>Rule: over the window, with at least {@code masterServant.minServiceHours} service hours, take
 * the unpaid share of all service hours and count the <em>unpaid weeks</em> (weeks whose own
 * unpaid share is at least {@code masterServant.watchUnpaidPct}). A share of {@code
 * masterServant.watchUnpaidPct} with {@code masterServant.watchWeeks} unpaid weeks raises a watch;
 * a share of {@code masterServant.warningUnpaidPct} with {@code masterServant.warningWeeks} unpaid
 * weeks a warning. An occasional favour raises nothing.
 */
public final class MasterServantDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.MASTER_SERVANT;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.MasterServant p = policy.masterServant();
    List<CheckIn> recent = history.lastWeeks(policy.window().weeks());
    double service = 0;
    double unpaid = 0;
    int unpaidWeeks = 0;
    for (CheckIn c : recent) {
      double s = Signals.serviceHours(c);
      double u = Signals.unpaidHours(c);
      service += s;
      unpaid += u;
      if (u > 0 && u * 100 >= s * p.watchUnpaidPct()) {
        unpaidWeeks++;
      }
    }
    if (service <= 0 || service < p.minServiceHours()) {
      return Optional.empty();
    }
    double share = 100 * unpaid / service;
    if (share < p.watchUnpaidPct() || unpaidWeeks < p.watchWeeks()) {
      return Optional.empty();
    }
    Severity severity =
        share >= p.warningUnpaidPct() && unpaidWeeks >= p.warningWeeks()
            ? Severity.WARNING
            : Severity.WATCH;
    List<IsoWeek> weeks = new ArrayList<>(unpaidWeeks);
    List<Double> hours = new ArrayList<>(unpaidWeeks);
    for (CheckIn c : recent) {
      double s = Signals.serviceHours(c);
      double u = Signals.unpaidHours(c);
      if (u > 0 && u * 100 >= s * p.watchUnpaidPct()) {
        weeks.add(c.week());
        hours.add(u);
      }
    }
    return Optional.of(
        Finding.of(
            pattern(),
            severity,
            unpaidWeeks,
            List.of(
                Phrases.number(unpaid) + " of " + Phrases.number(service) + " service hours ("
                    + Phrases.pct(share) + ") were unpaid "
                    + Phrases.since(recent.get(0).week(), history.asOf()) + ".",
                "Mostly unpaid work " + Phrases.when(weeks, history.asOf()) + ": "
                    + Phrases.range(hours) + " unpaid hours a week.")));
  }
}
