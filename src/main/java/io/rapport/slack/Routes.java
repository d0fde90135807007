package io.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import io.rapport.slack.listeners.commands.CommandsRegistrar;
import io.rapport.slack.listeners.events.AppHomeOpenedListener;
import io.rapport.slack.listeners.events.DirectMessageListener;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a capability module attaches its listeners (all of them classes of
 * {@code io.rapport.slack.listeners}): slash commands, which are remembered by name so a test can
 * check them against manifest.yml, buttons, modal submissions and events. The Bolt app behind it
 * stays in {@link SlackEdge}; the modules name no Bolt or Slack event type.
 */
public final class Routes {
  private final App app;
  private final CommandsRegistrar commands;

  Routes(App app) {
    this.app = app;
    this.commands = new CommandsRegistrar(app);
  }

  /** A slash command; registering one twice is a wiring mistake and throws. */
  public Routes command(String command, SlashCommandHandler listener) {
    commands.add(command, listener);
    return this;
  }

  /** A button (or other block element) with {@code actionId}. */
  public Routes blockAction(String actionId, BlockActionHandler listener) {
    app.blockAction(actionId, listener);
    return this;
  }

  /** Buttons whose action id matches {@code actionIds}. */
  public Routes blockAction(Pattern actionIds, BlockActionHandler listener) {
    app.blockAction(actionIds, listener);
    return this;
  }

  /** A modal submitted, by its {@code callback_id}. */
  public Routes viewSubmission(String callbackId, ViewSubmissionHandler listener) {
    app.viewSubmission(callbackId, listener);
    return this;
  }

  /** The App Home tab was opened. */
  public void appHomeOpened(AppHomeOpenedListener listener) {
    app.event(AppHomeOpenedEvent.class, listener);
  }

  /** A message in a direct conversation with Rapport. */
  public void directMessages(DirectMessageListener listener) {
    app.event(MessageEvent.class, listener);
  }

  /** The slash commands registered so far. */
  public Set<String> commandNames() {
    return commands.names();
  }
}
