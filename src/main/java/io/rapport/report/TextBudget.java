package io.rapport.report;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Joins lines into one piece of text no longer than a limit: lines that do not fit are left out
 * and replaced by one closing line saying how many were left out ("…and 12 more — see the CSV").
 * A single line longer than the limit is cut with an ellipsis. Keeps Block Kit sections within
 * their 3,000 characters whatever the data size.
 */
public final class TextBudget {
  static final int MAX_LINE = 500;

  private TextBudget() {}

  /**
   * @param heading the first line (always kept)
   * @param lines the lines, most important first
   * @param maxLines at most this many lines are shown
   * @param limit the most characters of the result
   * @param more the closing line for {@code n} lines left out
   */
  public static String join(String heading, List<String> lines, int maxLines, int limit, IntFunction<String> more) {
    StringBuilder b = new StringBuilder(heading);
    int reserve = more.apply(lines.size()).length() + 1;
    int shown = 0;
    for (String line : lines) {
      if (shown >= maxLines) {
        break;
      }
      String candidate = "\n" + cut(line, MAX_LINE);
      boolean last = shown == lines.size() - 1;
      if (b.length() + candidate.length() + (last ? 0 : reserve) > limit) {
        break;
      }
      b.append(candidate);
      shown++;
    }
    int left = lines.size() - shown;
    if (left > 0) {
      b.append('\n').append(more.apply(left));
    }
    return cut(b.toString(), limit);
  }

  /** {@code text} cut to {@code max} characters, ending with an ellipsis when cut. */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
  }
}
