package io.rapport.slack.listeners.commands.admin;

import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.slack.listeners.commands.CommandArgs.Arg;
import io.rapport.slack.listeners.commands.UsageException;
import io.rapport.slack.views.AccountLines;
import io.rapport.slack.views.Reply;
import io.rapport.team.TeamAdministration;
import io.rapport.team.TeamAdministration.MembershipChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The built-in verbs of {@code team NAME …}: manager, members, channel and schedule. */
public final class TeamVerbs {
  /** At most this many people in one {@code members add|remove}. */
  static final int MAX_MEMBERS_AT_ONCE = 100;

  private TeamVerbs() {}

  /** The standard verbs, in the order {@code help} lists them. */
  public static List<TeamVerb> standard(TeamAdministration teams) {
    return List.of(new Manager(teams), new Members(teams), new Channel(teams), new Schedule(teams));
  }

  static String user(Arg a, String what) throws UsageException {
    return a.userId().orElseThrow(() -> new UsageException(
        "`" + AccountLines.cut(a.value(), 40) + "` is not a person: " + what + " with @, so Slack turns it into a mention."));
  }

  static String team(Team t) {
    return "*" + AccountLines.escape(t.name()) + "*";
  }

  /** {@code team NAME manager @user}. */
  static final class Manager implements TeamVerb {
    private final TeamAdministration teams;

    Manager(TeamAdministration teams) {
      this.teams = teams;
    }

    @Override
    public String word() {
      return "manager";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME manager @user");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (args.size() != 1) {
        throw new UsageException(args.isEmpty() ? "Who manages the team? Mention one person."
            : "A team has one manager; mention one person.");
      }
      String user = user(args.get(0), "name the manager");
      return (ws, team) -> {
        Team t = teams.setManager(ws, team, user);
        return Reply.text("<@" + user + "> now manages " + team(t) + ".");
      };
    }
  }

  /** {@code team NAME members add|remove @a @b…}. */
  static final class Members implements TeamVerb {
    private final TeamAdministration teams;

    Members(TeamAdministration teams) {
      this.teams = teams;
    }

    @Override
    public String word() {
      return "members";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME members add|remove @a @b…");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (args.isEmpty() || !(args.get(0).is("add") || args.get(0).is("remove"))) {
        throw new UsageException("Say `add` or `remove`, then mention the people.");
      }
      boolean add = args.get(0).is("add");
      if (args.size() < 2) {
        throw new UsageException("Mention the people to " + (add ? "add" : "remove") + ".");
      }
      if (args.size() - 1 > MAX_MEMBERS_AT_ONCE) {
        throw new UsageException("That is " + (args.size() - 1) + " people; do at most "
            + MAX_MEMBERS_AT_ONCE + " at a time.");
      }
      LinkedHashSet<String> users = new LinkedHashSet<>();
      for (Arg a : args.subList(1, args.size())) {
        users.add(user(a, "mention each member"));
      }
      List<String> people = new ArrayList<>(users);
      return (ws, team) -> {
        MembershipChange c = add ? teams.addMembers(ws, team, people) : teams.removeMembers(ws, team, people);
        StringBuilder b = new StringBuilder();
        if (!c.changed().isEmpty()) {
          b.append(add ? "Added " : "Removed ").append(mentions(c.changed())).append(add ? " to " : " from ")
              .append(team(team)).append('.');
        }
        if (!c.unchanged().isEmpty()) {
          b.append(b.length() == 0 ? "" : " ").append(mentions(c.unchanged()))
              .append(add ? (c.unchanged().size() == 1 ? " was already in " : " were already in ")
                  : (c.unchanged().size() == 1 ? " was not in " : " were not in "))
              .append(team(team)).append('.');
        }
        return Reply.text(b.toString());
      };
    }

    private static String mentions(List<String> users) {
      return users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
    }
  }

  /** {@code team NAME channel #channel}. */
  static final class Channel implements TeamVerb {
    private final TeamAdministration teams;

    Channel(TeamAdministration teams) {
      this.teams = teams;
    }

    @Override
    public String word() {
      return "channel";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME channel #channel");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (args.size() != 1) {
        throw new UsageException("Name one channel, e.g. #sales-east.");
      }
      String channel = args.get(0).channelId().orElseThrow(() -> new UsageException(
          "`" + AccountLines.cut(args.get(0).value(), 40) + "` is not a channel: pick it with #, so Slack"
              + " turns it into a link."));
      return (ws, team) -> {
        Team t = teams.setChannel(ws, team, channel);
        return Reply.text("Flags for " + team(t) + " go to <#" + channel + ">. Invite Rapport there"
            + " (`/invite @Rapport`) if it is a private channel.");
      };
    }
  }

  /** {@code team NAME schedule DAY HH:MM}. */
  static final class Schedule implements TeamVerb {
    private final TeamAdministration teams;

    Schedule(TeamAdministration teams) {
      this.teams = teams;
    }

    @Override
    public String word() {
      return "schedule";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME schedule DAY HH:MM (e.g. fri 15:00)");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (args.size() != 2) {
        throw new UsageException("Give a day and a 24-hour time, e.g. `fri 15:00`.");
      }
      WeeklySchedule schedule;
      try {
        schedule = WeeklySchedule.parse(args.get(0).value(), args.get(1).value());
      } catch (InvalidFieldException e) {
        throw new UsageException("The " + e.field() + " " + e.reason() + ".");
      }
      return (ws, team) -> {
        Team t = teams.setSchedule(ws, team, schedule);
        return Reply.text(team(t) + " checks in every " + t.schedule().display()
            + ", in each rep's own time zone.");
      };
    }
  }
}
