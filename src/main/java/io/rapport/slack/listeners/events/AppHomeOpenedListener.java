package io.rapport.slack.listeners.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.rapport.slack.AfterAck;
import io.rapport.store.Store;
import java.time.Clock;

/**
 * {@code app_home_opened}: acknowledged at once; the Home tab is built and published after the
 * ack. A retried event (same {@code event_id}) is skipped.
 */
public final class AppHomeOpenedListener implements BoltEventHandler<AppHomeOpenedEvent> {
  static final String KIND = "app_home_opened";

  private final OncePerEvent once;
  private final HomeTabPublisher home;

  public AppHomeOpenedListener(AfterAck afterAck, Store store, HomeTabPublisher home, Clock clock) {
    this.once = new OncePerEvent(KIND, afterAck, store, clock);
    this.home = home;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    String workspaceId = payload.getTeamId();
    if (event == null || event.getUser() == null || workspaceId == null
        || (event.getTab() != null && !"home".equals(event.getTab()))) {
      return ctx.ack();
    }
    String userId = event.getUser();
    String eventId = payload.getEventId();
    once.run("App Home for " + userId + " in " + workspaceId, workspaceId, eventId, () -> home.publish(workspaceId, userId));
    return ctx.ack();
  }
}
