package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import io.rapport.checkin.AccountStatus;
import io.rapport.checkin.TeamProgress;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.insight.Phrases;
import java.util.ArrayList;
import java.util.List;

/**
 * Rapport's App Home tab (SPEC §5): the rep's accounts, worst first, each with its open flags,
 * last check-in and a Check in button; for a manager each team's completion this week and the
 * accounts that need attention. Always within the 100-block limit: past the budget the rest is
 * summarised in one line, never dropped silently.
 */
public final class AppHomeView {
  /** Slack's limit on blocks in a Home tab. */
  public static final int MAX_BLOCKS = 100;
  static final int MAX_TEAMS = 10;
  static final int SECTION_TEXT = 2900;

  private AppHomeView() {}

  /** Who sees what, in one line (the long form: {@code /relationship-help} and docs/PRIVACY.md). */
  static final String PRIVACY_LINE = "Your answers and notes are seen by you, your manager and Rapport's admins."
      + " Client problems go to your team's channel (never your notes); findings about your own choices go"
      + " privately to you and your manager.";

  public static View build(IsoWeek week, List<AccountStatus> own, List<TeamProgress> teams) {
    return build(week, own, teams, List.of());
  }

  /** The same with the rep's away section ({@link AwayMessages#home}) under the summary. */
  public static View build(IsoWeek week, List<AccountStatus> own, List<TeamProgress> teams,
      List<LayoutBlock> awayBlocks) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<LayoutBlock> teamBlocks = teamBlocks(week, teams);
    int budget = MAX_BLOCKS - teamBlocks.size() - 4 - awayBlocks.size();

    blocks.add(header(h -> h.text(plainText("Your accounts"))));
    long due = own.stream().filter(AccountStatus::isDue).count();
    long key = own.stream().filter(s -> s.account().isKey()).count();
    int flags = own.stream().mapToInt(AccountStatus::openFlags).sum();
    long unhealthy = own.stream().filter(s -> s.healthRank() == 0).count();
    String summary = own.isEmpty()
        ? "You have no accounts yet. Add your key accounts with `/accounts add NAME`."
        : Phrases.sentence(WeekWords.relative(week, week)) + ": " + (key - due) + " of " + key + " key accounts checked in"
            + (unhealthy > 0 ? " · " + unhealthy + " unhealthy" : "")
            + (flags > 0 ? " · " + flags + (flags == 1 ? " open flag" : " open flags") : "") + "."
            + "\n:lock: " + PRIVACY_LINE;
    blocks.add(context(c -> c.elements(List.of(markdownText(summary)))));
    blocks.addAll(awayBlocks);

    int shown = Math.min(own.size(), budget);
    if (shown < own.size()) {
      shown = Math.max(0, budget - 1);
    }
    for (int i = 0; i < shown; i++) {
      AccountStatus s = own.get(i);
      blocks.add(section(sec -> sec
          .text(markdownText(AccountLines.line(s, week, false)))
          .accessory(ButtonElement.builder()
              .actionId(io.rapport.slack.listeners.actions.OpenCheckInAction.ACTION_ID)
              .text(plainText(s.answeredThisWeek() ? "Edit" : "Check in"))
              .value(s.account().id())
              .build())));
    }
    if (shown < own.size()) {
      List<AccountStatus> rest = own.subList(shown, own.size());
      long restDue = rest.stream().filter(AccountStatus::isDue).count();
      String more = "…and " + rest.size() + " more accounts (" + restDue + " due this week). Check one in"
          + " with `/checkin NAME`, or see them all with `/accounts`.";
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
    if (!teamBlocks.isEmpty()) {
      blocks.add(divider());
      blocks.addAll(teamBlocks);
    }
    return view(v -> v.type("home").blocks(blocks));
  }

  /** The team's completion this week, as the report and the digest count it. */
  static String teamCompletion(TeamProgress t) {
    if (t.keyAccounts() == 0) {
      return "no key accounts yet";
    }
    String later = t.notDueYet() == 0 ? ""
        : " (" + t.notDueYet() + (t.notDueYet() == 1 ? " key account is" : " key accounts are") + " not due yet)";
    if (t.completion().nothingDue()) {
      return "no check-ins due yet this week" + later;
    }
    return "check-in completion " + t.completion().percent() + "% (" + t.completion().answered() + " of "
        + t.completion().due() + " due check-ins)" + later;
  }

  private static List<LayoutBlock> teamBlocks(IsoWeek week, List<TeamProgress> teams) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (teams.isEmpty()) {
      return blocks;
    }
    blocks.add(header(h -> h.text(plainText("Your teams this week"))));
    for (TeamProgress t : teams.subList(0, Math.min(MAX_TEAMS, teams.size()))) {
      StringBuilder b = new StringBuilder();
      b.append('*').append(SlackText.escape(t.team().name())).append("* — ")
          .append(teamCompletion(t))
          .append(" · ").append(t.members()).append(t.members() == 1 ? " rep" : " reps");
      if (t.team().paused()) {
        b.append(" · prompts paused");
      }
      if (!t.away().isEmpty()) {
        b.append(" · away this week: ").append(String.join(", ", t.away().stream().map(r -> "<@" + r + ">").toList()));
      }
      if (!t.atRisk().isEmpty()) {
        b.append("\n*Needs attention:*");
        for (AccountStatus s : t.atRisk()) {
          String line = "\n• " + AccountLines.line(s, week, true);
          if (b.length() + line.length() > SECTION_TEXT) {
            break;
          }
          b.append(line);
        }
      }
      String text = b.toString();
      blocks.add(section(s -> s.text(markdownText(text))));
    }
    if (teams.size() > MAX_TEAMS) {
      int more = teams.size() - MAX_TEAMS;
      blocks.add(context(c -> c.elements(List.of(markdownText(
          "…and " + more + " more teams. `/relationship-report` shows them all.")))));
    }
    return blocks;
  }
}
