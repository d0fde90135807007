package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.views.SlackText;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand.Work;
import io.rapport.command.UsageException;
import io.rapport.slack.views.AccountLines;
import io.rapport.slack.views.Reply;
import io.rapport.team.TeamAdministration;
import io.rapport.team.TeamAdministration.TeamWithMembers;
import java.util.List;

/** {@code /relationship-admin teams}: every team with its manager, members, channel and schedule. */
public final class TeamsSubcommand implements AdminSubcommand {
  static final int MAX_CHARS = 2800;

  private final TeamAdministration teams;

  public TeamsSubcommand(TeamAdministration teams) {
    this.teams = teams;
  }

  @Override
  public String name() {
    return "teams";
  }

  @Override
  public List<String> usage() {
    return List.of("teams");
  }

  @Override
  public Work plan(CommandRequest request) throws UsageException {
    if (request.args().size() > 1) {
      throw new UsageException("`teams` takes nothing after it; it lists every team.\n*Usage:* `"
          + RelationshipAdminCommand.COMMAND + " teams`");
    }
    String ws = request.workspaceId();
    return () -> {
      List<TeamWithMembers> all = teams.list(ws);
      if (all.isEmpty()) {
        return Reply.text("No teams yet. Create one with `" + RelationshipAdminCommand.COMMAND
            + " team create NAME`.");
      }
      StringBuilder b = new StringBuilder("*Teams* (" + all.size() + ")");
      int shown = 0;
      for (TeamWithMembers t : all) {
        String line = "\n• *" + SlackText.escape(t.team().name()) + "* — manager "
            + t.team().managerId().map(m -> "<@" + m + ">").orElse("not set")
            + " · " + t.members().size() + (t.members().size() == 1 ? " member" : " members")
            + " · channel " + t.team().channelId().map(c -> "<#" + c + ">").orElse("not set")
            + " · " + t.team().schedule().display() + (t.team().paused() ? " · paused" : "");
        if (b.length() + line.length() > MAX_CHARS) {
          b.append("\n…and ").append(all.size() - shown).append(" more.");
          break;
        }
        b.append(line);
        shown++;
      }
      return Reply.text(b.toString());
    };
  }
}
