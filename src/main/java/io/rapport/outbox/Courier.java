package io.rapport.outbox;

import org.jdbi.v3.core.Handle;

/**
 * What one kind of outbox message needs besides delivery itself: rendering it when its turn comes
 * (from the capability's current state, so a late or retried message is still right), and
 * recording the outcome in the capability's own tables — in the same transaction that marks the
 * row sent, so the two never disagree. Couriers hold no Slack types: they return rendered text and
 * Block Kit JSON from the {@code slack.views} renderers.
 */
public interface Courier {
  /** The message for {@code entry} now (or why not). Called with the row leased to this instance. */
  Draft compose(Entry entry);

  /**
   * The message is in Slack ({@code recovered}: found in history, posted by an earlier attempt).
   * {@code memo} is the draft's memo, null when recovered without a fresh draft.
   */
  default void sent(Handle handle, Entry entry, String channelId, String ts, String memo, boolean recovered) {}

  /** The row ended without a message: {@code state} is skipped, expired or failed. */
  default void ended(Handle handle, Entry entry, String state, String reason) {}

  /**
   * How long a row waits after a transient failure before it may go again ({@code suggested}: the
   * gateway's backoff). A kind whose retries are paced by something else (a sweep) may say zero.
   */
  default java.time.Duration retryWait(java.time.Duration suggested) {
    return suggested;
  }

  /** Tries after which a row still failing is given up (recorded failed). */
  default int maxAttempts() {
    return 10;
  }

  /**
   * Whether Slack's {@code error} ends the row for good. By default what the gateway calls
   * permanent; a kind may keep trying (a channel can be fixed) or give up sooner.
   */
  default boolean givesUpOn(String error, boolean permanent) {
    return permanent;
  }

  /**
   * Whether the capability still needs a done row (sent, skipped or failed) of this kind: it may
   * write the same key again, and only the row makes that a no-op. Rows no courier needs are
   * deleted by {@link Outbox#prune} once they are old. By default a done row is history only.
   */
  default boolean stillNeeds(Entry entry) {
    return false;
  }
}
