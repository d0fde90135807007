package io.rapport.slack.listeners.events;

import io.rapport.slack.AfterAck;
import io.rapport.store.ProcessedRequestDao;
import io.rapport.store.Store;
import java.time.Clock;

/**
 * Runs an event's work after the ack, once per {@code event_id}: Slack retries an event it did not
 * see acknowledged in time, and the retry (same id, claimed in processed_requests under this
 * listener's kind) is skipped. An event without an id is always run.
 */
final class OncePerEvent {
  private final String kind;
  private final AfterAck afterAck;
  private final Store store;
  private final Clock clock;

  OncePerEvent(String kind, AfterAck afterAck, Store store, Clock clock) {
    this.kind = kind;
    this.afterAck = afterAck;
    this.store = store;
    this.clock = clock;
  }

  /** Runs {@code work} on the background lane unless event {@code eventId} was handled already. */
  void run(String what, String workspaceId, String eventId, Runnable work) {
    afterAck.run(what, () -> {
      long now = clock.millis();
      store.ensureWorkspace(workspaceId, now);
      if (eventId != null
          && store.jdbi().onDemand(ProcessedRequestDao.class).claim(workspaceId, kind, eventId, now) == 0) {
        return;
      }
      work.run();
    });
  }
}
