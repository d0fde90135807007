package io.rapport.slack.listeners.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import io.rapport.prompt.DirectMessageReply;
import io.rapport.slack.AfterAck;
import io.rapport.store.Store;
import java.time.Clock;

/**
 * {@code message.im}: a rep wrote to Rapport in its Messages tab. Rapport does not read free text,
 * but it does not stay silent either: it answers briefly, with a Check in button for each account
 * still due this week. Messages from bots (Rapport's own included) and edits are ignored; a retried
 * event (same {@code event_id}) is answered once.
 */
public final class DirectMessageListener implements BoltEventHandler<MessageEvent> {
  static final String KIND = "message_im";

  private final OncePerEvent once;
  private final DirectMessageReply reply;

  public DirectMessageListener(AfterAck afterAck, Store store, DirectMessageReply reply, Clock clock) {
    this.once = new OncePerEvent(KIND, afterAck, store, clock);
    this.reply = reply;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    String workspaceId = payload.getTeamId();
    if (event == null || workspaceId == null || !"im".equals(event.getChannelType()) || event.getBotId() != null
        || event.getSubtype() != null || event.getUser() == null || event.getThreadTs() != null
        || event.getUser().equals(ctx.getBotUserId())) {
      return ctx.ack();
    }
    String userId = event.getUser();
    String channel = event.getChannel();
    String eventId = payload.getEventId();
    once.run("answer to a DM from " + userId + " in " + workspaceId, workspaceId, eventId,
        () -> reply.answer(workspaceId, userId, channel));
    return ctx.ack();
  }
}
