package io.rapport.team;

/**
 * A request Rapport turns down, with a message written for the person who asked (what was wrong
 * and what to do instead). Nothing has changed when it is thrown.
 */
public class Refusal extends RuntimeException {
  public Refusal(String message) {
    super(message);
  }

  /**
   * What a person typed or named, made safe to quote in a message: at most 60 characters, and
   * escaped for Slack mrkdwn so that a typed {@code <@U1>} reads as text instead of a mention.
   */
  public static String quote(String s) {
    String t = s == null ? "" : s.strip();
    t = t.length() > 60 ? t.substring(0, 60) + "…" : t;
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
