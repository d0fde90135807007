package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.model.block.element.BlockElement;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.report.Report;
import io.rapport.report.ReportAnswer;
import io.rapport.report.Report.AccountRow;
import io.rapport.report.ReportCopy;
import static io.rapport.report.ReportCopy.slackTitle;
import static io.rapport.report.ReportFigures.count;
import static io.rapport.report.ReportFigures.firstValue;
import static io.rapport.report.ReportFigures.hours;
import static io.rapport.report.ReportFigures.lastValue;
import io.rapport.report.TextBudget;
import io.rapport.report.Report.PatternCount;
import io.rapport.report.Report.RepCompletion;
import io.rapport.report.Report.RepLoad;
import io.rapport.report.Report.TrendSeries;
import io.rapport.completion.Completion;
import io.rapport.completion.DueSlots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report as a Slack message, built with the SDK's typed builders. The number of blocks is
 * fixed (at most 13, whatever the data) and every section is cut to its budget with "…and N more",
 * so a report over any number of accounts fits Block Kit's limits (50 blocks, 3,000 characters a
 * section) and stays well below the ~13k characters where Slack starts refusing messages. The
 * CSV holds everything the message leaves out.
 */
public final class ReportBlocks {
  public static final String SHARE_ACTION = "report.share";
  public static final String CSV_ACTION = "report.csv";
  public static final String CHART_ACTION = "report.chart";
  static final int SECTION_BUDGET = 1_800;
  static final int RISKIEST_BUDGET = 2_800;
  static final int RISKIEST_SHOWN = 5;
  static final int LIST_SHOWN = 8;

  private final Function<String, String> person;

  /** @param person how a Slack user id is shown, e.g. {@code id -> "<@" + id + ">"} */
  public ReportBlocks(Function<String, String> person) {
    this.person = person;
  }

  /** Shows users as Slack mentions. */
  public static ReportBlocks forSlack() {
    return new ReportBlocks(id -> "<@" + id + ">");
  }

  /** The answer to {@code /relationship-report} as a reply: the report with its buttons, or the sentence. */
  public static Reply reply(ReportAnswer answer) {
    if (!answer.isReport()) {
      return Reply.text(answer.text());
    }
    return Reply.blocks(fallback(answer.report()),
        forSlack().render(answer.report(), answer.buttonValue(), answer.footnote()));
  }

  /**
   * The report message as Slack's API takes it, {@code {"text": …, "blocks": […]}}, indented
   * (the demo writes it for Block Kit Builder).
   */
  public static String messageJson(Report r, String buttonValue, String footnote) throws IOException {
    String gson = GsonFactory.createSnakeCase().toJson(forSlack().render(r, buttonValue, footnote));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("text", fallback(r));
    message.put("blocks", json.readTree(gson));
    return json.writeValueAsString(message) + "\n";
  }

  /** The plain-text fallback (notifications, screen readers). */
  public static String fallback(Report r) {
    int gaps = r.noRecentCheckIns();
    return "Relationship report — " + slackTitle(r) + ": " + r.now(Health.Band.UNHEALTHY) + " unhealthy, "
        + r.now(Health.Band.AT_RISK) + " at risk, " + r.now(Health.Band.HEALTHY) + " healthy"
        + (gaps > 0 ? ", " + gaps + " with no recent check-ins" : "") + "; check-in completion "
        + (r.completion().nothingDue() ? "— (nothing due)" : r.completion().percent() + "%") + ".";
  }

  /**
   * The blocks of the report.
   *
   * @param buttonValue the encoded scope for the Share and CSV buttons, or null for none (a
   *     shared copy in a channel)
   * @param footnote an extra line for the closing context (e.g. where the chart went), or null
   */
  public List<LayoutBlock> render(Report r, String buttonValue, String footnote) {
    List<LayoutBlock> blocks = new ArrayList<>();
    // A header is plain text, where a mention would show as "<@U123>": name the rep below instead.
    String plainTitle = r.title().replaceAll("<@[A-Z0-9]+>'s accounts", "one rep's accounts");
    String who = plainTitle.equals(r.title()) ? "" : slackTitle(r) + " · ";
    blocks.add(header(h -> h.text(plainText(TextBudget.cut("Relationship report — " + plainTitle, 150)))));
    blocks.add(context(c -> c.elements(List.of(markdownText(TextBudget.cut(
        who + "Period " + r.period().inWords() + " · " + count(r.accounts().size(), "account") + " · "
            + (r.period().weeks() == 1 ? "this week" : "health as of the " + r.period().weekInWords(r.period().to())), 300))))));
    blocks.add(section(s -> s.text(markdownText(completion(r)))));
    blocks.add(section(s -> s.text(markdownText(health(r)))));
    blocks.add(divider());
    blocks.add(section(s -> s.text(markdownText(patterns(r)))));
    blocks.add(section(s -> s.text(markdownText(riskiest(r)))));
    blocks.add(section(s -> s.text(markdownText(overServicing(r)))));
    blocks.add(section(s -> s.text(markdownText(unanswered(r)))));
    blocks.add(divider());
    List<String> notes = new ArrayList<>();
    if (r.accounts().size() > RISKIEST_SHOWN) {
      notes.add("The CSV lists all " + count(r.accounts().size(), "account") + " with health, flags and"
          + " the period's signals.");
    }
    if (footnote != null) {
      notes.add(footnote);
    }
    if (!notes.isEmpty()) {
      blocks.add(context(c -> c.elements(List.of(markdownText(TextBudget.cut(String.join(" ", notes), 2_000))))));
    }
    if (buttonValue != null) {
      List<BlockElement> buttons = List.of(
          button(b -> b.actionId(SHARE_ACTION).text(plainText("Share to channel")).value(buttonValue)),
          button(b -> b.actionId(CSV_ACTION).text(plainText("Download CSV")).value(buttonValue)),
          button(b -> b.actionId(CHART_ACTION).text(plainText("Send chart")).value(buttonValue)));
      blocks.add(actions(a -> a.blockId("report.actions").elements(buttons)));
    }
    return blocks;
  }

  String completion(Report r) {
    Completion c = r.completion();
    String head = c.due() == 0
        ? "*Check-in completion:* " + ReportCopy.nothingDue(r)
        : "*Check-in completion:* " + c.percent() + "% (" + c.answered() + " of " + count(c.due(), "due check-in") + ")";
    String away = ReportCopy.away(r, person);
    if (away != null) {
      head = head + "\n" + away;
    }
    List<String> low = new ArrayList<>();
    for (RepCompletion rc : r.repCompletion()) {
      if (rc.completion().answered() < rc.completion().due()) {
        low.add("• " + person.apply(rc.rep()) + " " + rc.completion().percent() + "% ("
            + rc.completion().answered() + " of " + rc.completion().due() + ")");
      }
    }
    if (low.isEmpty()) {
      return head + (c.due() > 0 ? "\nEvery rep answered every due check-in." : "");
    }
    return TextBudget.join(head + "\nLowest completion:", low, 5, SECTION_BUDGET, n -> "…and " + count(n, "more rep") + " below 100%");
  }

  String health(Report r) {
    StringBuilder b = new StringBuilder("*Accounts by health* (change since " + r.period().weekBeforeInWords() + ")\n");
    b.append(":red_circle: Unhealthy *").append(r.now(Health.Band.UNHEALTHY)).append("* ").append(change(r, Health.Band.UNHEALTHY));
    b.append("   :large_yellow_circle: At risk *").append(r.now(Health.Band.AT_RISK)).append("* ").append(change(r, Health.Band.AT_RISK));
    b.append("   :large_green_circle: Healthy *").append(r.now(Health.Band.HEALTHY)).append("* ").append(change(r, Health.Band.HEALTHY));
    String gap = ReportCopy.noRecentCheckIns(r);
    if (gap != null) {
      b.append("\n:white_circle: ").append(gap);
    }
    List<String> trends = new ArrayList<>();
    for (TrendSeries s : r.trend()) {
      Double first = firstValue(s);
      Double last = lastValue(s);
      if (first != null && last != null) {
        trends.add("• " + SlackText.escape(s.name()) + ": " + Math.round(first) + " → " + Math.round(last));
      }
    }
    if (trends.isEmpty()) {
      return b.toString();
    }
    return TextBudget.join(b + "\nAverage health over the period:", trends, 5, SECTION_BUDGET,
        n -> "…and " + count(n, "more team") + " in the chart");
  }

  private static String change(Report r, Health.Band band) {
    int d = r.now(band) - r.before(band);
    return d == 0 ? "(=)" : d > 0 ? "(+" + d + ")" : "(−" + (-d) + ")";
  }

  String patterns(Report r) {
    String head = r.flagsInUse() ? "*Open flags by pattern*" : "*Current findings by pattern* _(no flags posted yet)_";
    if (r.patterns().isEmpty()) {
      return head + "\nNone — no account shows an unhealthy pattern.";
    }
    List<String> lines = new ArrayList<>();
    for (PatternCount p : r.patterns()) {
      lines.add("• " + p.pattern().title() + " — " + p.total()
          + (p.warnings() > 0 ? " (" + p.warnings() + " warning" + (p.watches() > 0 ? ", " + p.watches() + " watch" : "") + ")" : " (watch)"));
    }
    return TextBudget.join(head, lines, 13, SECTION_BUDGET, n -> "…and " + count(n, "more pattern"));
  }

  String riskiest(Report r) {
    List<String> lines = new ArrayList<>();
    for (AccountRow a : r.accounts()) {
      if (a.health().isEmpty() || (a.health().get().band() == Health.Band.HEALTHY && a.findings().isEmpty())) {
        continue;
      }
      StringBuilder line = new StringBuilder("• *").append(SlackText.escape(a.account().name())).append("* (")
          .append(person.apply(a.account().rep())).append(") — ").append(a.health().get().band().id())
          .append(", health ").append(a.health().get().score());
      a.editedBy().ifPresent(by -> line.append(" · last check-in ").append(CheckInEditMessage.editedBy(by)));
      Finding top = a.topFinding();
      if (top != null) {
        line.append("\n   _").append(top.pattern().title()).append(" (").append(top.severity().id()).append(")_: ")
            .append(SlackText.escape(top.evidence().get(0)));
        if (a.findings().size() > 1) {
          line.append(" _+").append(a.findings().size() - 1).append(" more_");
        }
      }
      lines.add(line.toString());
    }
    if (lines.isEmpty()) {
      return "*Riskiest accounts*\nNone — every account is healthy.";
    }
    return TextBudget.join("*Riskiest accounts*", lines, RISKIEST_SHOWN, RISKIEST_BUDGET,
        n -> "…and " + count(n, "more account") + " below healthy — see the CSV");
  }

  String overServicing(Report r) {
    String head = "*Reps over-servicing existing accounts* _(many service hours, no new business)_";
    if (r.overServicingReps().isEmpty()) {
      return head + "\nNone — every rep's book is winning new business or servicing lightly.";
    }
    List<String> lines = new ArrayList<>();
    for (RepLoad l : r.overServicingReps()) {
      lines.add("• " + person.apply(l.rep()) + " — " + hours(l.serviceHours()) + " h of service ("
          + hours(l.hoursPerWeek()) + " h a week), "
          + (l.newBusinessWeeks() == 0 ? "no new business" : "new business in " + l.newBusinessWeeks())
          + " in " + count(l.checkIns(), "check-in") + " "
          + io.rapport.domain.WeekWords.since(l.since(), r.period().to().monday().getYear())
          + (l.overServicedAccounts() > 0 ? "; " + count(l.overServicedAccounts(), "account") + " flagged" : ""));
    }
    return TextBudget.join(head, lines, LIST_SHOWN, SECTION_BUDGET, n -> "…and " + count(n, "more rep"));
  }

  String unanswered(Report r) {
    String head = "*Unanswered prompts*";
    if (r.unansweredPrompts().isEmpty()) {
      return head + "\nNone — every prompt sent in the period has its answers.";
    }
    Map<String, List<String>> byWeek = new LinkedHashMap<>();
    for (DueSlots.Missing p : r.unansweredPrompts()) {
      byWeek.computeIfAbsent(r.period().weekInWords(p.week()), w -> new ArrayList<>())
          .add(person.apply(p.repId()) + " (" + count(p.accounts(), "account") + ")");
    }
    List<String> lines = new ArrayList<>();
    byWeek.forEach((week, reps) -> lines.add("• " + week + ": " + TextBudget.cut(String.join(", ", reps), 400)));
    return TextBudget.join(head + " — " + count(r.unansweredPrompts().size(), "prompt") + " still waiting",
        lines, LIST_SHOWN, SECTION_BUDGET, n -> "…and " + count(n, "earlier week"));
  }
}
