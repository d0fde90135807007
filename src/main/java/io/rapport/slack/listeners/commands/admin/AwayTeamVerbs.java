package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.away.AwayService;
import io.rapport.away.DateWords;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.PromptDays;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.command.UsageException;
import io.rapport.slack.views.AwayMessages;
import io.rapport.slack.views.Reply;
import io.rapport.slack.views.SlackText;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The team verbs of away weeks: {@code team NAME holiday DATE}, {@code team NAME holiday remove
 * DATE}, {@code team NAME holidays}, and {@code team NAME away-status on|off} (whether a holiday
 * status in Slack counts as away for the team's reps).
 */
public final class AwayTeamVerbs {
  private AwayTeamVerbs() {}

  public static List<TeamVerb> all(AwayService away) {
    return List.of(new Holiday(away), new Holidays(away), new AwayStatus(away));
  }

  /** {@code team NAME holiday [remove] DATE}. */
  static final class Holiday implements TeamVerb {
    private final AwayService away;

    Holiday(AwayService away) {
      this.away = away;
    }

    @Override
    public String word() {
      return "holiday";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME holiday DATE (e.g. 2026-12-25)", "team NAME holiday remove DATE");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      boolean remove = !args.isEmpty() && args.get(0).is("remove");
      List<Arg> dateArgs = remove ? args.subList(1, args.size()) : args;
      if (dateArgs.isEmpty()) {
        throw new UsageException("Which day? Write it as " + DateWords.FORMS + ".");
      }
      String text = dateArgs.stream().map(Arg::value).collect(Collectors.joining(" "));
      return (ws, team) -> {
        LocalDate today = away.today();
        Optional<LocalDate> parsed = DateWords.parse(text, today);
        if (parsed.isEmpty()) {
          throw new UsageException("I can't read `" + SlackText.escapeShortened(text, 40) + "` as a date; write it as "
              + DateWords.FORMS + ".");
        }
        LocalDate day = parsed.get();
        if (remove) {
          return Reply.text(AwayMessages.holidayRemoved(team, day, away.removeHoliday(ws, team, day), today));
        }
        if (day.isBefore(today)) {
          throw new UsageException(DateWords.show(day, today.getYear()) + " is in the past; a holiday has to be"
              + " today or later.");
        }
        away.addHoliday(ws, team, day);
        IsoWeek week = IsoWeek.of(day);
        boolean onSchedule = week.day(team.schedule().day()).equals(day);
        Set<LocalDate> holidays = new HashSet<>(away.holidays(ws, team, week.monday()));
        LocalDate movedTo = PromptDays.of(team.schedule(), week, holidays);
        return Reply.text(AwayMessages.holidayAdded(team, day, onSchedule, movedTo, today));
      };
    }
  }

  /** {@code team NAME holidays}: the holidays ahead. */
  static final class Holidays implements TeamVerb {
    private final AwayService away;

    Holidays(AwayService away) {
      this.away = away;
    }

    @Override
    public String word() {
      return "holidays";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME holidays");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (!args.isEmpty()) {
        throw new UsageException("`holidays` lists the team's holidays and takes nothing more.");
      }
      return (ws, team) -> Reply.text(AwayMessages.holidays(team, away.holidays(ws, team, away.today()), away.today()));
    }
  }

  /** {@code team NAME away-status on|off}. */
  static final class AwayStatus implements TeamVerb {
    private final AwayService away;

    AwayStatus(AwayService away) {
      this.away = away;
    }

    @Override
    public String word() {
      return "away-status";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME away-status on|off (a holiday status in Slack counts as away; on by default)");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (args.size() != 1 || !(args.get(0).is("on") || args.get(0).is("off"))) {
        throw new UsageException("Say `on` or `off`.");
      }
      boolean on = args.get(0).is("on");
      return (ws, team) -> {
        away.setReadStatus(ws, team, on);
        return Reply.text(AwayMessages.statusSetting(team, on));
      };
    }
  }
}
