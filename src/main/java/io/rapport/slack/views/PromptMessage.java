package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.prompt.PromptKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The weekly prompt DM and its later states, written for a sales rep — all of the copy of this
 * surface lives here. One message per prompt, kept current in place ({@code chat.update}) as the
 * rep answers: accounts done ✓, still due (with their Check in button), snoozed, all done. Texts
 * fit the rep's day (no "have a good weekend" on a Tuesday) and name weeks in words. Built with the
 * SDK's typed Block Kit builders and kept within Slack's limits whatever the number of accounts (at
 * most {@link #MAX_BUTTONS} get their own button; the rest are named in one summary line, itself
 * capped).
 */
public final class PromptMessage {
  /** Action ids this message carries (the check-in button is handled by the check-in capability). */
  public static final String CHECK_IN = "checkin.open";
  public static final String NOTHING_TO_REPORT = "prompt.nothing_to_report";
  public static final String SNOOZE = "prompt.snooze";
  /** The block id of the prompt's own buttons; another capability may add one (e.g. "Away this week"). */
  public static final String ACTIONS_BLOCK = "prompt_actions";
  /** The first block's id starts with this and ends with the prompt key (a second way to recognise it). */
  public static final String BLOCK_ID_PREFIX = "rapport_prompt:";

  public static final int MAX_BUTTONS = 40;
  private static final int MAX_SECTION_TEXT = 2900;

  private PromptMessage() {}

  /**
   * Where a prompt stands: the accounts it asks about, which of them are answered, whether the
   * rep snoozed it, and the rep's own date today (for copy that fits the day).
   */
  public record State(String key, PromptKind kind, IsoWeek week, List<Account> accounts, Set<String> answered,
      boolean snoozed, LocalDate today) {

    public List<Account> due() {
      return accounts.stream().filter(a -> !answered.contains(a.id())).toList();
    }

    public List<Account> done() {
      return accounts.stream().filter(a -> answered.contains(a.id())).toList();
    }

    IsoWeek current() {
      return today == null ? week : IsoWeek.of(today);
    }
  }

  /** The week in words for the rep reading it: "this week (23–29 Nov)". */
  public static String words(IsoWeek week, LocalDate today) {
    return WeekWords.relative(week, today == null ? week : IsoWeek.of(today));
  }

  /** A closing that fits the rep's day. */
  public static String closing(LocalDate today) {
    if (today == null) {
      return "Thank you!";
    }
    DayOfWeek d = today.getDayOfWeek();
    return switch (d) {
      case FRIDAY -> "Thank you, and have a good weekend!";
      case SATURDAY, SUNDAY -> "Thank you, and enjoy the rest of your weekend!";
      case MONDAY -> "Thank you, and have a good week!";
      default -> "Thank you, and have a good rest of the week!";
    };
  }

  /** The notification text (also what screen readers and old clients show). */
  public static String text(PromptKind kind, IsoWeek week, List<Account> due) {
    return text(kind, week, due, null);
  }

  public static String text(PromptKind kind, IsoWeek week, List<Account> due, LocalDate today) {
    String accounts = due.size() == 1 ? "1 key account" : due.size() + " key accounts";
    String w = words(week, today);
    return switch (kind) {
      case WEEKLY -> "Weekly check-in for " + w + ": " + accounts + " to go.";
      case REMINDER -> "Reminder: " + accounts + " still open for " + w + ".";
      case SNOOZE -> "As promised, back again: " + accounts + " still open for " + w + ".";
    };
  }

  /** The prompt as first posted: every account due. */
  public static List<LayoutBlock> prompt(String key, PromptKind kind, IsoWeek week, List<Account> due) {
    return prompt(key, kind, week, due, null);
  }

  public static List<LayoutBlock> prompt(String key, PromptKind kind, IsoWeek week, List<Account> due,
      LocalDate today) {
    return blocks(new State(key, kind, week, due, Set.of(), false, today));
  }

  /** The fallback text of a prompt in {@code state}. */
  public static String text(State state) {
    List<Account> due = state.due();
    if (due.isEmpty()) {
      return allDoneText(state.week(), state.today());
    }
    if (state.snoozed()) {
      return snoozedText(state.week(), state.today());
    }
    if (state.done().isEmpty()) {
      return text(state.kind(), state.week(), due, state.today());
    }
    return state.done().size() + " done, " + (due.size() == 1 ? "1 key account" : due.size() + " key accounts")
        + " still due for " + words(state.week(), state.today()) + ".";
  }

  /**
   * The message for {@code state}: one line, a Check in button per account still due, the
   * accounts already done, and the prompt's own buttons while anything is due.
   */
  public static List<LayoutBlock> blocks(State state) {
    String key = state.key();
    List<Account> due = state.due();
    List<Account> done = state.done();
    String w = words(state.week(), state.today());
    List<LayoutBlock> blocks = new ArrayList<>();
    if (due.isEmpty()) {
      String all = allDoneText(state.week(), state.today());
      blocks.add(section(s -> s.blockId(BLOCK_ID_PREFIX + key).text(markdownText(all))));
      if (!done.isEmpty()) {
        blocks.add(doneLine(done));
      }
      return blocks;
    }
    String intro;
    if (state.snoozed()) {
      intro = ":zzz: Snoozed — I'll ask again tomorrow about " + w + ". Want to do one now anyway?";
    } else if (!done.isEmpty()) {
      intro = "Thanks — " + done.size() + " done. Still due for " + w + ":";
    } else {
      intro = switch (state.kind()) {
        case WEEKLY -> "Hi! It's time for your weekly check-in for " + w + ". How did things go with these key"
            + " accounts? Pressing *Check in* takes you through them one after another.";
        case REMINDER -> "A friendly reminder: these key accounts are still open for " + w + ".";
        case SNOOZE -> "Hi again! You snoozed your check-in yesterday — these key accounts are still open for "
            + w + ".";
      };
    }
    String first = intro;
    blocks.add(section(s -> s.blockId(BLOCK_ID_PREFIX + key).text(markdownText(first))));
    blocks.addAll(accountLines(due));
    if (!done.isEmpty()) {
      blocks.add(doneLine(done));
    }
    List<BlockElement> buttons = new ArrayList<>();
    buttons.add(button(b -> b.actionId(NOTHING_TO_REPORT).text(plainText("Nothing to report"))
        .value(state.week().toString())));
    if (!state.snoozed()) {
      buttons.add(button(b -> b.actionId(SNOOZE).text(plainText("Snooze to tomorrow")).value(state.week().toString())));
    }
    buttons.add(button(b -> b.actionId(io.rapport.slack.views.AwayMessages.THIS_WEEK).text(plainText("Away this week"))
        .value(state.week().toString())));
    blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "_Nothing to report_ records a quiet week (no contact) for " + (due.size() == 1 ? "this account" : "all of them")
            + ". You can also type `/checkin` followed by an account name at any time.")))));
    return blocks;
  }

  /** After "Snooze to tomorrow": the buttons stay, so the rep can still check in today. */
  public static List<LayoutBlock> snoozed(IsoWeek week, List<Account> due) {
    return blocks(new State("", PromptKind.WEEKLY, week, due, Set.of(), true, null));
  }

  public static String snoozedText(IsoWeek week) {
    return snoozedText(week, null);
  }

  public static String snoozedText(IsoWeek week, LocalDate today) {
    return "Snoozed: I'll ask again tomorrow about " + words(week, today) + ".";
  }

  /** A snooze pressed for a week that has a snooze already. */
  public static String alreadySnoozed(IsoWeek week, LocalDate today) {
    return "You've already snoozed " + words(week, today) + " once — I'll be back tomorrow as promised.";
  }

  /** A snooze pressed when every account of the week is answered: nothing to snooze. */
  public static String nothingToSnooze(IsoWeek week, LocalDate today) {
    return "Everything for " + words(week, today) + " is already answered, so there's nothing to snooze. "
        + closing(today);
  }

  public static String tooOld(IsoWeek week, LocalDate today) {
    return "That button is for " + words(week, today) + ", which is too long ago to answer from here; use"
        + " `/checkin` to add a late check-in.";
  }

  public static String weekOver(IsoWeek week, LocalDate today) {
    return words(week, today) + " is over, so there's nothing to snooze. You'll hear from me at this week's"
        + " check-in.";
  }

  /** A message reduced to one line (nothing to report), without buttons. */
  public static List<LayoutBlock> note(String markdown) {
    return List.of(section(s -> s.text(markdownText(markdown))));
  }

  public static String allDoneText(IsoWeek week, LocalDate today) {
    return ":white_check_mark: All done for " + words(week, today) + ". " + closing(today);
  }

  /** After "Nothing to report". */
  public static String nothingToReportText(IsoWeek week, int recorded, LocalDate today) {
    if (recorded == 0) {
      return "Everything for " + words(week, today) + " was already answered — nothing more to do. Thank you!";
    }
    return ":white_check_mark: Noted: no contact " + words(week, today) + " for "
        + (recorded == 1 ? "1 account" : recorded + " accounts") + ". " + closing(today);
  }

  /** The answer to a rep who writes to Rapport: the fallback text. */
  public static String replyText(IsoWeek week, int keyAccounts, int due, LocalDate today) {
    if (keyAccounts == 0) {
      return "Hi! I don't read messages here. You have no key accounts yet: add one with `/accounts add NAME`.";
    }
    if (due == 0) {
      return "Hi! I don't read messages here, but you're all done for " + words(week, today) + ". " + closing(today);
    }
    return "Hi! I don't read messages here, but I can take your check-in: " + (due == 1 ? "1 key account" : due
        + " key accounts") + " still due for " + words(week, today) + ".";
  }

  /** The answer's blocks: the line, and the Check in buttons of what is due (with Nothing to report). */
  public static List<LayoutBlock> reply(IsoWeek week, int keyAccounts, List<Account> due, LocalDate today) {
    String line = replyText(week, keyAccounts, due.size(), today)
        + (due.isEmpty() ? "" : " For anything else, try `/relationship-help`.");
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(line))));
    if (!due.isEmpty()) {
      blocks.addAll(accountLines(due));
      blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(List.of(button(b -> b.actionId(NOTHING_TO_REPORT)
          .text(plainText("Nothing to report")).value(week.toString()))))));
    }
    return blocks;
  }

  /** A prompt message redrawn for where it stands now: fallback text and blocks. */
  public static Rendered rendered(State state) {
    return Rendered.of(text(state), blocks(state));
  }

  /** After "Snooze to tomorrow", for a message the outbox does not know: the line and the buttons. */
  public static Rendered snoozedMessage(IsoWeek week, List<Account> due, LocalDate today) {
    return Rendered.of(snoozedText(week, today), snoozed(week, due));
  }

  /** The answer to a rep who writes to Rapport: fallback text and blocks. */
  public static Rendered replyMessage(IsoWeek week, int keyAccounts, List<Account> due, LocalDate today) {
    return Rendered.of(replyText(week, keyAccounts, due.size(), today), reply(week, keyAccounts, due, today));
  }

  /** A prompt message replaced by one line. */
  public static Rendered noteMessage(String markdown) {
    return Rendered.of(markdown, note(markdown));
  }

  /** The prompt as the outbox sends it: fallback text and blocks. */
  public static Rendered promptMessage(String key, PromptKind kind, IsoWeek week, List<Account> due,
      LocalDate today) {
    return Rendered.of(text(kind, week, due, today), prompt(key, kind, week, due, today));
  }

  private static LayoutBlock doneLine(List<Account> done) {
    StringBuilder line = new StringBuilder("Done ✓ ");
    int listed = 0;
    for (Account a : done) {
      String name = "*" + SlackText.escape(a.name()) + "*";
      if (line.length() + name.length() + 40 > MAX_SECTION_TEXT) {
        break;
      }
      line.append(listed == 0 ? "" : ", ").append(name);
      listed++;
    }
    if (listed < done.size()) {
      line.append(" and ").append(done.size() - listed).append(" more");
    }
    String text = line.toString();
    return context(c -> c.elements(List.of(markdownText(text))));
  }

  private static List<LayoutBlock> accountLines(List<Account> due) {
    List<LayoutBlock> blocks = new ArrayList<>();
    int shown = Math.min(due.size(), due.size() > MAX_BUTTONS ? MAX_BUTTONS - 1 : MAX_BUTTONS);
    for (int i = 0; i < shown; i++) {
      Account a = due.get(i);
      blocks.add(section(s -> s.text(markdownText("*" + SlackText.escape(a.name()) + "*"))
          .accessory(button(b -> b.actionId(CHECK_IN).text(plainText("Check in")).value(a.id())))));
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
}
