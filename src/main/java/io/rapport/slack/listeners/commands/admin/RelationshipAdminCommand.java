package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.views.SlackText;
import io.rapport.slack.AfterAck;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.command.UsageException;
import io.rapport.slack.views.Reply;
import io.rapport.team.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /relationship-admin}: routes to the subcommand named by the first word. Only admins may
 * run it (and managers the few subcommands that say {@link AdminSubcommand#managersToo()}); others
 * get a polite refusal and nothing changes.
 */
public final class RelationshipAdminCommand extends DeferredCommand {
  public static final String COMMAND = "/relationship-admin";

  private final Access access;
  private final Map<String, AdminSubcommand> subcommands = new LinkedHashMap<>();

  public RelationshipAdminCommand(AfterAck afterAck, Access access, List<AdminSubcommand> subcommands) {
    super(afterAck);
    this.access = access;
    subcommands.forEach(s -> this.subcommands.put(s.name(), s));
  }

  @Override
  protected Work plan(CommandRequest request) throws UsageException {
    if (request.args().isEmpty() || request.args().get(0).is("help")) {
      return guarded(request, () -> Reply.text(io.rapport.slack.views.AdminGuideView.withReference(help())));
    }
    String word = request.args().get(0).value().toLowerCase(Locale.ROOT);
    AdminSubcommand sub = subcommands.get(word);
    if (sub == null || request.args().get(0).quoted()) {
      throw new UsageException("I don't know `" + COMMAND + " " + SlackText.escape(abbreviate(request.args().get(0).value()))
          + "`.\n" + help());
    }
    return guarded(request, sub.plan(request), sub.managersToo());
  }

  private Work guarded(CommandRequest request, Work work) {
    return guarded(request, work, false);
  }

  private Work guarded(CommandRequest request, Work work, boolean managersToo) {
    return () -> {
      if (!access.isAdmin(request.workspaceId(), request.userId())
          && !(managersToo && !access.managedTeams(request.workspaceId(), request.userId()).isEmpty())) {
        return Reply.text("Sorry, `" + COMMAND + "` is for Rapport's admins. Ask one of them to set"
            + " this up or to make you an admin: " + access.adminMentions(request.workspaceId()) + ".");
      }
      return work.run();
    };
  }

  /** The usage of every subcommand. */
  public String help() {
    StringBuilder b = new StringBuilder("*Usage:*\n");
    for (AdminSubcommand sub : subcommands.values()) {
      for (String line : sub.usage()) {
        b.append("• `").append(COMMAND).append(' ').append(line).append("`\n");
      }
    }
    b.append("• `").append(COMMAND).append(" help`");
    return b.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
