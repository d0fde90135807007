package io.rapport.insight;

import io.rapport.domain.IsoWeek;
import java.util.Objects;

/**
 * The week being judged and the first week of each look-back window ending with it. One timeframe
 * is shared by every account of a run, so the calendar arithmetic is done once per window length
 * rather than once per check-in.
 */
public final class Timeframe {
  private final IsoWeek asOf;
  private final IsoWeek[] starts;

  public Timeframe(IsoWeek asOf, int longestWindowWeeks) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    if (longestWindowWeeks < 1) {
      throw new IllegalArgumentException("a window has at least one week");
    }
    this.starts = new IsoWeek[longestWindowWeeks + 1];
  }

  /** The week judged: the latest week any window includes. */
  public IsoWeek asOf() {
    return asOf;
  }

  /** The first week of the window of {@code weeks} weeks ending with {@link #asOf()}. */
  public IsoWeek start(int weeks) {
    if (weeks < 1) {
      throw new IllegalArgumentException("a window has at least one week, got " + weeks);
    }
    if (weeks >= starts.length) {
      return asOf.minusWeeks(weeks - 1L);
    }
    IsoWeek s = starts[weeks];
    if (s == null) {
      s = asOf.minusWeeks(weeks - 1L);
      starts[weeks] = s;
    }
    return s;
  }

  /** True when {@code week} lies in the window of {@code weeks} weeks ending with {@link #asOf()}. */
  public boolean contains(int weeks, IsoWeek week) {
    return week.compareTo(asOf) <= 0 && week.compareTo(start(weeks)) >= 0;
  }
}
