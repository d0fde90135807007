package io.rapport.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's way to Slack (implemented over the one Web API gateway in {@code slack.out}): open a
 * private conversation, post with the key in the message metadata, find a keyed message in a
 * conversation's (or thread's) history, and replace a message's content. No Slack types cross it.
 */
public interface Transport {
  /** A posted message. */
  record Posted(String channelId, String ts) {}

  /**
   * A call Slack did not carry out as asked. {@code permanent}: trying again cannot help;
   * {@code uncertain}: Slack may have carried it out anyway (no answer, a 5xx).
   */
  final class Refused extends Exception {
    private final String error;
    private final boolean permanent;
    private final boolean uncertain;

    public Refused(String method, String error, boolean permanent, boolean uncertain, Throwable cause) {
      super(method + ": " + error, cause);
      this.error = error;
      this.permanent = permanent;
      this.uncertain = uncertain;
    }

    /** Slack's error code, e.g. {@code channel_not_found}, or {@code http_503}. */
    public String error() {
      return error;
    }

    public boolean permanent() {
      return permanent;
    }

    public boolean uncertain() {
      return uncertain;
    }
  }

  /** Rapport's private conversation with {@code userIds} (a DM for one person). */
  String open(List<String> userIds) throws Refused, InterruptedException;

  /**
   * Posts once (no blind retry: 429s, which Slack did not carry out, are waited out), only if it
   * can start {@code within}; {@code key} goes into the message metadata. A {@code null} key posts
   * a message nobody looks for again (an answer to a direct message), with no metadata.
   */
  Posted post(String channelId, String threadTs, String key, String text, String blocks, Duration within)
      throws Refused, InterruptedException;

  /** The ts of the message carrying {@code key} posted since {@code sinceMillis}, if there is one. */
  Optional<String> find(String channelId, String threadTs, String key, long sinceMillis)
      throws Refused, InterruptedException;

  /** Replaces a message's text and blocks (idempotent, so retried by the gateway). */
  void update(String channelId, String ts, String text, String blocks) throws Refused, InterruptedException;

  /** The wait before try {@code failures + 1} after a transient failure. */
  Duration backoff(int failures);

  /** Transient failures of one post in a row after which the row is given back for later. */
  int attemptsPerTurn();
}
