package io.rapport.slack.views;

import io.rapport.domain.DisplayText;

/**
 * The one escaper for text Rapport sends to Slack. Every user- or data-derived value (account,
 * team and person names, evidence, notes, anything typed) goes through {@link #escape} before it
 * is placed in mrkdwn or in a message's fallback {@code text}, following Slack's rule: {@code &},
 * {@code <} and {@code >} become entities, so {@code <!channel>} or {@code <http://x|click>}
 * typed into a name reads as text and never pings or links. The implementation lives in
 * {@link DisplayText}, so services can word refusals with the same rule.
 */
public final class SlackText {
  private SlackText() {}

  /** {@code s} made safe for mrkdwn and fallback text; {@code null} becomes "". */
  public static String escape(String s) {
    return DisplayText.escape(s);
  }

  /** At most {@code max} characters of {@code s}, cut at a word boundary with "…", then escaped. */
  public static String escapeShortened(String s, int max) {
    return escape(shorten(s, max));
  }

  /** At most {@code max} characters, cut at the last space before the limit (never mid-word). */
  public static String shorten(String s, int max) {
    return DisplayText.shorten(s, max);
  }
}
