package io.rapport.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The {@code processed_requests} rows whose only purpose is to make a repeat of a Slack request a
 * no-op: a command's trigger id, a press's action_ts, a form's view id, an event's event id. Slack
 * refuses a signature older than 5 minutes and retries an event for at most about an hour, so after
 * {@link #KEEP} such a row guards nothing and is deleted by the daily sweep; without this every
 * App Home open would add a row forever. Rows of other kinds (e.g. "this period's chart was sent")
 * carry meaning for longer and are kept.
 */
public final class ExpiringClaims {
  /** How long a request claim is kept: the signature window and Slack's event retries, with margin. */
  public static final Duration KEEP = Duration.ofDays(1);
  /**
   * The kinds that only guard a request against its repeat (see RepeatGuard, CheckInService,
   * AppHomeOpenedListener, DirectMessageListener).
   */
  public static final List<String> KINDS =
      List.of("command", "action", "view_submission", "app_home_opened", "message_im");

  private final Store store;
  private final Clock clock;

  public ExpiringClaims(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Deletes the request claims older than {@link #KEEP}; returns how many. */
  public int prune() {
    long before = clock.millis() - KEEP.toMillis();
    return store.jdbi().onDemand(ProcessedRequestDao.class).pruneBefore(KINDS, before);
  }
}
