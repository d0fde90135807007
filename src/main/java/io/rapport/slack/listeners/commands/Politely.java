package io.rapport.slack.listeners.commands;

import io.rapport.slack.views.Reply;
import io.rapport.team.Refusal;

/**
 * Turns a service's {@link Refusal} (not allowed, unknown name, a setting out of range) into the
 * reply the person sees; nothing has changed when one is thrown.
 */
public final class Politely {
  private Politely() {}

  public static DeferredCommand.Work run(DeferredCommand.Work work) {
    return () -> {
      try {
        return work.run();
      } catch (Refusal r) {
        return Reply.text(r.getMessage());
      }
    };
  }
}
