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
 * {@link Pattern#BIG_BROTHER}: "you'll do as I say or else".
 *
 * <p>Rule: weeks with {@code clientConduct} threatening in the window. One such week raises a
 * watch (a threat is never noise, but one week is not yet a pattern); {@code
 * bigBrother.warningWeeks} or more raise a warning.
 */
public final class BigBrotherDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.BIG_BROTHER;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    List<IsoWeek> weeks = null;
    for (CheckIn c : history.lastWeeks(policy.window().weeks())) {
      if (Signals.threatening(c)) {
        if (weeks == null) {
          weeks = new ArrayList<>();
        }
        weeks.add(c.week());
      }
    }
    if (weeks == null) {
      return Optional.empty();
    }
    Severity severity =
        weeks.size() >= policy.bigBrother().warningWeeks() ? Severity.WARNING : Severity.WATCH;
    String count = Phrases.times(weeks.size());
    return Optional.of(
        Finding.of(
            pattern(),
            severity,
            weeks.size(),
            List.of(
                "The client threatened the rep " + count + ", " + Phrases.when(weeks, history.asOf())
                    + ".")));
  }
}
