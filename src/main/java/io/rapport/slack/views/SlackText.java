package io.rapport.slack.views;

/**
 * The one escaper for text Rapport sends to Slack. Every user- or data-derived value (account,
 * team and person names, evidence, notes, anything typed) goes through {@link #escape} before it
 * is placed in mrkdwn or in a message's fallback {@code text}, following Slack's rule: {@code &},
 * {@code <} and {@code >} become entities, so {@code <!channel>} or {@code <http://x|click>}
 * typed into a name reads as text and never pings or links.
 */
public final class SlackText {
  private SlackText() {}

  /** {@code s} made safe for mrkdwn and fallback text; {@code null} becomes "". */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        default -> null;
      };
      if (entity != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(entity);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** At most {@code max} characters of {@code s}, cut at a word boundary with "…", then escaped. */
  public static String escapeShortened(String s, int max) {
    return escape(shorten(s, max));
  }

  /** At most {@code max} characters, cut at the last space before the limit (never mid-word). */
  public static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    if (t.length() <= max) {
      return t;
    }
    int cut = t.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return t.substring(0, cut).stripTrailing() + "…";
  }
}
