package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.domain.Team;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.command.UsageException;
import io.rapport.slack.views.Reply;
import java.util.List;

/**
 * One verb of {@code /relationship-admin team NAME <verb> …} ({@code manager}, {@code members},
 * {@code channel}, {@code schedule}; another capability may add e.g. {@code policy}). The router
 * {@link TeamSubcommand} finds the verb, checks admin rights and resolves the team; the verb only
 * checks its own arguments and does its change.
 */
public interface TeamVerb {
  /** The word that selects it, e.g. {@code "manager"}. */
  String word();

  /** Its usage lines without the command, e.g. {@code "team NAME manager @user"}. */
  List<String> usage();

  /**
   * Checks the arguments after the verb without I/O and returns the change to make on the team
   * once it is found (after the ack).
   */
  Change plan(List<Arg> args) throws UsageException;

  /** What a verb does to a team, after the ack; returns the answer to show. */
  @FunctionalInterface
  interface Change {
    Reply apply(String workspaceId, Team team) throws UsageException;
  }
}
