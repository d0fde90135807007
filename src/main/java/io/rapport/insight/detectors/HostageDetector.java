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
 * {@link Pattern#HOSTAGE}: "I have to deal with you" — a relationship kept only because a parent
 * company says so, creating no value.
 *
 * <p>Rule: only for {@code mandated} accounts (low value alone is not this pattern). Average the
 * {@code valueRating}s of the window: at least {@code hostage.watchRatedWeeks} ratings averaging
 * {@code hostage.watchMeanValue} or less raise a watch; at least {@code hostage.warningRatedWeeks}
 * averaging {@code hostage.warningMeanValue} or less raise a warning. A mandated account that is
 * genuinely valuable raises nothing.
 */
public final class HostageDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.HOSTAGE;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    if (!history.account().mandated()) {
      return Optional.empty();
    }
    Policy.Hostage p = policy.hostage();
    List<Integer> ratings = new ArrayList<>();
    List<IsoWeek> weeks = new ArrayList<>();
    for (CheckIn c : history.lastWeeks(policy.window().weeks())) {
      if (c.valueRating() != null) {
        ratings.add(c.valueRating());
        weeks.add(c.week());
      }
    }
    if (ratings.size() < p.watchRatedWeeks()) {
      return Optional.empty();
    }
    double mean = ratings.stream().mapToInt(Integer::intValue).average().orElse(5);
    if (mean > p.watchMeanValue()) {
      return Optional.empty();
    }
    Severity severity =
        ratings.size() >= p.warningRatedWeeks() && mean <= p.warningMeanValue()
            ? Severity.WARNING
            : Severity.WATCH;
    return Optional.of(
        Finding.of(
            pattern(),
            severity,
            ratings.size(),
            List.of(
                "The client is ours by mandate and rated its value " + Phrases.range(ratings)
                    + " out of 5 (average " + Phrases.number(mean) + ") "
                    + Phrases.when(weeks, history.asOf()) + ".")));
  }
}
