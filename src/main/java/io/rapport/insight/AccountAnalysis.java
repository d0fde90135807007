package io.rapport.insight;

import io.rapport.domain.Account;
import java.util.List;

/**
 * The judgement of one account.
 *
 * @param account the account judged
 * @param health its health score, band and largest contributors
 * @param findings the patterns it shows, warnings first, then by pattern id
 */
public record AccountAnalysis(Account account, Health health, List<Finding> findings) {
  public AccountAnalysis {
    findings = List.copyOf(findings);
  }

  /** True when the account raised no finding. */
  public boolean isClean() {
    return findings.isEmpty();
  }
}
