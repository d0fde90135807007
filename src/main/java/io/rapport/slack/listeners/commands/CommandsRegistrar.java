package io.rapport.slack.listeners.commands;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers slash commands on the {@link App} and remembers their names, so a test can check them
 * against {@code manifest.yml}.
 */
public final class CommandsRegistrar {
  private final App app;
  private final Set<String> names = new TreeSet<>();

  public CommandsRegistrar(App app) {
    this.app = app;
  }

  public CommandsRegistrar add(String command, SlashCommandHandler handler) {
    if (!names.add(command)) {
      throw new IllegalStateException(command + " is registered twice");
    }
    app.command(command, handler);
    return this;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(names);
  }
}
