package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand.Work;
import io.rapport.slack.listeners.commands.Politely;
import io.rapport.command.UsageException;
import io.rapport.slack.views.Reply;
import io.rapport.team.AdminRoster;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /relationship-admin admins [list] | add @a @b… | remove @a…}: who may run Rapport. */
public final class AdminsSubcommand implements AdminSubcommand {
  private final AdminRoster roster;

  public AdminsSubcommand(AdminRoster roster) {
    this.roster = roster;
  }

  @Override
  public String name() {
    return "admins";
  }

  @Override
  public List<String> usage() {
    return List.of("admins", "admins add|remove @a @b…");
  }

  @Override
  public Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    String ws = request.workspaceId();
    if (args.size() == 1 || (args.size() == 2 && args.get(1).is("list"))) {
      return () -> {
        AdminRoster.Admins admins = roster.list(ws);
        return Reply.text("*Admins*\n• From RAPPORT_ADMINS: " + mentions(admins.configured())
            + "\n• Named in Slack: " + mentions(admins.named()));
      };
    }
    boolean add = args.get(1).is("add");
    if (!add && !args.get(1).is("remove")) {
      throw usage("Say `add`, `remove` or `list`.");
    }
    if (args.size() < 3) {
      throw usage("Mention the people to " + (add ? "make admins" : "remove as admins") + ".");
    }
    LinkedHashSet<String> users = new LinkedHashSet<>();
    for (int i = 2; i < args.size(); i++) {
      users.add(TeamVerbs.user(args.get(i), "mention each person"));
    }
    List<String> people = new ArrayList<>(users);
    return Politely.run(() -> {
      List<String> changed = new ArrayList<>();
      List<String> unchanged = new ArrayList<>();
      for (String u : people) {
        boolean did = add ? roster.add(ws, u) : roster.remove(ws, u);
        (did ? changed : unchanged).add(u);
      }
      StringBuilder b = new StringBuilder();
      if (!changed.isEmpty()) {
        b.append(mentions(changed)).append(add ? " can now run `" + RelationshipAdminCommand.COMMAND + "`."
            : (changed.size() == 1 ? " is" : " are") + " no longer an admin.");
      }
      if (!unchanged.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(mentions(unchanged))
            .append(add ? (unchanged.size() == 1 ? " was already an admin." : " were already admins.")
                : (unchanged.size() == 1 ? " was not an admin." : " were not admins."));
      }
      return Reply.text(b.toString());
    });
  }

  private static String mentions(List<String> users) {
    return users.isEmpty() ? "nobody" : users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
  }

  private UsageException usage(String what) {
    return new UsageException(what + "\n*Usage:*\n• `" + RelationshipAdminCommand.COMMAND
        + " admins`\n• `" + RelationshipAdminCommand.COMMAND + " admins add|remove @a @b…`");
  }
}
