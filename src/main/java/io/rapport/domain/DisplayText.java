package io.rapport.domain;

/**
 * Text that came from people or data, made safe to show in a message. This is the one
 * implementation of Slack's escaping rule ({@code &}, {@code <} and {@code >} become entities, so
 * a typed {@code <!channel>} or {@code <http://x|click>} reads as text and never pings or links).
 * The Slack views use it through {@code io.rapport.slack.views.SlackText}; services that word a
 * refusal or a reply use it here, without depending on the Slack package.
 */
public final class DisplayText {
  /** How much of something typed a refusal quotes back. */
  public static final int QUOTE_LENGTH = 60;

  private DisplayText() {}

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

  /**
   * What a person typed or named, made safe to quote back: at most {@link #QUOTE_LENGTH}
   * characters, then escaped.
   */
  public static String quote(String s) {
    return escape(shorten(s, QUOTE_LENGTH));
  }
}
