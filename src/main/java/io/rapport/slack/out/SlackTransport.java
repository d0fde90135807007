package io.rapport.slack.out;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import io.rapport.outbox.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox's road to Slack, over the one gateway ({@link SlackCalls}): every message carries
 * {@code metadata: {event_type: "rapport_message", event_payload: {key}}}, and a keyed message is
 * found again with {@code conversations.history} (or {@code conversations.replies} for a thread)
 * and {@code include_all_metadata=true}, from a minute before the first attempt on.
 */
public final class SlackTransport implements Transport {
  /** The {@code metadata.event_type} of every message the outbox posts; the payload holds the key. */
  public static final String EVENT_TYPE = "rapport_message";
  /** Pages of history searched for a key (newest first, 200 a page). */
  private static final int MAX_PAGES = 5;
  private static final int PAGE = 200;

  private final SlackCalls calls;

  public SlackTransport(SlackCalls calls) {
    this.calls = calls;
  }

  /** The metadata carrying {@code key}. */
  public static Message.Metadata metadata(String key) {
    return new Message.Metadata(EVENT_TYPE, Map.of("key", key));
  }

  /** True when {@code message} is the outbox's message for {@code key}. */
  public static boolean carries(Message message, String key) {
    Message.Metadata m = message.getMetadata();
    return m != null && EVENT_TYPE.equals(m.getEventType()) && m.getEventPayload() != null
        && key.equals(String.valueOf(m.getEventPayload().get("key")));
  }

  @Override
  public String open(List<String> userIds) throws Refused, InterruptedException {
    try {
      ConversationsOpenResponse r = calls.call("conversations.open", null,
          m -> m.conversationsOpen(q -> q.users(userIds)));
      if (r.getChannel() == null || r.getChannel().getId() == null) {
        throw new Refused("conversations.open", "no_channel", false, false, null);
      }
      return r.getChannel().getId();
    } catch (SlackCallException e) {
      throw refused(e);
    }
  }

  @Override
  public Posted post(String channelId, String threadTs, String key, String text, String blocks, Duration within)
      throws Refused, InterruptedException {
    try {
      ChatPostMessageResponse r = calls.callBefore("chat.postMessage", channelId,
          calls.now() + within.toNanos(), false, m -> m.chatPostMessage(q -> q.channel(channelId)
              .threadTs(threadTs).text(text).blocksAsString(blocks).metadata(key == null ? null : metadata(key))
              .unfurlLinks(false).unfurlMedia(false)));
      return new Posted(r.getChannel() == null ? channelId : r.getChannel(), r.getTs());
    } catch (SlackCallException e) {
      throw refused(e);
    }
  }

  @Override
  public Optional<String> find(String channelId, String threadTs, String key, long sinceMillis)
      throws Refused, InterruptedException {
    String oldest = String.format(Locale.ROOT, "%d.000000", Math.max(0, sinceMillis / 1000 - 60));
    String cursor = null;
    try {
      for (int page = 0; page < MAX_PAGES; page++) {
        String from = cursor;
        List<Message> messages;
        String next;
        if (threadTs == null) {
          ConversationsHistoryResponse r = calls.call("conversations.history", null, m -> m.conversationsHistory(
              q -> q.channel(channelId).oldest(oldest).limit(PAGE).cursor(from).includeAllMetadata(true)));
          messages = r.getMessages();
          next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } else {
          ConversationsRepliesResponse r = calls.call("conversations.replies", null, m -> m.conversationsReplies(
              q -> q.channel(channelId).ts(threadTs).oldest(oldest).limit(PAGE).cursor(from)
                  .includeAllMetadata(true)));
          messages = r.getMessages();
          next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        }
        if (messages != null) {
          for (Message message : messages) {
            if (carries(message, key)) {
              return Optional.ofNullable(message.getTs());
            }
          }
        }
        if (next == null || next.isBlank()) {
          return Optional.empty();
        }
        cursor = next;
      }
      return Optional.empty();
    } catch (SlackCallException e) {
      throw refused(e);
    }
  }

  @Override
  public void update(String channelId, String ts, String text, String blocks) throws Refused, InterruptedException {
    try {
      calls.call("chat.update", channelId, m -> m.chatUpdate(q -> q.channel(channelId).ts(ts).text(text)
          .blocksAsString(blocks)));
    } catch (SlackCallException e) {
      throw refused(e);
    }
  }

  @Override
  public Duration backoff(int failures) {
    return calls.backoff(failures);
  }

  @Override
  public int attemptsPerTurn() {
    return calls.limiter().limits().transientAttempts();
  }

  private static Refused refused(SlackCallException e) {
    return new Refused(e.method(), e.error(), e.permanent(), e.uncertain(), e);
  }
}
