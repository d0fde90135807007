package io.rapport.insight;

import java.util.Optional;

/**
 * A rule that recognises one {@link Pattern} in an account's recent history. Detectors are pure and
 * stateless: the same history, book and policy always give the same answer.
 */
public interface Detector {

  /** The pattern this detector recognises. */
  Pattern pattern();

  /**
   * Judges one account.
   *
   * @param history the account's recent check-ins, oldest first
   * @param book the rep's book and the discount norm
   * @param policy the thresholds
   * @return a finding with evidence and a tip, or empty when the pattern does not show
   */
  Optional<Finding> detect(History history, BookContext book, Policy policy);
}
