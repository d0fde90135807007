package io.rapport.slack.out;

import io.rapport.privacy.PostedMessages;
import java.util.Optional;

/** Deletes Rapport's own messages with {@code chat.delete}, through the one gateway. */
public final class SlackPostedMessages implements PostedMessages {
  private final SlackCalls calls;

  public SlackPostedMessages(SlackCalls calls) {
    this.calls = calls;
  }

  @Override
  public Optional<String> delete(String channelId, String ts) throws InterruptedException {
    try {
      calls.call("chat.delete", channelId, m -> m.chatDelete(q -> q.channel(channelId).ts(ts)));
      return Optional.empty();
    } catch (SlackCallException e) {
      return Optional.of(e.error());
    }
  }
}
