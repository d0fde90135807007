package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.rapport.away.DateWords;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.IsoWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The weekly manager digest as Slack shows it, drawn from the digest's domain values: sections of
 * new, open and closed flags, reps who missed check-ins and reps away. Long lists are cut with a
 * count of the rest, so the message always fits Slack's limits.
 */
public final class DigestMessage {
  public static final int MAX_LINES = 15;
  private static final int SECTION_LIMIT = 2900;

  private DigestMessage() {}

  /** A flag as the digest lists it ({@code closedAs} null while open). */
  public record FlagLine(String accountName, String pattern, String severity, String repId, boolean acknowledged,
      FlagStatus closedAs) {}

  /** A rep with due check-ins unanswered. */
  public record Missing(String repId, int missing, int due) {}

  /** A rep away in the digest's week ({@code thatWeek}) or this week, until {@code lastDay}. */
  public record Away(String repId, boolean thatWeek, LocalDate lastDay) {}

  /** What one manager's digest of one week says. */
  public record Digest(IsoWeek week, List<String> teamNames, List<FlagLine> fresh, List<FlagLine> open,
      List<FlagLine> closed, List<Missing> missing, List<Away> away) {}

  public static FlagMessages.Content render(Digest d) {
    List<String> fresh = d.fresh().stream().map(DigestMessage::line).toList();
    List<String> open = d.open().stream().map(f -> line(f) + (f.acknowledged() ? " · acknowledged"
        : " · *not acknowledged*")).toList();
    List<String> closed = d.closed().stream().map(f -> line(f) + " · " + closedWords(f.closedAs())).toList();
    List<String> missing = d.missing().stream().map(m -> "• <@" + m.repId() + "> — " + m.missing() + " of "
        + m.due() + " due check-ins unanswered").toList();
    List<String> away = d.away().stream().map(a -> "• <@" + a.repId() + "> — "
        + (a.thatWeek() ? "away that week" : "away this week") + ", until "
        + DateWords.show(a.lastDay(), d.week().monday().getYear())).toList();

    List<LayoutBlock> blocks = new ArrayList<>();
    String title = "Rapport weekly digest — " + d.week();
    blocks.add(header(h -> h.text(plainText(title))));
    String teamNames = d.teamNames().isEmpty() ? "You no longer manage a team."
        : "Teams: " + d.teamNames().stream().map(SlackText::escape).collect(Collectors.joining(", "));
    blocks.add(context(c -> c.elements(List.of(markdownText(limit(teamNames))))));
    blocks.add(listSection("New flags", fresh, "No new flags."));
    blocks.add(listSection("Open flags", open, "No open flags."));
    blocks.add(listSection("Closed this week", closed, "None closed."));
    blocks.add(listSection("Did not check in on every key account", missing, "Everyone checked in."));
    if (!away.isEmpty()) {
      blocks.add(listSection("Away", away, ""));
    }
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "The full picture: `/relationship-report`. Discuss flags in their threads.")))));
    String text = title + ": " + fresh.size() + " new, " + open.size() + " open, " + closed.size()
        + " closed flags; " + missing.size() + " reps missed check-ins"
        + (away.isEmpty() ? "" : "; " + away.size() + " away") + ".";
    return new FlagMessages.Content(text, blocks);
  }

  private static String line(FlagLine f) {
    return "• *" + SlackText.escape(f.accountName()) + "* — " + FlagMessages.patternTitle(f.pattern()) + " ("
        + FlagMessages.severityWords(f.severity()) + "), rep <@" + f.repId() + ">";
  }

  public static LayoutBlock listSection(String heading, List<String> lines, String none) {
    StringBuilder b = new StringBuilder("*").append(heading).append(" (").append(lines.size()).append(")*\n");
    if (lines.isEmpty()) {
      b.append(none);
    }
    int shown = 0;
    for (String line : lines) {
      String more = "\n…and " + (lines.size() - shown) + " more";
      if (shown == MAX_LINES || b.length() + line.length() + 1 + more.length() > SECTION_LIMIT) {
        b.append("…and ").append(lines.size() - shown).append(" more");
        break;
      }
      b.append(line).append('\n');
      shown++;
    }
    String text = b.toString().stripTrailing();
    return section(s -> s.text(markdownText(text)));
  }

  private static String closedWords(FlagStatus status) {
    return switch (status) {
      case RESOLVED -> "resolved";
      case FALSE_ALARM -> "false alarm";
      case EXPIRED -> "closed itself";
      case OPEN -> "open";
    };
  }

  private static String limit(String s) {
    return s.length() <= SECTION_LIMIT ? s : s.substring(0, SECTION_LIMIT - 1) + "…";
  }
}
