package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.listeners.commands.AwayCommands;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.command.UsageException;
import java.util.List;

/**
 * {@code /relationship-admin away @rep until DATE} (or {@code DATE to DATE}) and
 * {@code /relationship-admin back @rep}: a manager for the reps of their own teams, an admin for
 * anyone. The rep is told by DM.
 */
public final class AwaySubcommand implements AdminSubcommand {
  private final String word;
  private final AwayCommands commands;

  private AwaySubcommand(String word, AwayCommands commands) {
    this.word = word;
    this.commands = commands;
  }

  public static AwaySubcommand away(AwayCommands commands) {
    return new AwaySubcommand("away", commands);
  }

  public static AwaySubcommand back(AwayCommands commands) {
    return new AwaySubcommand("back", commands);
  }

  @Override
  public String name() {
    return word;
  }

  @Override
  public List<String> usage() {
    return word.equals("away") ? List.of("away @rep until DATE", "away @rep DATE to DATE") : List.of("back @rep");
  }

  @Override
  public boolean managersToo() {
    return true;
  }

  @Override
  public DeferredCommand.Work plan(CommandRequest request) throws UsageException {
    return commands.forOther(request);
  }
}
