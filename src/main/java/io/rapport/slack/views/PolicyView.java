package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.rapport.domain.Team;
import io.rapport.flag.FlagSettings;
import io.rapport.flag.TeamPolicies;
import io.rapport.flag.TeamPolicy;
import io.rapport.insight.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The copy of {@code /relationship-admin team NAME policy}: a team's thresholds, each explained in
 * place with what it does and its default (Slack users cannot open the repository's docs), what
 * changed, and the errors.
 */
public final class PolicyView {
  private static final int SECTION_LIMIT = 2900;
  private static final int MAX_BLOCKS = 45;

  private PolicyView() {}

  /** Every threshold of the team: value, default and meaning; overridden ones marked. */
  public static Reply show(Team team, TeamPolicy policy, List<TeamPolicies.FalseAlarmLine> falseAlarms) {
    return show(team, policy, falseAlarms, List.of());
  }

  /** The policy with where each pattern's flags go for the team (none given: that section is left out). */
  public static Reply show(Team team, TeamPolicy policy, List<TeamPolicies.FalseAlarmLine> falseAlarms,
      List<io.rapport.flag.FlagAudiences.Line> audiences) {
    List<String> lines = new ArrayList<>();
    String group = null;
    for (Policy.ThresholdInfo t : policy.policy().thresholds()) {
      String g = t.name().substring(0, t.name().indexOf('.'));
      if (!g.equals(group)) {
        lines.add("*" + g + "*");
        group = g;
      }
      lines.add(line(t.name(), number(t.value()), number(t.defaultValue()), t.description()));
    }
    lines.add("*flags*");
    for (FlagSettings.Setting s : policy.settings().settings()) {
      lines.add(line(s.name(), Integer.toString(s.value()), Integer.toString(s.defaultValue()), s.description()));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    String intro = "*Policy of team " + SlackText.escape(team.name()) + "* — "
        + (policy.overrides().isEmpty() ? "all defaults." : policy.overrides().size() + " overridden (marked :pencil2:).")
        + " Each line says what the threshold does and its default; a value in bold differs from the"
        + " default. Rapport flags a pattern at *watch* when its signs persist, and at *warning* when they"
        + " persist longer or grow.";
    blocks.add(section(s -> s.text(markdownText(intro))));
    StringBuilder chunk = new StringBuilder();
    for (String line : lines) {
      String marked = policy.overrides().keySet().stream().anyMatch(k -> line.startsWith("• `" + k + "`"))
          ? line.replaceFirst("• ", "• :pencil2: ") : line;
      if (chunk.length() + marked.length() + 1 > SECTION_LIMIT) {
        addSection(blocks, chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(marked).append('\n');
    }
    addSection(blocks, chunk.toString());
    if (!audiences.isEmpty()) {
      addSection(blocks, FlagAudienceView.section(team, audiences));
    }
    if (!falseAlarms.isEmpty()) {
      StringBuilder fa = new StringBuilder("*Latest false alarms* (what the thresholds got wrong)\n");
      for (TeamPolicies.FalseAlarmLine a : falseAlarms) {
        String line = "• " + a.patternTitle() + " on " + SlackText.escape(a.accountName()) + " — <@" + a.markedBy()
            + ">, " + java.time.Instant.ofEpochMilli(a.markedAt()).atZone(java.time.ZoneOffset.UTC).toLocalDate()
            + (a.reason() == null ? "" : ": _" + SlackText.escape(cut(a.reason(), 200)) + "_") + "\n";
        if (fa.length() + line.length() > SECTION_LIMIT) {
          break;
        }
        fa.append(line);
      }
      addSection(blocks, fa.toString());
    }
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "Change: `/relationship-admin team \"" + SlackText.escape(team.name())
            + "\" policy set NAME=VALUE …` · back to the default: `… policy reset NAME` or `… policy reset all`")))));
    return Reply.blocks("Policy of team " + SlackText.escape(team.name()), blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks);
  }

  private static String cut(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  private static void addSection(List<LayoutBlock> blocks, String text) {
    if (!text.isBlank()) {
      String t = text.stripTrailing();
      blocks.add(section(s -> s.text(markdownText(t))));
    }
  }

  private static String line(String name, String value, String defaultValue, String description) {
    String v = value.equals(defaultValue) ? value + " (the default)" : "*" + value + "* (default " + defaultValue + ")";
    return "• `" + name + "` = " + v + " — " + description;
  }

  public static Reply changed(Team team, TeamPolicy policy, List<String> names) {
    StringBuilder b = new StringBuilder("Updated the policy of team *" + SlackText.escape(team.name()) + "*:\n");
    for (String name : names) {
      b.append("• `").append(name).append("` = ").append(current(policy, name)).append('\n');
    }
    b.append("Flags of the team's accounts are judged with it from the next check-in or daily sweep on.");
    return Reply.text(b.toString());
  }

  public static Reply reset(Team team, TeamPolicy policy, String name) {
    if ("all".equalsIgnoreCase(name)) {
      return Reply.text("Team *" + SlackText.escape(team.name()) + "* is back to the default policy.");
    }
    return Reply.text("`" + name + "` of team *" + SlackText.escape(team.name()) + "* is back to its default, "
        + current(policy, name) + ".");
  }

  public static Reply invalid(Team team, String problem) {
    return Reply.text("Nothing was changed: " + SlackText.escape(problem) + "\nSee the names and ranges with"
        + " `/relationship-admin team \"" + SlackText.escape(team.name()) + "\" policy show`.");
  }

  private static String current(TeamPolicy policy, String name) {
    for (Policy.ThresholdInfo t : policy.policy().thresholds()) {
      if (t.name().equals(name)) {
        return number(t.value());
      }
    }
    for (FlagSettings.Setting s : policy.settings().settings()) {
      if (s.name().equals(name)) {
        return Integer.toString(s.value());
      }
    }
    return "?";
  }

  static String number(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
