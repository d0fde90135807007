package io.rapport.insight;

import java.util.Locale;

/**
 * How strongly a pattern shows. {@link #WATCH} is an early or weak signal; {@link #WARNING} a
 * sustained one. Declared from weakest to strongest, so {@code WARNING.compareTo(WATCH) > 0}.
 */
public enum Severity {
  WATCH,
  WARNING;

  /** The public lower-case identifier: "watch" or "warning". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as strong as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
