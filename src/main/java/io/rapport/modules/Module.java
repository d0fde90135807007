package io.rapport.modules;

import io.rapport.slack.Routes;

/**
 * One capability of the running bot (check-ins, prompts, flags, reports, administration, away):
 * it builds its own parts from the {@link Foundation}, registers its own Slack listeners, and
 * starts and stops its own scheduled work. {@link io.rapport.Rapport} only composes them.
 */
public interface Module extends AutoCloseable {
  /** Attaches this capability's slash commands, buttons, modals and events. */
  void register(Routes routes);

  /** Starts this capability's scheduled work (none by default). */
  default void start() {}

  /** Stops this capability's scheduled work; in-flight after-ack work is drained by the foundation. */
  @Override
  default void close() {}
}
