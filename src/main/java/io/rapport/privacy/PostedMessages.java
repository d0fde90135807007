package io.rapport.privacy;

import java.util.Optional;

/**
 * The port through which forgetting deletes Rapport's own Slack messages (implemented over the one
 * Web API gateway in {@code slack.out}). No Slack types cross it.
 */
public interface PostedMessages {
  /**
   * Deletes the message {@code ts} Rapport posted in {@code channelId}; empty when it is gone,
   * else Slack's error (e.g. {@code message_not_found}, {@code channel_not_found}).
   */
  Optional<String> delete(String channelId, String ts) throws InterruptedException;
}
