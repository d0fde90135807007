package io.rapport.insight;

import io.rapport.domain.CheckIn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The health formula. Health says how serious and how persistent an account's problems are.
 * Starting from 100, it takes off, for every finding:
 *
 * <pre>
 *   points = severity points × seriousness × persistence
 *   severity points = health.watchPenalty (12) for a watch, health.warningPenalty (20) for a warning
 *   seriousness     = health.conductFactor (2) for a pattern about how people are treated
 *                     ({@link Pattern#aboutConduct()}: abusive client, big brother, exploitative),
 *                     1 for the others (money, margin, time)
 *   persistence     = 1 + health.persistencePerWeek (0.1) × (weeks the signal showed − 1),
 *                     at most health.maxPersistence (2)
 * </pre>
 *
 * Findings that rest on the same weeks of one signal ({@link #SAME_SIGNAL}: abusive client and big
 * brother; win-lose and working for the client) count once: only the one taking off the most
 * points counts. Then {@code health.lowValuePenaltyPerPoint} points for every point the average {@code
 * valueRating} of the window is below 3 (the middle of the 1–5 scale), when rated. The result is
 * rounded and kept between 0 and 100. With the defaults every finding takes off more than 10
 * points, so an account with any finding is never healthy; and one finding about money, margin or
 * time takes off at most 40, so on its own, however long it lasts, it leaves an account at risk:
 * it takes a finding about conduct, several findings or low value ratings to make it unhealthy. Bands: {@code health.healthyMin} and
 * above is healthy, below {@code health.unhealthyBelow} is unhealthy, in between at risk.
 *
 * <p>Worked examples (defaults; docs/PATTERNS.md has more): payments late in 3 weeks (terms
 * dictated, warning) take off 20 × 1 × 1.2 = 24, health 76, at risk; a client aggressive three
 * weeks running (abusive client, warning) takes off 20 × 2 × 1.2 = 48, health 52, unhealthy.
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
    return of(findings, meanValueRating(history, policy), policy.health());
  }

  /** The average value rating of the evidence window (no rep away), when any week was rated. */
  public static OptionalDouble meanValueRating(History history, Policy policy) {
    return meanValueRating(history, policy.evidenceWeeks());
  }

  /**
   * The average value rating of the last {@code evidenceWeeks} weeks, when any week was rated: the
   * {@link Analyzer}'s evidence window, stretched over the weeks the rep was away.
   */
  public static OptionalDouble meanValueRating(History history, int evidenceWeeks) {
    int rated = 0;
    double ratingSum = 0;
    for (CheckIn c : history.lastWeeks(evidenceWeeks)) {
      if (c.valueRating() != null) {
        rated++;
        ratingSum += c.valueRating();
      }
    }
    return rated == 0 ? OptionalDouble.empty() : OptionalDouble.of(ratingSum / rated);
  }

  /**
   * Scores an account from the findings that count and the average value rating of its window (so
   * the same account can be scored on fewer findings, e.g. only those a channel may see).
   */
  public static Health of(List<Finding> findings, OptionalDouble meanValueRating, Policy.HealthWeights w) {
    List<Health.Contributor> deductions = new ArrayList<>(findings.size() + 1);
    for (Finding f : findings) {
      double points = points(f, w);
      if (points > 0 && countsOnItsOwn(f, findings, w)) {
        deductions.add(new Health.Contributor(label(f), points, f.pattern()));
      }
    }
    if (meanValueRating.isPresent()) {
      double mean = meanValueRating.getAsDouble();
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

  /**
   * Patterns that read the same weeks of the same signal: a threatening week is both "aggressive or
   * worse" ({@link Pattern#ABUSIVE}) and a threat ({@link Pattern#BIG_BROTHER}); a discount or a
   * freebie is both a concession ({@link Pattern#WIN_LOSE}) and margin given away ({@link
   * Pattern#WORKING_FOR_THE_CLIENT}). Both findings are shown, but health counts the weeks once.
   */
  static final List<Set<Pattern>> SAME_SIGNAL = List.of(
      EnumSet.of(Pattern.ABUSIVE, Pattern.BIG_BROTHER),
      EnumSet.of(Pattern.WIN_LOSE, Pattern.WORKING_FOR_THE_CLIENT));

  /**
   * False when {@code f} shares its signal with a finding of {@code all} that takes off more
   * points (or as many, and comes first in {@link Pattern} order): of findings resting on the same
   * weeks only the largest counts, so health never counts one week twice. Monotonic: the largest of
   * the group never shrinks when a signal worsens.
   */
  static boolean countsOnItsOwn(Finding f, List<Finding> all, Policy.HealthWeights w) {
    for (Set<Pattern> group : SAME_SIGNAL) {
      if (!group.contains(f.pattern())) {
        continue;
      }
      double mine = points(f, w);
      for (Finding other : all) {
        if (other == f || other.pattern() == f.pattern() || !group.contains(other.pattern())) {
          continue;
        }
        double theirs = points(other, w);
        if (theirs > mine || (theirs == mine && other.pattern().ordinal() < f.pattern().ordinal())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The points one finding takes off: severity points × seriousness × persistence. */
  public static double points(Finding f, Policy.HealthWeights w) {
    double severity = f.severity() == Severity.WARNING ? w.warningPenalty() : w.watchPenalty();
    return severity * seriousness(f.pattern(), w) * persistence(f.signalWeeks(), w);
  }

  /** {@code health.conductFactor} for a pattern about how people are treated, else 1. */
  public static double seriousness(Pattern pattern, Policy.HealthWeights w) {
    return pattern.aboutConduct() ? w.conductFactor() : 1;
  }

  /** 1 for a signal shown in one week, growing by {@code health.persistencePerWeek} a week, capped. */
  public static double persistence(int signalWeeks, Policy.HealthWeights w) {
    double factor = 1 + w.persistencePerWeek() * (Math.max(1, signalWeeks) - 1);
    return Math.min(w.maxPersistence(), factor);
  }

  private static String label(Finding f) {
    return f.pattern().title() + " (" + f.severity().id() + ", "
        + Phrases.count(f.signalWeeks(), "week", "weeks") + ")";
  }

  /** The band a score falls in under the policy. */
  public static Health.Band band(int score, Policy.HealthWeights w) {
    if (score >= w.healthyMin()) {
      return Health.Band.HEALTHY;
    }
    return score < w.unhealthyBelow() ? Health.Band.UNHEALTHY : Health.Band.AT_RISK;
  }
}
