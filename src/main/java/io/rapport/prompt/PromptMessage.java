package io.rapport.prompt;

import io.rapport.slack.views.SlackText;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weekly prompt DM and its later states, written for a sales rep — all of the copy of this
 * surface lives here. Built with the SDK's typed Block Kit builders and kept within Slack's limits
 * whatever the number of accounts (at most {@link #MAX_BUTTONS} get their own button; the rest are
 * named in one summary line, itself capped).
 */
public final class PromptMessage {
  /** Action ids this message carries (the check-in button is handled by the check-in capability). */
  public static final String CHECK_IN = "checkin.open";
  public static final String NOTHING_TO_REPORT = "prompt.nothing_to_report";
  public static final String SNOOZE = "prompt.snooze";
  /** The {@code metadata.event_type} of every prompt Rapport posts; the payload holds the prompt key. */
  public static final String EVENT_TYPE = "rapport_prompt";
  /** The first block's id starts with this and ends with the prompt key (a second way to recognise it). */
  public static final String BLOCK_ID_PREFIX = "rapport_prompt:";

  static final int MAX_BUTTONS = 40;
  private static final int MAX_SECTION_TEXT = 2900;
  private static final int MAX_BUTTON_TEXT = 75;

  private PromptMessage() {}

  /** The notification text (also what screen readers and old clients show). */
  public static String text(PromptKind kind, IsoWeek week, List<Account> due) {
    String accounts = due.size() == 1 ? "1 key account" : due.size() + " key accounts";
    return switch (kind) {
      case WEEKLY -> "Weekly check-in for " + week + ": " + accounts + " to go.";
      case REMINDER -> "Reminder: " + accounts + " still open for " + week + ".";
      case SNOOZE -> "As promised, back again: " + accounts + " still open for " + week + ".";
    };
  }

  /** The prompt: one line, a Check in button per due account, Nothing to report, Snooze. */
  public static List<LayoutBlock> prompt(String key, PromptKind kind, IsoWeek week, List<Account> due) {
    String intro = switch (kind) {
      case WEEKLY -> "Hi! It's time for your weekly check-in (" + week + "). A minute per account is"
          + " enough — how did things go with these key accounts this week?";
      case REMINDER -> "A friendly reminder: these key accounts are still open for " + week
          + ". It only takes a minute each.";
      case SNOOZE -> "Good morning! You snoozed your check-in yesterday — these key accounts are"
          + " still open for " + week + ".";
    };
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.blockId(BLOCK_ID_PREFIX + key).text(markdownText(intro))));
    blocks.addAll(accountLines(due));
    blocks.add(actions(a -> a.blockId("prompt_actions").elements(List.of(
        button(b -> b.actionId(NOTHING_TO_REPORT).text(plainText("Nothing to report")).value(week.toString())),
        button(b -> b.actionId(SNOOZE).text(plainText("Snooze to tomorrow")).value(week.toString())),
        button(b -> b.actionId(io.rapport.slack.views.AwayMessages.THIS_WEEK).text(plainText("Away this week"))
            .value(week.toString()))))));
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "_Nothing to report_ records a quiet week for all of them. You can also type `/checkin`"
            + " followed by an account name at any time.")))));
    return blocks;
  }

  /** After "Snooze to tomorrow": the buttons stay, so the rep can still check in today. */
  public static List<LayoutBlock> snoozed(IsoWeek week, List<Account> due) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(
        ":zzz: Snoozed — I'll ask again tomorrow about " + week + ". Want to do one now anyway?"))));
    blocks.addAll(accountLines(due));
    return blocks;
  }

  public static String snoozedText(IsoWeek week) {
    return "Snoozed: I'll ask again tomorrow about " + week + ".";
  }

  /** A snooze pressed for a week that has a snooze already, or has ended. */
  public static String alreadySnoozed(IsoWeek week) {
    return "You've already snoozed " + week + " once — I'll be back tomorrow as promised.";
  }

  public static String tooOld(IsoWeek week) {
    return week + " is too long ago to answer from here; use `/checkin` to add a late check-in.";
  }

  public static String weekOver(IsoWeek week) {
    return week + " is over, so there's nothing to snooze. You'll hear from me at this week's check-in.";
  }

  /** A message reduced to one line (all done, nothing to report), without buttons. */
  public static List<LayoutBlock> note(String markdown) {
    return List.of(section(s -> s.text(markdownText(markdown))));
  }

  public static String allDoneText(IsoWeek week) {
    return ":white_check_mark: All done for " + week + " — thank you! See you next week.";
  }

  /** After "Nothing to report". */
  public static String nothingToReportText(IsoWeek week, int recorded) {
    if (recorded == 0) {
      return "Everything for " + week + " was already answered — nothing more to do. Thank you!";
    }
    return ":white_check_mark: Noted: nothing to report for " + (recorded == 1 ? "1 account" : recorded + " accounts")
        + " in " + week + ". Have a good weekend!";
  }

  /** The metadata that lets Rapport find its own message again after a crash. */
  public static Message.Metadata metadata(String key) {
    return new Message.Metadata(EVENT_TYPE, Map.of("key", key));
  }

  private static List<LayoutBlock> accountLines(List<Account> due) {
    List<LayoutBlock> blocks = new ArrayList<>();
    int shown = Math.min(due.size(), due.size() > MAX_BUTTONS ? MAX_BUTTONS - 1 : MAX_BUTTONS);
    for (int i = 0; i < shown; i++) {
      Account a = due.get(i);
      blocks.add(section(s -> s.text(markdownText("*" + SlackText.escape(a.name()) + "*"))
          .accessory(button(b -> b.actionId(CHECK_IN).text(plainText(truncate("Check in", MAX_BUTTON_TEXT)))
              .value(a.id())))));
    }
    if (due.size() > shown) {
      StringBuilder rest = new StringBuilder("…and " + (due.size() - shown) + " more: ");
      int listed = 0;
      for (int i = shown; i < due.size(); i++) {
        String name = SlackText.escape(due.get(i).name());
        if (rest.length() + name.length() + 40 > MAX_SECTION_TEXT) {
          break;
        }
        rest.append(listed == 0 ? "" : ", ").append(name);
        listed++;
      }
      int unlisted = due.size() - shown - listed;
      if (unlisted > 0) {
        rest.append(" and ").append(unlisted).append(" others");
      }
      rest.append(". Use `/checkin NAME` for these.");
      String text = rest.toString();
      blocks.add(section(s -> s.text(markdownText(text))));
    }
    return blocks;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
