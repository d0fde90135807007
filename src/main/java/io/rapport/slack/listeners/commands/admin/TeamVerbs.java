package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.slack.views.SlackText;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.slack.ChannelAccess;
import io.rapport.slack.ChannelAccess.Verdict;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.command.UsageException;
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
  public static List<TeamVerb> standard(TeamAdministration teams, ChannelAccess channels) {
    return List.of(new Manager(teams), new Members(teams), new Channel(teams, channels), new Schedule(teams));
  }

  static String user(Arg a, String what) throws UsageException {
    return a.userId().orElseThrow(() -> new UsageException(
        "`" + SlackText.escape(AccountLines.cut(a.value(), 40)) + "` is not a person: " + what + " with @, so Slack turns it into a mention."));
  }

  static String team(Team t) {
    return "*" + SlackText.escape(t.name()) + "*";
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

  /**
   * {@code team NAME channel #channel}: asks Slack whether Rapport can post there first; a channel
   * it cannot post in is not set, and the answer says exactly what to do.
   */
  static final class Channel implements TeamVerb {
    private final TeamAdministration teams;
    private final ChannelAccess channels;

    Channel(TeamAdministration teams, ChannelAccess channels) {
      this.teams = teams;
      this.channels = channels;
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
          "`" + SlackText.escape(AccountLines.cut(args.get(0).value(), 40)) + "` is not a channel: pick it with #, so Slack"
              + " turns it into a link."));
      return (ws, team) -> {
        Verdict verdict = channels.check(channel);
        String link = "<#" + channel + ">";
        String again = "then set it again: `/relationship-admin team " + SlackText.escape(team.name())
            + " channel #…`. Nothing changed.";
        switch (verdict) {
          case PUBLIC_NOT_INVITED -> {
            return Reply.text("Rapport cannot post in " + link + " yet: it is not in that channel, and this"
                + " installation lacks the `chat:write.public` permission that lets it post in public channels"
                + " without an invite. Type `/invite @Rapport` in " + link + " (or reinstall the app with"
                + " manifest.yml's scopes), " + again);
          }
          case PRIVATE_NOT_INVITED -> {
            return Reply.text("Rapport cannot post in " + link + ": it is a private channel Rapport has not"
                + " been invited to. Type `/invite @Rapport` in " + link + ", " + again);
          }
          case ARCHIVED -> {
            return Reply.text(link + " is archived, so nobody can post there. Pick a channel in use, or"
                + " unarchive it, " + again);
          }
          default -> { }
        }
        Team t = teams.setChannel(ws, team, channel);
        String flags = "Flags for " + team(t) + " go to " + link + ". ";
        return Reply.text(flags + switch (verdict) {
          case MEMBER -> "Rapport is in that channel and can post there.";
          case PUBLIC_WITHOUT_INVITE -> "It is a public channel, so Rapport can post there without an invite.";
          case CANNOT_CHECK_SCOPE -> "Rapport could not check that it can post there: its token lacks"
              + " `channels:read`/`groups:read`; reinstall the app with manifest.yml's scopes. If it is a"
              + " private channel, type `/invite @Rapport` in it.";
          default -> "Slack did not answer when Rapport checked it can post there. If it is a private"
              + " channel, type `/invite @Rapport` in it; set the channel again later to check.";
        });
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
