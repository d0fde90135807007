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
 * {@link Pattern#ABUSIVE}: clients who bully and intimidate.
 *
 * <p>Rule: weeks in the window whose {@code clientConduct} is aggressive or threatening (a threat is
 * intimidation too). {@code abusive.watchWeeks} such weeks raise a watch, {@code
 * abusive.warningWeeks} a warning. One bad week raises nothing: everyone has a bad day. A merely
 * demanding client is not abusive.
 */
public final class AbusiveDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.ABUSIVE;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.Abusive p = policy.abusive();
    List<IsoWeek> weeks = null;
    List<String> conduct = null;
    for (CheckIn c : history.lastWeeks(policy.window().weeks())) {
      if (Signals.bullying(c)) {
        if (weeks == null) {
          weeks = new ArrayList<>();
          conduct = new ArrayList<>();
        }
        weeks.add(c.week());
        conduct.add(c.clientConduct().id());
      }
    }
    if (weeks == null || weeks.size() < p.watchWeeks()) {
      return Optional.empty();
    }
    Severity severity = weeks.size() >= p.warningWeeks() ? Severity.WARNING : Severity.WATCH;
    return Optional.of(
        Finding.of(
            pattern(),
            severity,
            weeks.size(),
            List.of(
                "The client was aggressive or threatening " + Phrases.when(weeks, history.asOf()) + ".",
                conductCounts(conduct))));
  }

  /** "Reported aggressive twice and threatening once." */
  private static String conductCounts(List<String> conduct) {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (String c : conduct) {
      counts.merge(c, 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>(counts.size());
    counts.forEach((c, n) -> parts.add(c + " " + Phrases.times(n)));
    return "Reported " + Phrases.list(parts) + ".";
  }
}
