package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagPlan;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.insight.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a flag says in Slack, in one place so it can be read and improved as copy: the
 * parent message (in the team's channel, or privately for coaching and manager flags; its state
 * kept current), the notes in its thread, the Plan action and False alarm modals, the notes shown
 * on request, the plan reminder and the refusals.
 *
 * <p>Privacy: nothing here ever carries a check-in note, except {@link #notes}, which is only
 * answered ephemerally to the rep, the manager or an admin. A team post is about the account: it
 * names the account, what is happening, the evidence and the rep as the account's owner, without
 * blame.
 */
public final class FlagMessages {
  public static final String ACKNOWLEDGE = "flag.acknowledge";
  public static final String PLAN = "flag.plan";
  public static final String FALSE_ALARM = "flag.false_alarm";
  public static final String RESOLVE = "flag.resolve";
  public static final String SHOW_NOTES = "flag.show_notes";

  /** Block and action ids of the Plan action modal. */
  public static final String PLAN_ACTION_BLOCK = "flag_plan_action";
  public static final String PLAN_OWNER_BLOCK = "flag_plan_owner";
  public static final String PLAN_DUE_BLOCK = "flag_plan_due";
  public static final String PLAN_ACTION = "action";
  public static final String PLAN_OWNER = "owner";
  public static final String PLAN_DUE = "due";
  /** Block and action id of the False alarm modal's reason. */
  public static final String REASON_BLOCK = "flag_false_alarm_reason";
  public static final String REASON = "reason";

  public static final int MAX_ACTION = 500;
  public static final int MAX_REASON = 1000;
  private static final int SECTION_LIMIT = 2900;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  /** A message's fallback text and blocks. */
  public record Content(String text, List<LayoutBlock> blocks) {
    /** The same, as the outbox keeps and sends it. */
    public Rendered rendered() {
      return Rendered.of(text, blocks);
    }
  }

  /** A thread note as the outbox sends it. */
  public static Rendered note(String note) {
    return Rendered.of(note, List.of(noteBlock(note)));
  }

  private FlagMessages() {}

  // ------------------------------------------------------------------ the parent message

  /**
   * The flag as it stands: account, rep, pattern in plain words, severity, evidence, tip, who did
   * what, and the four buttons while it is open.
   */
  public static Content parent(Flag flag, String accountName, Optional<FlagPlan> plan, int quietWeeks) {
    Pattern pattern = pattern(flag);
    String severity = severityWords(flag.severity());
    String headline = icon(flag) + " *" + SlackText.escape(title(pattern, flag)) + "* (" + severity + ") on *"
        + SlackText.escape(accountName) + "* — account owner <@" + flag.repId() + ">";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(limit(headline)))));
    if (flag.isPrivate()) {
      blocks.add(context(c -> c.elements(List.of(markdownText(privacyLine(flag))))));
    }
    if (pattern != null) {
      blocks.add(context(c -> c.elements(List.of(markdownText(limit(SlackText.escape(pattern.description())))))));
    }
    blocks.add(section(s -> s.text(markdownText(limit("*What Rapport saw*\n" + bullets(flag.evidence()))))));
    blocks.add(section(s -> s.text(markdownText(limit(":bulb: *Tip:* " + SlackText.escape(flag.tip()))))));
    blocks.add(context(c -> c.elements(List.of(markdownText(limit(state(flag, plan, quietWeeks)))))));
    if (flag.isOpen()) {
      blocks.add(actions(a -> a.blockId("flag.actions").elements(buttons(flag))));
    }
    String text = "Rapport flag: " + SlackText.escape(title(pattern, flag)) + " (" + severity + ") on " + SlackText.escape(accountName)
        + " — account owner <@" + flag.repId() + ">" + (flag.isOpen() ? "" : " — " + closedWords(flag));
    return new Content(text, blocks);
  }

  private static List<BlockElement> buttons(Flag flag) {
    List<BlockElement> b = new ArrayList<>();
    if (flag.acknowledgedBy() == null) {
      b.add(button(x -> x.actionId(ACKNOWLEDGE).text(plainText("Acknowledge")).value(flag.id())));
    }
    b.add(button(x -> x.actionId(PLAN).text(plainText("Plan action")).value(flag.id())));
    b.add(button(x -> x.actionId(FALSE_ALARM).text(plainText("False alarm")).value(flag.id())));
    b.add(button(x -> x.actionId(RESOLVE).text(plainText("Resolved")).value(flag.id()).style("primary")));
    b.add(button(x -> x.actionId(SHOW_NOTES).text(plainText("Show notes")).value(flag.id())));
    return b;
  }

  /** Who sees a private flag, said on the flag itself. */
  static String privacyLine(Flag flag) {
    return "manager".equals(flag.audience())
        ? ":lock: Private to the team's manager and Rapport's admins — never posted to a channel."
        : ":lock: Private to <@" + flag.repId() + ">, their manager and Rapport's admins — never posted to a"
            + " channel. Only the manager or an admin can close it.";
  }

  private static String state(Flag flag, Optional<FlagPlan> plan, int quietWeeks) {
    List<String> parts = new ArrayList<>();
    if (!flag.isOpen()) {
      parts.add(closedWords(flag));
    } else if (flag.quietSinceWeek() != null) {
      parts.add("Open since the " + week(flag.firstWeek()) + " · not seen since the " + week(flag.lastSeenWeek())
          + "; closes itself after " + quietWeeks + " quiet weeks");
    } else {
      parts.add("Open since the " + week(flag.firstWeek()));
    }
    if (flag.acknowledgedBy() != null) {
      parts.add("Acknowledged by <@" + flag.acknowledgedBy() + ">");
    }
    plan.ifPresent(p -> parts.add("Plan: " + SlackText.escape(p.action()) + " — <@" + p.ownerId() + ">, due " + DAY.format(p.dueDate())));
    return String.join(" · ", parts);
  }

  private static String closedWords(Flag flag) {
    return switch (flag.status()) {
      case RESOLVED -> ":white_check_mark: Resolved by <@" + flag.closedBy() + ">";
      case FALSE_ALARM -> ":no_entry_sign: Closed as a false alarm by <@" + flag.closedBy() + ">";
      case EXPIRED -> ":zzz: Closed itself (the thread says why)";
      case OPEN -> "Open";
    };
  }

  // ------------------------------------------------------------------ thread notes

  public static String escalatedNote(List<String> evidence) {
    return limit(":arrow_up: Now a *warning* (it was on watch).\n" + bullets(evidence));
  }

  public static String evidenceNote(IsoWeek week, String severity, List<String> evidence) {
    return limit(":memo: Fresh evidence, " + week(week) + " (" + severityWords(severity) + "):\n" + bullets(evidence));
  }

  public static String quietNote(IsoWeek week, int quietWeeks) {
    return ":large_green_circle: The pattern no longer shows as of the " + week(week) + ". This flag closes itself after "
        + quietWeeks + " quiet weeks unless it shows again.";
  }

  public static String returnedNote(IsoWeek week) {
    return ":repeat: The pattern shows again (" + week(week) + ").";
  }

  public static String expiredNote(String lastSeenWeek, int quietWeeks) {
    return ":zzz: Closed itself: the pattern has not shown for " + quietWeeks + " weeks (last seen in the "
        + week(lastSeenWeek) + ").";
  }

  /** The one line left in a channel thread when the flag's discussion became private. */
  public static String movedNote() {
    return ":lock: The discussion of this flag has moved to a private conversation with the rep's manager.";
  }

  public static String accountRemovedNote() {
    return ":heavy_minus_sign: Closed: the account was removed from Rapport.";
  }

  public static String acknowledgedNote(String userId) {
    return ":eyes: Acknowledged by <@" + userId + ">.";
  }

  public static String planNote(String byUserId, String action, String ownerId, LocalDate due) {
    return limit(":clipboard: Plan by <@" + byUserId + ">: *" + SlackText.escape(action) + "* — owner <@" + ownerId + ">, due "
        + DAY.format(due) + ". Rapport will remind <@" + ownerId + "> on the day.");
  }

  public static String resolvedNote(String userId) {
    return ":white_check_mark: Resolved by <@" + userId + ">.";
  }

  public static String falseAlarmNote(String userId, String reason, String patternTitle, String accountName,
      IsoWeek until) {
    String why = reason == null || reason.isBlank() ? "" : " Reason: _" + SlackText.escape(reason.strip()) + "_";
    return limit(":no_entry_sign: Marked as a false alarm by <@" + userId + ">." + why + " Rapport won't raise "
        + patternTitle + " on " + SlackText.escape(accountName) + " again before the " + week(until) + ".");
  }

  /** A week as people read it: "week of 14 Dec" (never an ISO week). */
  static String week(IsoWeek week) {
    return WeekWords.weekOf(week, week.monday().getYear());
  }

  private static String week(String isoWeek) {
    try {
      return week(IsoWeek.parse(isoWeek));
    } catch (RuntimeException e) {
      return isoWeek == null ? "" : isoWeek;
    }
  }

  /** A thread note as one markdown section. */
  public static LayoutBlock noteBlock(String note) {
    return section(s -> s.text(markdownText(limit(note))));
  }

  // ------------------------------------------------------------------ DMs and refusals

  public static Content planReminder(FlagPlan plan, String patternTitle, String accountName, String channelId) {
    String where = channelId == null ? "" : channelId.startsWith("D") ? "" : " (discussed in <#" + channelId + ">)";
    String text = ":alarm_clock: Today is the due date of your plan for *" + SlackText.escape(accountName) + "* — "
        + patternTitle + where + ":\n>" + SlackText.escape(plan.action()) + "\nWhen it is done, press *Resolved* on the flag.";
    return new Content("Reminder: your plan for " + SlackText.escape(accountName) + " is due today",
        List.of(section(s -> s.text(markdownText(limit(text))))));
  }

  /** The refusal of a flag button to someone outside the rep–manager–admin circle: the uniform one. */
  public static String refusal(Flag flag) {
    return io.rapport.team.NotAllowed.NOT_YOURS;
  }

  /** The refusal for a button; closing a private flag is for the manager or an admin only. */
  public static String refusal(Flag flag, boolean closing) {
    if (closing && flag.isPrivate()) {
      return "Sorry, only the team's manager or a Rapport admin can close this flag (as resolved or a false"
          + " alarm). The account's owner can acknowledge it and plan an action. Nothing was changed.";
    }
    return refusal(flag);
  }

  /** The refusal of "Show notes" to someone outside the rep–manager–admin circle. */
  public static String notesRefusal(Flag flag) {
    return io.rapport.team.NotAllowed.NOT_YOURS;
  }

  /** The notes of the flag's account, answered only to the person who asked (ephemeral). */
  public static Content notes(String accountName, int weeks, List<io.rapport.flag.FlagService.Note> notes) {
    String title = "Check-in notes on *" + SlackText.escape(accountName) + "* (last " + weeks + " weeks, newest"
        + " first) — only you can see this";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(title))));
    if (notes.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("No notes in those weeks."))));
    }
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (io.rapport.flag.FlagService.Note n : notes) {
      String line = "• *" + week(n.week()) + "*" + (n.repId() == null ? "" : " (<@" + n.repId() + ">)") + ": "
          + SlackText.escape(n.text()).replace('\n', ' ') + "\n";
      if (blocks.size() >= 45) {
        break;
      }
      if (b.length() + line.length() > SECTION_LIMIT) {
        if (b.length() == 0) {
          line = limit(line);
        } else {
          String chunk = b.toString().stripTrailing();
          blocks.add(section(s -> s.text(markdownText(chunk))));
          b.setLength(0);
        }
      }
      b.append(line);
      shown++;
    }
    if (b.length() > 0 && blocks.size() < 46) {
      String chunk = b.toString().stripTrailing();
      blocks.add(section(s -> s.text(markdownText(limit(chunk)))));
    }
    if (shown < notes.size()) {
      int rest = notes.size() - shown;
      blocks.add(context(c -> c.elements(List.of(markdownText("…and " + rest + " older notes.")))));
    }
    return new Content("Check-in notes on " + SlackText.escape(accountName), blocks);
  }

  public static final String GONE = "That flag no longer exists. Nothing was changed.";

  /** Shown in a flag's modal when its change could not be stored in time; nothing was changed. */
  public static final String NOT_SAVED = "Couldn't save: please submit again.";

  /** {@link #refusal} as a modal's field error shows it (plain text, no mention markup). */
  public static final String REFUSED_IN_MODAL = "Only the account's rep, the team's manager or a Rapport admin can"
      + " act on this flag. Nothing was changed.";

  public static String alreadyClosed(Flag flag) {
    return "This flag is already closed (" + closedWords(flag) + "). Nothing was changed.";
  }

  // ------------------------------------------------------------------ modals

  /** The Plan action modal: action, owner (the rep by default) and due date (a week from today). */
  public static View planModal(Flag flag, String accountName, LocalDate today) {
    String about = "*" + SlackText.escape(title(pattern(flag), flag)) + "* on *" + SlackText.escape(accountName) + "*";
    return View.builder()
        .type("modal")
        .callbackId(PLAN)
        .privateMetadata(flag.id())
        .title(ViewTitle.builder().type("plain_text").text("Plan action").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Save plan").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(List.of(
            section(s -> s.text(markdownText(limit(about)))),
            input(i -> i.blockId(PLAN_ACTION_BLOCK).label(plainText("What will be done?"))
                .element(plainTextInput(p -> p.actionId(PLAN_ACTION).multiline(true).maxLength(MAX_ACTION)
                    .placeholder(plainText("e.g. Agree a service scope with the client and price the extras"))))),
            input(i -> i.blockId(PLAN_OWNER_BLOCK).label(plainText("Owner"))
                .element(usersSelect(u -> u.actionId(PLAN_OWNER).initialUser(flag.repId())))),
            input(i -> i.blockId(PLAN_DUE_BLOCK).label(plainText("Due date"))
                .hint(plainText("The owner gets a reminder from Rapport on this day."))
                .element(datePicker(d -> d.actionId(PLAN_DUE).initialDate(today.plusDays(7).toString()))))))
        .build();
  }

  /** The False alarm modal: an optional reason, and how long the pattern stays off the account. */
  public static View falseAlarmModal(Flag flag, String accountName, int weeks) {
    String about = "Close *" + SlackText.escape(title(pattern(flag), flag)) + "* on *" + SlackText.escape(accountName)
        + "* as a false alarm? Rapport won't raise it on this account for " + weeks + " weeks.";
    return View.builder()
        .type("modal")
        .callbackId(FALSE_ALARM)
        .privateMetadata(flag.id())
        .title(ViewTitle.builder().type("plain_text").text("False alarm").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Close flag").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(List.of(
            section(s -> s.text(markdownText(limit(about)))),
            input(i -> i.blockId(REASON_BLOCK).optional(true).label(plainText("Why is it a false alarm?"))
                .hint(plainText("Optional. Reasons help your admins tune the thresholds."))
                .element(plainTextInput(p -> p.actionId(REASON).multiline(true).maxLength(MAX_REASON))))))
        .build();
  }

  // ------------------------------------------------------------------ helpers

  public static String title(Pattern pattern, Flag flag) {
    return pattern == null ? flag.pattern() : pattern.title();
  }

  public static String patternTitle(String patternId) {
    try {
      return Pattern.valueOf(patternId).title();
    } catch (IllegalArgumentException e) {
      return patternId;
    }
  }

  private static Pattern pattern(Flag flag) {
    try {
      return Pattern.valueOf(flag.pattern());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String icon(Flag flag) {
    if (!flag.isOpen()) {
      return flag.status() == FlagStatus.RESOLVED ? ":white_check_mark:" : ":heavy_minus_sign:";
    }
    return "warning".equals(flag.severity()) ? ":rotating_light:" : ":eyes:";
  }

  public static String severityWords(String severity) {
    return "warning".equals(severity) ? "warning" : "watch";
  }

  static String bullets(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      b.append("• ").append(SlackText.escape(line)).append('\n');
    }
    return b.toString().stripTrailing();
  }

  static String limit(String s) {
    return s.length() <= SECTION_LIMIT ? s : s.substring(0, SECTION_LIMIT - 1) + "…";
  }
}
