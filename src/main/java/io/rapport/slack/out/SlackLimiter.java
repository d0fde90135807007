package io.rapport.slack.out;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Rapport waits before calling Slack, shared by every thread of the process:
 *
 * <ul>
 *   <li>a pause per Web API method, set by the {@code Retry-After} of a 429 and honoured by every
 *       later call of that method (not only the one that was refused);
 *   <li>a workspace-wide budget for {@code chat.postMessage} (a bucket4j token bucket), since the
 *       SDK only paces per channel;
 *   <li>about one {@code chat.postMessage} per second per channel.
 * </ul>
 */
public final class SlackLimiter {
  static final String POST_MESSAGE = "chat.postMessage";
  private static final int CHANNEL_ENTRIES_BEFORE_PURGE = 20_000;

  private final SlackLimits limits;
  private final Ticker ticker;
  private final Bucket postBudget;
  private final ConcurrentHashMap<String, Long> pausedUntil = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> channelNextPost = new ConcurrentHashMap<>();

  public SlackLimiter(SlackLimits limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    TimeMeter meter =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return ticker.nanoTime();
          }

          @Override
          public boolean isWallClockBased() {
            return false;
          }
        };
    this.postBudget =
        Bucket.builder()
            .addLimit(l -> l.capacity(limits.postBurst())
                .refillGreedy(limits.postsPerMinute(), Duration.ofMinutes(1)))
            .withCustomTimePrecision(meter)
            .build();
  }

  public SlackLimits limits() {
    return limits;
  }

  /** Waits until {@code method} may be called (for {@code channel}, when it posts there). */
  public void awaitTurn(String method, String channel) throws InterruptedException {
    awaitPause(method);
    if (POST_MESSAGE.equals(method)) {
      if (channel != null) {
        awaitChannel(channel);
      }
      awaitBudget();
      awaitPause(method);
    }
  }

  /** Slack answered 429 for {@code method}: nobody calls it again before {@code retryAfter} has passed. */
  public void rateLimited(String method, Duration retryAfter) {
    long until = ticker.nanoTime() + retryAfter.toNanos();
    pausedUntil.merge(method, until, Math::max);
  }

  /** Nanoseconds until {@code method} may be called again (0 when it is not paused). */
  public long pauseRemainingNanos(String method) {
    Long until = pausedUntil.get(method);
    return until == null ? 0 : Math.max(0, until - ticker.nanoTime());
  }

  private void awaitPause(String method) throws InterruptedException {
    long wait;
    while ((wait = pauseRemainingNanos(method)) > 0) {
      ticker.sleepNanos(wait);
    }
  }

  private void awaitBudget() throws InterruptedException {
    while (true) {
      ConsumptionProbe probe = postBudget.tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed()) {
        return;
      }
      ticker.sleepNanos(Math.max(probe.getNanosToWaitForRefill(), 100_000));
    }
  }

  private void awaitChannel(String channel) throws InterruptedException {
    long interval = limits.perChannelInterval().toNanos();
    long now = ticker.nanoTime();
    // Reserve the channel's next free second atomically; wait until it starts.
    long next = channelNextPost.compute(channel, (c, prev) -> Math.max(now, prev == null ? now : prev) + interval);
    long start = next - interval;
    if (channelNextPost.size() > CHANNEL_ENTRIES_BEFORE_PURGE) {
      channelNextPost.values().removeIf(t -> t < now);
    }
    if (start > now) {
      ticker.sleepNanos(start - now);
    }
  }
}
