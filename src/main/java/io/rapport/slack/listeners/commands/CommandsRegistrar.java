package io.rapport.slack.listeners.commands;

import com.slack.api.bolt.App;

/** Registers every slash command Rapport answers. The manifest test checks this list. */
public final class CommandsRegistrar {
  private CommandsRegistrar() {}

  public static void register(App app) {
    app.command(RelationshipHelpCommand.COMMAND, new RelationshipHelpCommand());
  }
}
