package io.rapport.slack.views;

import io.rapport.domain.Team;
import io.rapport.flag.FlagAudiences;
import io.rapport.insight.Audience;
import io.rapport.insight.Pattern;
import java.util.List;
import java.util.stream.Collectors;

/** The copy of a team's flag audiences: {@code team NAME flags …} and the section of {@code policy show}. */
public final class FlagAudienceView {
  private FlagAudienceView() {}

  /** Where a flag of this audience goes, in words. */
  public static String where(Audience audience) {
    return switch (audience) {
      case TEAM -> "the team's channel";
      case COACHING -> "privately to the rep and the team's manager";
      case MANAGER -> "privately to the team's manager";
    };
  }

  public static Reply moved(Team team, Audience audience, FlagAudiences.Moved moved) {
    StringBuilder b = new StringBuilder();
    String teamName = "*" + SlackText.escape(team.name()) + "*";
    if (!moved.changed().isEmpty()) {
      b.append("For team ").append(teamName).append(", ").append(titles(moved.changed())).append(" now go ")
          .append(where(audience)).append(". This applies to flags opened or updated from now on; a flag"
              + " already private stays private.");
    }
    if (!moved.unchanged().isEmpty()) {
      b.append(b.length() == 0 ? "" : "\n").append(titles(moved.unchanged())).append(moved.unchanged().size() == 1
          ? " already goes " : " already go ").append(where(audience)).append(" for team ").append(teamName)
          .append(". Nothing changed for ").append(moved.unchanged().size() == 1 ? "it." : "them.");
    }
    return Reply.text(b.toString());
  }

  /** The section of {@code policy show}: where each pattern's flags go for the team. */
  public static String section(Team team, List<FlagAudiences.Line> lines) {
    StringBuilder b = new StringBuilder("*Who sees the flags* (check-in notes never go to a channel)\n");
    for (Audience a : Audience.values()) {
      List<FlagAudiences.Line> of = lines.stream().filter(l -> l.audience() == a).toList();
      if (of.isEmpty()) {
        continue;
      }
      b.append("• ").append(capitalised(where(a))).append(": ").append(of.stream()
          .map(l -> "`" + l.pattern().id() + "`" + (l.chosen() ? " :pencil2: (default: " + l.defaultAudience().id() + ")" : ""))
          .collect(Collectors.joining(", "))).append('\n');
    }
    b.append("Broken promises counting any broken by us go privately unless the pattern is moved.\n");
    b.append("Move: `/relationship-admin team \"").append(SlackText.escape(team.name()))
        .append("\" flags team|coaching PATTERN…`");
    return b.toString();
  }

  private static String titles(List<Pattern> patterns) {
    return patterns.stream().map(p -> p.title() + " (`" + p.id() + "`)").collect(Collectors.joining(", "));
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
