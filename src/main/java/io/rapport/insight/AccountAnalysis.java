package io.rapport.insight;

import io.rapport.domain.Account;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The judgement of one account.
 *
 * @param account the account judged
 * @param health its health score, band and largest contributors; empty when the account has no
 *     check-in in its evidence window ({@link Policy#evidenceWeeks()}): "no recent check-ins" is
 *     its own state, never a health number and never a band
 * @param findings the patterns it shows, warnings first, then by pattern id
 */
public record AccountAnalysis(Account account, Optional<Health> health, List<Finding> findings) {
  public AccountAnalysis {
    Objects.requireNonNull(health, "health");
    findings = List.copyOf(findings);
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
