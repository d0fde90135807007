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
 * {@link Pattern#BROKEN_PROMISES}: promises that never come through, on either side.
 *
 * <p>Rule: add up {@code promisesBrokenByClient} and {@code promisesBrokenByUs} over the window.
 * A total of {@code brokenPromises.watchCount} raises a watch; a total of {@code
 * brokenPromises.warningCount} spread over at least {@code brokenPromises.warningWeeks} different
 * weeks raises a warning, so one bad week is never more than a watch.
 */
public final class BrokenPromisesDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.BROKEN_PROMISES;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.BrokenPromises p = policy.brokenPromises();
    int byClient = 0;
    int byUs = 0;
    List<IsoWeek> weeks = null;
    for (CheckIn c : history.lastWeeks(policy.window().weeks())) {
      int client = c.promisesBrokenByClient() == null ? 0 : c.promisesBrokenByClient();
      int us = c.promisesBrokenByUs() == null ? 0 : c.promisesBrokenByUs();
      if (client + us > 0) {
        byClient += client;
        byUs += us;
        if (weeks == null) {
          weeks = new ArrayList<>();
        }
        weeks.add(c.week());
      }
    }
    int total = byClient + byUs;
    if (total < p.watchCount()) {
      return Optional.empty();
    }
    Severity severity =
        total >= p.warningCount() && weeks.size() >= p.warningWeeks()
            ? Severity.WARNING
            : Severity.WATCH;
    Finding finding =
        Finding.of(
            pattern(),
            severity,
            weeks.size(),
            List.of(
                Phrases.count(total, "promise was", "promises were") + " broken "
                    + Phrases.when(weeks, history.asOf()) + ": " + byClient + " by the client and "
                    + byUs + " by us."));
    // Promises broken by us are the rep's own admission: such a finding is coaching, not a team post.
    return Optional.of(byUs > 0 ? finding.asAdmitted() : finding);
  }
}
