package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;
import io.rapport.checkin.AccountStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.insight.Phrases;
import io.rapport.slack.listeners.actions.OpenCheckInAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The ephemeral account lists: {@code /accounts} (one line per account, grouped into sections)
 * and the {@code /checkin} picker (Check in buttons, or a menu when there are many). Both stay
 * within a message's 50 blocks and summarise the rest.
 */
public final class AccountListView {
  static final int MAX_MESSAGE_BLOCKS = 50;
  static final int SECTION_TEXT = 2900;
  static final int PICKER_BUTTONS = 20;
  static final int MENU_OPTIONS = 100;

  public static final String USAGE =
      "• `/accounts` — your key accounts\n"
          + "• `/accounts add NAME [@rep] [key|standard]` — add one (a name with spaces goes in quotes"
          + " unless it comes last)\n"
          + "• `/accounts remove NAME` — stop tracking it (its history is kept)\n"
          + "• `/accounts set NAME terms=30 horizon=reason|season|lifetime mandated=yes|no margin=35"
          + " tier=key|standard`";

  private AccountListView() {}

  /** {@code /accounts}: every visible account, worst first. */
  public static Reply list(String title, List<AccountStatus> statuses, IsoWeek week, boolean showRep) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String head = "*" + title + "* — " + WeekWords.relative(week, week) + ", " + statuses.size()
        + (statuses.size() == 1 ? " account" : " accounts");
    blocks.add(section(s -> s.text(markdownText(head))));
    if (statuses.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText(
          "No accounts yet. Add your key accounts with `/accounts add NAME`."))));
    }
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (AccountStatus s : statuses) {
      String line = "• " + AccountLines.line(s, week, showRep) + "\n";
      if (text.length() + line.length() > SECTION_TEXT) {
        if (blocks.size() >= MAX_MESSAGE_BLOCKS - 3) {
          break;
        }
        String t = text.toString();
        blocks.add(section(x -> x.text(markdownText(t))));
        text.setLength(0);
      }
      text.append(line);
      shown++;
    }
    if (text.length() > 0) {
      String t = text.toString();
      blocks.add(section(x -> x.text(markdownText(t))));
    }
    if (shown < statuses.size()) {
      int more = statuses.size() - shown;
      blocks.add(context(c -> c.elements(List.of(markdownText("…and " + more + " more.")))));
    }
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "Check one in with `/checkin NAME` · `/accounts help` for adding, removing and settings.")))));
    return Reply.blocks(title, blocks);
  }

  /** {@code /checkin} without a name: the caller's accounts to choose from, due ones first. */
  public static Reply picker(List<AccountStatus> statuses, IsoWeek week) {
    if (statuses.isEmpty()) {
      return Reply.text("You have no accounts to check in yet. Add one with `/accounts add NAME`.");
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Which account?* " + Phrases.sentence(WeekWords.relative(week, week)) + "."))));
    if (statuses.size() <= PICKER_BUTTONS) {
      for (AccountStatus s : statuses) {
        blocks.add(section(sec -> sec.text(markdownText(AccountLines.line(s, week, false)))
            .accessory(ButtonElement.builder().actionId(OpenCheckInAction.ACTION_ID)
                .text(plainText(s.answeredThisWeek() ? "Edit" : "Check in"))
                .value(s.account().id()).build())));
      }
      return Reply.blocks("Which account?", blocks);
    }
    List<OptionObject> options = new ArrayList<>();
    for (AccountStatus s : statuses.subList(0, Math.min(MENU_OPTIONS, statuses.size()))) {
      String label = AccountLines.cut(s.account().name(), 60) + (s.isDue() ? " (due)" : "");
      options.add(OptionObject.builder().text(plainText(AccountLines.cut(label, 75))).value(s.account().id()).build());
    }
    blocks.add(actions(a -> a.elements(List.of(StaticSelectElement.builder()
        .actionId(OpenCheckInAction.ACTION_ID)
        .placeholder(plainText("Choose an account"))
        .options(options).build()))));
    if (statuses.size() > MENU_OPTIONS) {
      int more = statuses.size() - MENU_OPTIONS;
      blocks.add(context(c -> c.elements(List.of(markdownText(
          "The menu shows " + MENU_OPTIONS + " accounts, due ones first; for the other " + more
              + " type `/checkin NAME`.")))));
    }
    return Reply.blocks("Which account?", blocks);
  }
}
