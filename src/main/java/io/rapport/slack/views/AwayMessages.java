package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.rapport.away.AwayPeriod;
import io.rapport.away.DateWords;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.domain.WeekWords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Everything Rapport says about away weeks and team holidays: replies, the confirmation, DMs. */
public final class AwayMessages {
  /** The confirmation button's action id; its value is "rep first last". */
  public static final String CONFIRM = "away.confirm";
  /** "Away this week" on the weekly prompt; its value is the week. */
  public static final String THIS_WEEK = "away.this_week";
  /** App Home: "I'm away…" opens the away modal. */
  public static final String OPEN = "away.open";
  /** App Home: "I'm back". */
  public static final String BACK = "away.back";
  /** The away modal (App Home). */
  public static final String MODAL = "away.modal";
  public static final String FIRST_BLOCK = "away_first";
  public static final String LAST_BLOCK = "away_last";
  public static final String CONFIRM_BLOCK = "away_confirm";
  public static final String DATE = "date";
  public static final String LONG = "long";
  /** The most weeks listed by name in one reply. */
  static final int LIST_AT_MOST = 8;

  public static final String SELF_USAGE = "*Usage:* `/checkin away until DATE`, `/checkin away DATE to DATE`"
      + " or `/checkin back`. DATE: " + DateWords.FORMS + ".";
  public static final String ADMIN_USAGE = "*Usage:* `/relationship-admin away @rep until DATE`,"
      + " `/relationship-admin away @rep DATE to DATE` or `/relationship-admin back @rep`. DATE: "
      + DateWords.FORMS + ".";

  private AwayMessages() {}

  /** A period as read: "Sun 20 Dec – Mon 4 Jan 2027". */
  public static String period(AwayPeriod p, LocalDate today) {
    int year = today.getYear();
    return p.first().equals(p.last()) ? DateWords.show(p.first(), year)
        : DateWords.show(p.first(), year) + " – " + DateWords.show(p.last(), year);
  }

  /** "this week (7–13 Dec), week of 14 Dec" — at most a few, then how many more. */
  public static String weeks(List<IsoWeek> weeks, IsoWeek current) {
    List<String> named = new ArrayList<>();
    for (int i = 0; i < weeks.size() && i < LIST_AT_MOST; i++) {
      named.add(WeekWords.relative(weeks.get(i), current));
    }
    String list = String.join(", ", named);
    return weeks.size() > LIST_AT_MOST ? list + " and " + (weeks.size() - LIST_AT_MOST) + " more" : list;
  }

  /** The answer once a period is stored; {@code rep} is null when it is the reader's own. */
  public static String marked(String rep, AwayPeriod p, List<IsoWeek> skipped, LocalDate today, IsoWeek current) {
    String who = rep == null ? "You're" : "<@" + rep + "> is";
    String head = who + " away *" + period(p, today) + "*.";
    if (skipped.isEmpty()) {
      return head + " No weekly check-in falls in that period, so none is skipped.";
    }
    String whose = rep == null ? "your" : "their";
    return head + " No check-in prompt or reminder for " + weeks(skipped, current) + " ("
        + count(skipped.size()) + "); " + (skipped.size() == 1 ? "it doesn't" : "they don't") + " count against "
        + whose + " completion. " + (rep == null ? "Back early? `/checkin back`." : "Told them by DM.");
  }

  /** The reply asking to confirm a long period, with the button that stores it. */
  public static Reply confirm(String rep, boolean self, AwayPeriod p, List<IsoWeek> skipped, LocalDate today,
      IsoWeek current) {
    String who = self ? "you" : "<@" + rep + ">";
    String text = "That's " + p.days() + " days (" + period(p, today) + "), longer than "
        + AwayPeriod.CONFIRM_AFTER_WEEKS + " weeks. I'd skip " + count(skipped.size())
        + (skipped.isEmpty() ? "" : ": " + weeks(skipped, current)) + ". Mark " + who + " away?";
    String value = rep + " " + p.first() + " " + p.last();
    List<LayoutBlock> blocks = List.of(
        section(s -> s.text(markdownText(text))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(CONFIRM).style("primary")
            .text(plainText(self ? "Yes, I'm away" : "Yes, mark them away")).value(value))))));
    return Reply.blocks(text, blocks);
  }

  public static String back(String rep, List<IsoWeek> removed, IsoWeek current) {
    String who = rep == null ? "Welcome back!" : "<@" + rep + "> is back.";
    String was = removed.isEmpty() ? (rep == null ? " You weren't marked away." : " They weren't marked away.")
        : " No longer away for " + weeks(removed, current) + ".";
    return who + was + " I'll ask about " + WeekWords.relative(current, current) + " as usual.";
  }

  /** The DM a rep gets when their manager or an admin marked them away. */
  public static String toldAway(String by, AwayPeriod p, List<IsoWeek> skipped, LocalDate today, IsoWeek current) {
    return "<@" + by + "> marked you away *" + period(p, today) + "*"
        + (skipped.isEmpty() ? "." : ": no check-in prompts for " + weeks(skipped, current) + ".")
        + " Back early? Type `/checkin back`.";
  }

  /** The DM a rep gets when someone else marked them back. */
  public static String toldBack(String by, IsoWeek current) {
    return "<@" + by + "> marked you back: I'll ask about " + WeekWords.relative(current, current) + " as usual.";
  }

  /** After "Away this week" on the prompt. */
  public static String awayThisWeek(IsoWeek week, IsoWeek current) {
    return "Got it — you're away " + WeekWords.relative(week, current) + ": no reminder, and it doesn't count"
        + " against your completion. Back early? `/checkin back`.";
  }

  public static String holidayAdded(Team team, LocalDate day, boolean onSchedule, LocalDate movedTo,
      LocalDate today) {
    String name = "*" + SlackText.escape(team.name()) + "*";
    String d = DateWords.show(day, today.getYear());
    if (!onSchedule) {
      return d + " is a holiday for " + name + ". It isn't the team's check-in day ("
          + team.schedule().display() + "), so no prompt moves.";
    }
    return d + " is a holiday for " + name + ": that week's check-in moves to "
        + DateWords.show(movedTo, today.getYear()) + ", " + team.schedule().time() + ".";
  }

  public static String holidayRemoved(Team team, LocalDate day, boolean existed, LocalDate today) {
    String name = "*" + SlackText.escape(team.name()) + "*";
    return existed ? DateWords.show(day, today.getYear()) + " is no longer a holiday for " + name + "."
        : DateWords.show(day, today.getYear()) + " was not a holiday for " + name + "; nothing changed.";
  }

  public static String holidays(Team team, List<LocalDate> days, LocalDate today) {
    String name = "*" + SlackText.escape(team.name()) + "*";
    if (days.isEmpty()) {
      return name + " has no holidays ahead.";
    }
    return "Holidays ahead for " + name + ": "
        + String.join(", ", days.stream().map(d -> DateWords.show(d, today.getYear())).toList()) + ".";
  }

  public static String statusSetting(Team team, boolean on) {
    String name = "*" + SlackText.escape(team.name()) + "*";
    return on ? "For " + name + ", a holiday status in Slack (e.g. :palm_tree: or \"OOO\" with an end date)"
        + " now counts as away." : "For " + name + ", Slack status no longer counts as away; only `/checkin away`"
        + " does.";
  }

  /** The App Home section: the rep's away weeks ahead with "I'm back", or "I'm away…". */
  public static List<LayoutBlock> home(List<IsoWeek> awayWeeks, LocalDate lastDay, LocalDate today, IsoWeek current) {
    if (awayWeeks.isEmpty()) {
      String text = "Going on holiday? Tell Rapport and your check-ins pause while you're away.";
      return List.of(section(s -> s.text(markdownText(text)).accessory(
          button(b -> b.actionId(OPEN).text(plainText("I'm away…")).value("open")))));
    }
    String text = ":palm_tree: You're away until *" + DateWords.show(lastDay, today.getYear())
        + "*: no check-in prompts for " + weeks(awayWeeks, current) + ".";
    return List.of(section(s -> s.text(markdownText(text)).accessory(
        button(b -> b.actionId(BACK).text(plainText("I'm back")).value("back")))));
  }

  /** The modal App Home's "I'm away…" opens. */
  public static com.slack.api.model.view.View modal(LocalDate today) {
    return com.slack.api.model.view.Views.view(v -> v.type("modal").callbackId(MODAL)
        .title(com.slack.api.model.view.Views.viewTitle(t -> t.type("plain_text").text("I'm away")))
        .submit(com.slack.api.model.view.Views.viewSubmit(t -> t.type("plain_text").text("Save")))
        .close(com.slack.api.model.view.Views.viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(List.of(
            com.slack.api.model.block.Blocks.input(i -> i.blockId(FIRST_BLOCK).label(plainText("First day away"))
                .element(com.slack.api.model.block.element.BlockElements.datePicker(
                    d -> d.actionId(DATE).initialDate(today.toString())))),
            com.slack.api.model.block.Blocks.input(i -> i.blockId(LAST_BLOCK).label(plainText("Last day away"))
                .hint(plainText("No check-in prompt or reminder in the weeks whose check-in day falls in"
                    + " between; they don't count against your completion."))
                .element(com.slack.api.model.block.element.BlockElements.datePicker(
                    d -> d.actionId(DATE).initialDate(today.plusDays(7).toString())))),
            com.slack.api.model.block.Blocks.input(i -> i.blockId(CONFIRM_BLOCK).optional(true)
                .label(plainText("Longer than " + AwayPeriod.CONFIRM_AFTER_WEEKS + " weeks?"))
                .element(com.slack.api.model.block.element.BlockElements.checkboxes(c -> c.actionId(LONG)
                    .options(List.of(com.slack.api.model.block.composition.BlockCompositions.option(
                        plainText("Yes, I'm away that long"), "yes")))))))));
  }

  /** The modal's error when a long period is not confirmed. */
  public static String confirmInModal(AwayPeriod p) {
    return "That's " + p.days() + " days, longer than " + AwayPeriod.CONFIRM_AFTER_WEEKS
        + " weeks: tick the box below to confirm.";
  }

  private static String count(int weeks) {
    return weeks == 1 ? "1 weekly check-in" : weeks + " weekly check-ins";
  }
}
