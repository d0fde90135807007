package io.rapport.insight;

import java.util.List;
import java.util.Locale;

/**
 * How healthy a relationship is: a score from 0 (unhealthy) to 100 (nothing wrong), its band, and the
 * largest contributors that explain why it is not 100. See {@link HealthScore} for the formula.
 *
 * @param score 0–100
 * @param band the band the score falls in
 * @param contributors the largest deductions, largest first (empty for a perfect score)
 */
public record Health(int score, Band band, List<Contributor> contributors) {

  public Health {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("health score must be 0–100, got " + score);
    }
    contributors = List.copyOf(contributors);
  }

  /**
   * The bands a manager sorts accounts by, from best to worst. Their words are their own: a band
   * is never "watch" or "warning" (those are a finding's severities). An account without a
   * check-in in its evidence window has no health and is in no band ("no recent check-ins").
   */
  public enum Band {
    HEALTHY("healthy"),
    AT_RISK("at risk"),
    UNHEALTHY("unhealthy");

    private final String id;

    Band(String id) {
      this.id = id;
    }

    /** The lower-case words: "healthy", "at risk" or "unhealthy". */
    public String id() {
      return id;
    }

    /** For headings: "HEALTHY", "AT RISK", "UNHEALTHY". */
    public String heading() {
      return id.toUpperCase(Locale.ROOT);
    }
  }

  /**
   * One deduction from a perfect score.
   *
   * @param label what it is, e.g. "Terms dictated (warning)"
   * @param points points taken off, greater than 0
   * @param pattern the pattern behind it, or null for a deduction that is not a finding
   */
  public record Contributor(String label, double points, Pattern pattern) {}
}
