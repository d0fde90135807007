package io.rapport.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Courier} makes of its row when the row's turn comes: a message to post now (where,
 * in which thread, with which text and blocks), nothing any more ({@link #skip}), not yet ({@link
 * #later}: it waits for something else, e.g. the flag's parent message, and the try is not
 * counted), or never ({@link #fail}).
 */
public record Draft(Kind kind, String target, String threadTs, String text, String blocks, String memo,
    String reason, Duration retryAfter, String endState) {

  public enum Kind {
    SEND,
    SKIP,
    LATER,
    FAIL
  }

  /**
   * Post {@code text} (the notification and screen-reader fallback) with {@code blocks} (Block
   * Kit JSON, may be null) to {@code target}, in the thread of {@code threadTs} when not null.
   * {@code memo} comes back to {@link Courier#sent} (e.g. the revision the message showed).
   */
  public static Draft send(String target, String threadTs, String text, String blocks, String memo) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(text, "text");
    return new Draft(Kind.SEND, target, threadTs, text, blocks, memo, null, null, null);
  }

  /** Nothing to send any more; the row ends {@code skipped} and the courier hears {@code outcome}. */
  public static Draft skip(String reason) {
    return new Draft(Kind.SKIP, null, null, null, null, null, reason, null, Entry.SKIPPED);
  }

  /** Like {@link #skip}, but the courier is told the row expired (its time passed). */
  public static Draft expire(String reason) {
    return new Draft(Kind.SKIP, null, null, null, null, null, reason, null, "expired");
  }

  /** Not now: the row goes back, to be tried again after {@code wait}; the try is not counted. */
  public static Draft later(String reason, Duration wait) {
    return new Draft(Kind.LATER, null, null, null, null, null, reason, wait, null);
  }

  /** Never: the row ends {@code failed} with the reason. */
  public static Draft fail(String reason) {
    return new Draft(Kind.FAIL, null, null, null, null, null, reason, null, Entry.FAILED);
  }
}
