package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.command.UsageException;
import java.util.List;

/**
 * One subcommand of {@code /relationship-admin}, chosen by its first word ({@link #name()}).
 * Capabilities add their own (teams, prompts, policy) without touching the router.
 */
public interface AdminSubcommand {
  /** The first word that selects it, e.g. {@code "team"} or {@code "prompt-now"}. */
  String name();

  /** Its usage lines for {@code /relationship-admin help}, e.g. {@code "prompt-now [team NAME]"}. */
  List<String> usage();

  /**
   * Checks the arguments without I/O ({@code request.args()} still holds the subcommand word at
   * index 0) and returns the work to run after the ack. The caller has not yet checked that the
   * user is an admin: the router does that inside the work, before running it.
   */
  DeferredCommand.Work plan(CommandRequest request) throws UsageException;

  /**
   * True when a team's manager may run it too (not only admins); the subcommand then checks in its
   * work that the manager acts on their own teams only.
   */
  default boolean managersToo() {
    return false;
  }
}
