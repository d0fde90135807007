package io.rapport.insight;

import io.rapport.domain.CheckIn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The health formula. Starting from 100, it takes off:
 *
 * <ul>
 *   <li>{@code health.warningPenalty} points for every warning finding and {@code
 *       health.watchPenalty} for every watch finding;
 *   <li>{@code health.lowValuePenaltyPerPoint} points for every point the average {@code
 *       valueRating} of the window is below 3 (the middle of the 1–5 scale), when rated.
 * </ul>
 *
 * The result is rounded and kept between 0 and 100. Bands: {@code health.healthyMin} and above is
 * healthy, below {@code health.unhealthyBelow} is at risk, in between is watch.
 *
 * <p>Monotonic by construction: every deduction grows with a worse signal (detectors only count
 * more weeks and escalate watch to warning as signals worsen; the watch penalty never exceeds the
 * warning penalty; a lower rating lowers the average), and nothing is ever added back.
 */
public final class HealthScore {
  private static final double MIDDLE_RATING = 3;
  private static final int MAX_CONTRIBUTORS = 3;

  private HealthScore() {}

  /** Scores an account from its findings and recent history. */
  public static Health of(List<Finding> findings, History history, Policy policy) {
    Policy.HealthWeights w = policy.health();
    List<Health.Contributor> deductions = new ArrayList<>(findings.size() + 1);
    for (Finding f : findings) {
      double points = f.severity() == Severity.WARNING ? w.warningPenalty() : w.watchPenalty();
      if (points > 0) {
        deductions.add(
            new Health.Contributor(
                f.pattern().title() + " (" + f.severity().id() + ")", points, f.pattern()));
      }
    }
    int rated = 0;
    double ratingSum = 0;
    for (CheckIn c : history.lastWeeks(policy.window().weeks())) {
      if (c.valueRating() != null) {
        rated++;
        ratingSum += c.valueRating();
      }
    }
    if (rated > 0) {
      double mean = ratingSum / rated;
      double points = (MIDDLE_RATING - mean) * w.lowValuePenaltyPerPoint();
      if (points > 0) {
        deductions.add(
            new Health.Contributor(
                "low value rating (average " + Phrases.number(mean) + " of 5)", points, null));
      }
    }
    double total = 0;
    for (Health.Contributor d : deductions) {
      total += d.points();
    }
    int score = (int) Math.max(0, Math.min(100, Math.round(100 - total)));
    deductions.sort(
        Comparator.comparingDouble(Health.Contributor::points)
            .reversed()
            .thenComparing(Health.Contributor::label));
    List<Health.Contributor> largest =
        deductions.size() > MAX_CONTRIBUTORS ? deductions.subList(0, MAX_CONTRIBUTORS) : deductions;
    return new Health(score, band(score, w), largest);
  }

  /** The band a score falls in under the policy. */
  public static Health.Band band(int score, Policy.HealthWeights w) {
    if (score >= w.healthyMin()) {
      return Health.Band.HEALTHY;
    }
    return score < w.unhealthyBelow() ? Health.Band.UNHEALTHY : Health.Band.AT_RISK;
  }
}
