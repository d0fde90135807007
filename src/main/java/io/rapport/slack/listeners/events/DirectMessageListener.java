package io.rapport.slack.listeners.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import io.rapport.prompt.DirectMessageReply;
import io.rapport.slack.AfterAck;
import io.rapport.store.ProcessedRequestDao;
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

  private final AfterAck afterAck;
  private final Store store;
  private final DirectMessageReply reply;
  private final Clock clock;

  public DirectMessageListener(AfterAck afterAck, Store store, DirectMessageReply reply, Clock clock) {
    this.afterAck = afterAck;
    this.store = store;
    this.reply = reply;
    this.clock = clock;
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
    afterAck.run("answer to a DM from " + userId + " in " + workspaceId, () -> {
      long now = clock.millis();
      store.ensureWorkspace(workspaceId, now);
      if (eventId != null
          && store.jdbi().onDemand(ProcessedRequestDao.class).claim(workspaceId, KIND, eventId, now) == 0) {
        return;
      }
      reply.answer(workspaceId, userId, channel);
    });
    return ctx.ack();
  }
}
