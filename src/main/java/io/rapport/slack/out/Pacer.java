package io.rapport.slack.out;

/**
 * The pace of one Web API method in one workspace: a token bucket kept as the time its next call
 * may start (GCRA), which adapts to the budget Slack really gives. A 429 pauses the method until
 * its {@code Retry-After} has passed and lowers the rate (at most once per pause, so a burst of
 * refusals from calls already in flight counts once); a run of successes raises it again slowly,
 * never above the starting rate. Once adapted the rate hovers just under the real budget, and
 * Slack refuses about one call per probe instead of one per call.
 */
final class Pacer {
  /** The rate after a 429 is this share of the rate before it. */
  static final double DECREASE = 0.7;
  /** The rate grows by this share after {@link #SUCCESSES_PER_INCREASE} successes in a row. */
  static final double INCREASE = 0.05;
  static final int SUCCESSES_PER_INCREASE = 20;
  /** Never slower than this many calls a minute. */
  static final double MIN_PER_MINUTE = 1;
  private static final double MINUTE_NANOS = 60e9;

  private final double ceilingPerMinute;
  private final int burst;
  private double perMinute;
  /** The theoretical arrival time of the next call (GCRA). */
  private long nextSlot = Long.MIN_VALUE;
  private long pausedUntil = Long.MIN_VALUE;
  private long noDecreaseBefore = Long.MIN_VALUE;
  private int successes;

  Pacer(double perMinute, int burst) {
    this.ceilingPerMinute = perMinute;
    this.perMinute = perMinute;
    this.burst = Math.max(1, burst);
  }

  private long interval() {
    return (long) (MINUTE_NANOS / perMinute);
  }

  /** Reserves the next call's turn; returns when (in ticker nanos) it may start. */
  synchronized long reserve(long now) {
    long interval = interval();
    long base = Math.max(now, pausedUntil);
    if (nextSlot == Long.MIN_VALUE || nextSlot < base) {
      nextSlot = base;
    }
    long start = Math.max(base, nextSlot - (burst - 1) * interval);
    nextSlot += interval;
    return start;
  }

  /** Slack refused a call with 429: pause until {@code retryAfterNanos} from now and slow down. */
  synchronized void refused(long now, long retryAfterNanos) {
    long until = now + retryAfterNanos;
    pausedUntil = Math.max(pausedUntil, until);
    if (now >= noDecreaseBefore) {
      perMinute = Math.max(MIN_PER_MINUTE, perMinute * DECREASE);
      noDecreaseBefore = pausedUntil + interval();
    }
    successes = 0;
    // After the pause calls go one interval apart: no burst straight into a fresh refusal.
    nextSlot = Math.max(nextSlot == Long.MIN_VALUE ? pausedUntil : nextSlot,
        pausedUntil + (burst - 1) * interval());
  }

  synchronized void succeeded() {
    if (++successes >= SUCCESSES_PER_INCREASE) {
      successes = 0;
      perMinute = Math.min(ceilingPerMinute, perMinute * (1 + INCREASE));
    }
  }

  synchronized long pausedUntil() {
    return pausedUntil;
  }

  synchronized double perMinute() {
    return perMinute;
  }
}
