package io.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import io.rapport.slack.listeners.commands.CommandsRegistrar;
import io.rapport.slack.listeners.events.AppHomeOpenedListener;
import io.rapport.slack.listeners.events.DirectMessageListener;

/**
 * Where a capability module attaches its listeners: the Bolt app (buttons, modals, events) and the
 * slash commands, which are remembered by name so a test can check them against manifest.yml. The
 * events are attached here by name, so the modules need no Slack event types.
 */
public record Routes(App app, CommandsRegistrar commands) {
  /** The App Home tab was opened. */
  public void appHomeOpened(AppHomeOpenedListener listener) {
    app.event(AppHomeOpenedEvent.class, listener);
  }

  /** A message in a direct conversation with Rapport. */
  public void directMessages(DirectMessageListener listener) {
    app.event(MessageEvent.class, listener);
  }
}
