package io.rapport.insight;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One pattern that an account shows, with the numbers and weeks that triggered it and a coaching
 * tip.
 *
 * @param pattern the relationship pattern
 * @param severity watch for an early or weak signal, warning for a sustained one
 * @param signalWeeks in how many weeks of its window the pattern's signal showed (at least 1): how
 *     persistent it is, which {@link HealthScore} weighs
 * @param evidence at least one sentence with the actual numbers and weeks
 * @param tip coaching advice for the rep
 * @param admitted true when the finding rests on what the rep admitted about our own side (e.g.
 *     promises broken by us); such a finding is never posted to the team ({@link Audience#of})
 */
public record Finding(
    Pattern pattern, Severity severity, int signalWeeks, List<String> evidence, String tip, boolean admitted) {

  /** Warnings first, then by pattern id. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity, Comparator.reverseOrder())
          .thenComparing(f -> f.pattern().id());

  public Finding {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(severity, "severity");
    if (signalWeeks < 1) {
      throw new IllegalArgumentException("a finding shows in at least one week: " + pattern);
    }
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a finding needs evidence: " + pattern);
    }
    if (tip == null || tip.isBlank()) {
      throw new IllegalArgumentException("a finding needs a tip: " + pattern);
    }
  }

  public Finding(Pattern pattern, Severity severity, int signalWeeks, List<String> evidence, String tip) {
    this(pattern, severity, signalWeeks, evidence, tip, false);
  }

  /** This finding, resting on what the rep admitted about our own side. */
  public Finding asAdmitted() {
    return new Finding(pattern, severity, signalWeeks, evidence, tip, true);
  }

  /** Who the finding is for by default ({@link Audience#of(Finding)}). */
  public Audience audience() {
    return Audience.of(this);
  }

  /** A finding with the pattern's coaching tip from {@link Tips}, its signal shown in {@code signalWeeks} weeks. */
  public static Finding of(Pattern pattern, Severity severity, int signalWeeks, List<String> evidence) {
    return new Finding(pattern, severity, signalWeeks, evidence, Tips.forPattern(pattern));
  }

  /** A finding whose signal showed in a single week, with the pattern's coaching tip. */
  public static Finding of(Pattern pattern, Severity severity, List<String> evidence) {
    return of(pattern, severity, 1, evidence);
  }
}
