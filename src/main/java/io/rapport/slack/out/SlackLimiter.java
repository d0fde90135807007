package io.rapport.slack.out;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Rapport waits before calling Slack, shared by every thread of the process. A Rapport
 * process serves one workspace (its bot token's), so these are that workspace's budgets:
 *
 * <ul>
 *   <li>one adaptive {@link Pacer} per Web API method, starting at its {@link MethodTier}'s rate
 *       ({@code chat.postMessage}: {@link SlackLimits#postsPerMinute()}), paused by a 429's
 *       {@code Retry-After} for every later call of that method (not only the one refused), and
 *       slowed down by it, so an unknown budget is learnt instead of hammered;
 *   <li>about one {@code chat.postMessage} per second per channel.
 * </ul>
 *
 * <p>A 429 on one method never holds up another: a weekly send paused on {@code chat.postMessage}
 * does not delay a modal's {@code views.open}.
 */
public final class SlackLimiter {
  static final String POST_MESSAGE = "chat.postMessage";
  private static final int CHANNEL_ENTRIES_BEFORE_PURGE = 20_000;

  private final SlackLimits limits;
  private final Ticker ticker;
  private final ConcurrentHashMap<String, Pacer> pacers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> channelNextPost = new ConcurrentHashMap<>();
  private volatile long channelIntervalNanos;

  public SlackLimiter(SlackLimits limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    this.channelIntervalNanos = limits.perChannelInterval().toNanos();
  }

  /**
   * Spaces posts to one channel by {@code interval} from now on (zero: not at all). For a process
   * whose Slack is a fake (tests that post many messages to one conversation and are not about
   * the pacing); Slack's own limit is {@link SlackLimits#perChannelInterval()}.
   */
  public void spaceChannelPostsBy(Duration interval) {
    channelIntervalNanos = interval.toNanos();
  }

  public SlackLimits limits() {
    return limits;
  }

  private Pacer pacer(String method) {
    return pacers.computeIfAbsent(method, m -> {
      MethodTier tier = MethodTier.of(m);
      if (tier == MethodTier.POSTING) {
        return new Pacer(limits.postsPerMinute(), limits.postBurst());
      }
      // A whole minute's calls may go at once: Slack's tiers count per minute.
      return new Pacer(tier.perMinute(), tier.perMinute());
    });
  }

  /** Waits until {@code method} may be called (for {@code channel}, when it posts there). */
  public void awaitTurn(String method, String channel) throws InterruptedException {
    awaitTurn(method, channel, Long.MAX_VALUE);
  }

  /**
   * Waits until {@code method} may be called, unless that would be after {@code deadlineNanos}
   * (ticker time): then returns false at once without waiting, and the call should not be made.
   */
  public boolean awaitTurn(String method, String channel, long deadlineNanos) throws InterruptedException {
    Pacer pacer = pacer(method);
    while (true) {
      long now = ticker.nanoTime();
      if (pacer.pausedUntil() > deadlineNanos) {
        return false;
      }
      long start = pacer.reserve(now);
      if (start > deadlineNanos) {
        return false;
      }
      if (start > now) {
        ticker.sleepNanos(start - now);
      }
      // A 429 met by another call while this one waited: wait out the pause too.
      if (pacer.pausedUntil() <= ticker.nanoTime()) {
        break;
      }
    }
    if (POST_MESSAGE.equals(method) && channel != null) {
      awaitChannel(channel);
    }
    return true;
  }

  /** Slack answered 429 for {@code method}: nobody calls it again before {@code retryAfter} has passed, and slower after. */
  public void rateLimited(String method, Duration retryAfter) {
    pacer(method).refused(ticker.nanoTime(), retryAfter.toNanos());
  }

  /** Slack carried out a call of {@code method} (the pace may grow back towards its ceiling). */
  public void succeeded(String method) {
    pacer(method).succeeded();
  }

  /** Nanoseconds until {@code method} may be called again (0 when it is not paused). */
  public long pauseRemainingNanos(String method) {
    return Math.max(0, pacer(method).pausedUntil() - ticker.nanoTime());
  }

  /** The pace {@code method} keeps now, in calls per minute (it adapts to 429s). */
  public double perMinute(String method) {
    return pacer(method).perMinute();
  }

  private void awaitChannel(String channel) throws InterruptedException {
    long interval = channelIntervalNanos;
    if (interval <= 0) {
      return;
    }
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
