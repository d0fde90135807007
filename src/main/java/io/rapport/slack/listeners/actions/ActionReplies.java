package io.rapport.slack.listeners.actions;

import com.slack.api.bolt.context.builtin.ActionContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a button press with an ephemeral note through its {@code response_url}. */
final class ActionReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ActionReplies.class);

  private ActionReplies() {}

  /** Posts {@code text} (nothing when null) without replacing the message the button is on. */
  static void ephemeral(ActionContext ctx, String text) {
    if (text == null) {
      return;
    }
    try {
      ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
    } catch (IOException e) {
      LOG.warn("Could not answer a button press through response_url: {}", e.toString());
    }
  }
}
