package io.rapport.slack.out;

import java.time.Duration;

/**
 * The limits Rapport keeps to when calling Slack.
 *
 * @param postsPerMinute workspace-wide budget for {@code chat.postMessage} (Slack allows "several
 *     hundred per minute"; the default stays well inside it)
 * @param postBurst how many posts may go at once before the budget's pace applies
 * @param perChannelInterval at most one {@code chat.postMessage} per channel per this interval
 * @param transientAttempts tries for a call failing with 5xx, a timeout or a Slack-side error
 * @param backoffBase first wait after a transient failure (doubles each time, with full jitter)
 * @param backoffMax the longest single wait after a transient failure
 * @param rateLimitedFor how long a call keeps honouring 429s before it gives up
 */
public record SlackLimits(
    int postsPerMinute,
    int postBurst,
    Duration perChannelInterval,
    int transientAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration rateLimitedFor) {

  /** 300 posts a minute (5/s) workspace-wide, 1/s per channel, 5 tries with 0.5–8 s backoff. */
  public static final SlackLimits DEFAULT =
      new SlackLimits(300, 5, Duration.ofSeconds(1), 5, Duration.ofMillis(500), Duration.ofSeconds(8),
          Duration.ofMinutes(15));

  public SlackLimits {
    if (postsPerMinute < 1 || postBurst < 1 || transientAttempts < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public SlackLimits withPostsPerMinute(int perMinute, int burst) {
    return new SlackLimits(perMinute, burst, perChannelInterval, transientAttempts, backoffBase, backoffMax,
        rateLimitedFor);
  }

  public SlackLimits withBackoff(Duration base, Duration max) {
    return new SlackLimits(postsPerMinute, postBurst, perChannelInterval, transientAttempts, base, max,
        rateLimitedFor);
  }
}
