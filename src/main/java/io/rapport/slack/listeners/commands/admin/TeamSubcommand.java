package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.views.SlackText;
import io.rapport.domain.Team;
import io.rapport.command.CommandArgs;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand.Work;
import io.rapport.slack.listeners.commands.Politely;
import io.rapport.command.UsageException;
import io.rapport.slack.views.AccountLines;
import io.rapport.slack.views.Reply;
import io.rapport.team.TeamAdministration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /relationship-admin team create NAME} and {@code team NAME <verb> …}. The team name is
 * everything between {@code team} and the first verb word, so {@code team Sales East manager @ann}
 * needs no quotes (quotes work too, and are how to name a team after a verb word). The verbs are a
 * list of {@link TeamVerb}s handed in by {@code Rapport}, so adding one needs no change here.
 */
public final class TeamSubcommand implements AdminSubcommand {
  static final String CREATE = "team create NAME";

  private final TeamAdministration teams;
  private final Map<String, TeamVerb> verbs = new LinkedHashMap<>();

  public TeamSubcommand(TeamAdministration teams, List<TeamVerb> verbs) {
    this.teams = teams;
    for (TeamVerb v : verbs) {
      String word = v.word().toLowerCase(Locale.ROOT);
      if (word.equals("create") || this.verbs.put(word, v) != null) {
        throw new IllegalArgumentException("team verb '" + word + "' is defined twice");
      }
    }
  }

  @Override
  public String name() {
    return "team";
  }

  @Override
  public List<String> usage() {
    List<String> lines = new ArrayList<>();
    lines.add(CREATE);
    verbs.values().forEach(v -> lines.addAll(v.usage()));
    return lines;
  }

  @Override
  public Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    String ws = request.workspaceId();
    if (args.size() < 2) {
      throw usage("Which team, and what should I do with it?");
    }
    if (args.get(1).is("create")) {
      String name = args.rest(2);
      if (name.isBlank()) {
        throw usage("`team create` needs the new team's name.");
      }
      if (name.length() > Team.MAX_NAME_LENGTH) {
        throw usage("That team name is " + name.length() + " characters long; keep it under "
            + Team.MAX_NAME_LENGTH + ".");
      }
      if (name.contains("<@") || name.contains("<#") || name.contains("<!")) {
        throw usage("A team name can't contain a mention. Create the team first, then name its manager"
            + " and members.");
      }
      return Politely.run(() -> {
        Team team = teams.create(ws, name);
        return Reply.text("Created team *" + SlackText.escape(team.name()) + "* (check-ins "
            + team.schedule().display() + " in each rep's time zone). Next: `/relationship-admin team \""
            + SlackText.escape(team.name()) + "\" manager @user`, `… members add @a @b`, `… channel #channel`.");
      });
    }
    int verbAt = -1;
    for (int i = 2; i < args.size(); i++) {
      if (!args.get(i).quoted() && verbs.containsKey(args.get(i).value().toLowerCase(Locale.ROOT))) {
        verbAt = i;
        break;
      }
    }
    if (verbAt < 0) {
      throw usage("Say what to do with the team: " + String.join(", ", verbs.keySet()) + ".");
    }
    String name = teamName(args, 1, verbAt);
    TeamVerb verb = verbs.get(args.get(verbAt).value().toLowerCase(Locale.ROOT));
    TeamVerb.Change change;
    try {
      change = verb.plan(args.all().subList(verbAt + 1, args.size()));
    } catch (UsageException e) {
      throw new UsageException(e.getMessage() + "\n*Usage:* " + lines(verb.usage()));
    }
    return Politely.run(() -> change.apply(ws, teams.find(ws, name)));
  }

  private String teamName(CommandArgs args, int from, int to) throws UsageException {
    if (to - from == 1) {
      return args.get(from).value();
    }
    for (int i = from; i < to; i++) {
      if (args.get(i).quoted()) {
        throw usage("Put the whole team name in one pair of quotes, e.g. `team \"Sales East\" manager @ann`.");
      }
    }
    Arg last = args.get(to - 1);
    return args.text().substring(args.get(from).start(), last.start() + last.value().length());
  }

  private UsageException usage(String what) {
    return new UsageException(what + "\n*Usage:*\n" + lines(usage()));
  }

  private static String lines(List<String> usage) {
    StringBuilder b = new StringBuilder();
    for (String line : usage) {
      b.append(b.length() == 0 ? "" : "\n").append("• `").append(RelationshipAdminCommand.COMMAND).append(' ')
          .append(line).append('`');
    }
    return b.toString();
  }
}
