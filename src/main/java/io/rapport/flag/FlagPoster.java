package io.rapport.flag;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.rapport.slack.out.SlackApi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack side of flag delivery. Every message carries metadata with its natural key
 * ({@code event_type = rapport_message}, {@code event_payload.key}), so a post that was claimed but
 * not confirmed before a crash can be found in the channel's (or thread's) history instead of
 * being posted again.
 */
public final class FlagPoster {
  static final String EVENT_TYPE = "rapport_message";

  /** Where a message landed. */
  public record Posted(String channelId, String ts) {}

  /**
   * A Web API call that did not post. {@code maybeDelivered} is true when Slack may have taken it
   * (no answer: a timeout or a dropped connection) — then the claim must stay and history decide.
   */
  public static final class DeliveryException extends Exception {
    private final boolean maybeDelivered;
    private final String error;

    DeliveryException(String message, boolean maybeDelivered) {
      this(message, maybeDelivered, null);
    }

    DeliveryException(String message, boolean maybeDelivered, String error) {
      super(message);
      this.maybeDelivered = maybeDelivered;
      this.error = error;
    }

    public boolean maybeDelivered() {
      return maybeDelivered;
    }

    /**
     * True when retrying cannot help this message: the message or thread it belongs to is gone
     * (deleted, archived channel). A new parent post is never given up on: the channel may be fixed.
     */
    public boolean permanent() {
      return error != null && PERMANENT.contains(error);
    }
  }

  /** Slack errors after which a thread note or a parent update is given up. */
  static final java.util.Set<String> PERMANENT = java.util.Set.of(
      "message_not_found", "thread_not_found", "cant_update_message", "edit_window_closed", "is_archived",
      "channel_not_found", "msg_too_long", "invalid_blocks", "no_text");

  private final SlackApi slack;

  public FlagPoster(SlackApi slack) {
    this.slack = slack;
  }

  /** The DM channel with {@code userId}. */
  public String openDm(String userId) throws DeliveryException {
    return openConversation(List.of(userId));
  }

  /**
   * The private conversation of Rapport with {@code userIds}: a DM for one person, a group DM for
   * several (Slack returns the same conversation for the same people).
   */
  public String openConversation(List<String> userIds) throws DeliveryException {
    ConversationsOpenResponse r = call(() -> slack.methods().conversationsOpen(q -> q.users(userIds)));
    if (!r.isOk() || r.getChannel() == null) {
      throw new DeliveryException("conversations.open " + userIds + ": " + r.getError(), false);
    }
    return r.getChannel().getId();
  }

  /**
   * Posts a message once per {@code key}. When {@code recoveringSinceMillis} is given the key was
   * claimed before and not confirmed: the channel (or thread) is searched from that time on first,
   * and a message found there is returned instead of posting again.
   */
  public Posted post(String channelId, String threadTs, String key, String text, List<LayoutBlock> blocks,
      Long recoveringSinceMillis) throws DeliveryException {
    if (recoveringSinceMillis != null) {
      Optional<String> found = find(channelId, threadTs, key, recoveringSinceMillis);
      if (found.isPresent()) {
        return new Posted(channelId, found.get());
      }
    }
    Message.Metadata metadata = Message.Metadata.builder().eventType(EVENT_TYPE)
        .eventPayload(Map.of("key", key)).build();
    ChatPostMessageResponse r = call(() -> slack.methods().chatPostMessage(q -> q.channel(channelId)
        .threadTs(threadTs).text(text).blocks(blocks).metadata(metadata).unfurlLinks(false)));
    if (!r.isOk()) {
      throw new DeliveryException("chat.postMessage to " + channelId + ": " + r.getError(), false, r.getError());
    }
    return new Posted(r.getChannel() == null ? channelId : r.getChannel(), r.getTs());
  }

  /** Replaces a message's content (the parent of a flag after a change). */
  public void update(String channelId, String ts, String text, List<LayoutBlock> blocks) throws DeliveryException {
    ChatUpdateResponse r = call(() -> slack.methods().chatUpdate(q -> q.channel(channelId).ts(ts).text(text).blocks(blocks)));
    if (!r.isOk()) {
      throw new DeliveryException("chat.update " + channelId + "/" + ts + ": " + r.getError(), false, r.getError());
    }
  }

  private Optional<String> find(String channelId, String threadTs, String key, long sinceMillis)
      throws DeliveryException {
    String oldest = String.format(java.util.Locale.ROOT, "%d.000000", Math.max(0, sinceMillis / 1000 - 60));
    List<Message> messages;
    if (threadTs == null) {
      ConversationsHistoryResponse r = call(() -> slack.methods().conversationsHistory(q -> q.channel(channelId)
          .oldest(oldest).limit(200).includeAllMetadata(true)));
      if (!r.isOk()) {
        throw new DeliveryException("conversations.history " + channelId + ": " + r.getError(), true);
      }
      messages = r.getMessages();
    } else {
      ConversationsRepliesResponse r = call(() -> slack.methods().conversationsReplies(q -> q.channel(channelId)
          .ts(threadTs).oldest(oldest).limit(200).includeAllMetadata(true)));
      if (!r.isOk()) {
        throw new DeliveryException("conversations.replies " + channelId + "/" + threadTs + ": " + r.getError(), true);
      }
      messages = r.getMessages();
    }
    if (messages == null) {
      return Optional.empty();
    }
    return messages.stream()
        .filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType())
            && m.getMetadata().getEventPayload() != null
            && key.equals(String.valueOf(m.getMetadata().getEventPayload().get("key"))))
        .map(Message::getTs)
        .findFirst();
  }

  @FunctionalInterface
  private interface SlackCall<T> {
    T run() throws IOException, SlackApiException;
  }

  /**
   * One Web API call. The gateway behind {@code methods()} has already waited out 429s and
   * retried what is safe to retry; what reaches here is the final outcome.
   */
  private static <T> T call(SlackCall<T> c) throws DeliveryException {
    try {
      return c.run();
    } catch (SlackApiException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().code();
      // A 429 means Slack did not take the message; after a 5xx it may have.
      throw new DeliveryException("Slack answered HTTP " + status, status != 429);
    } catch (IOException e) {
      throw new DeliveryException("no answer from Slack: " + e.getClass().getSimpleName(), true);
    }
  }
}
