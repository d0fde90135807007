package io.rapport.insight;

import io.rapport.domain.Account;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The judgement of one account.
 *
 * @param account the account judged
 * @param health its health score, band and largest contributors; empty when the account has no
 *     check-in in its evidence window ({@link Policy#evidenceWeeks()}): "no recent check-ins" is
 *     its own state, never a health number and never a band
 * @param findings the patterns it shows, warnings first, then by pattern id
 * @param meanValueRating the average value rating of the evidence window, when rated
 * @param weights the health weights and bands the health was scored with
 */
public record AccountAnalysis(
    Account account,
    Optional<Health> health,
    List<Finding> findings,
    OptionalDouble meanValueRating,
    Policy.HealthWeights weights) {
  public AccountAnalysis {
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(meanValueRating, "meanValueRating");
    Objects.requireNonNull(weights, "weights");
    findings = List.copyOf(findings);
  }

  /** An analysis scored with the default weights and no value ratings. */
  public AccountAnalysis(Account account, Optional<Health> health, List<Finding> findings) {
    this(account, health, findings, OptionalDouble.empty(), Policy.defaults().health());
  }

  /**
   * The health this account would have if only the findings {@code counted} accepts counted (same
   * value ratings, same weights): how a channel that may not see coaching findings sees it. Empty
   * for "no recent check-ins", whatever is counted.
   */
  public Optional<Health> healthCounting(Predicate<Finding> counted) {
    if (health.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        HealthScore.of(findings.stream().filter(counted).toList(), meanValueRating, weights));
  }

  /** True when the account raised no finding. */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /** True when there is no check-in in the evidence window to judge health from. */
  public boolean noRecentCheckIns() {
    return health.isEmpty();
  }

  /** The band, or empty for "no recent check-ins". */
  public Optional<Health.Band> band() {
    return health.map(Health::band);
  }
}
