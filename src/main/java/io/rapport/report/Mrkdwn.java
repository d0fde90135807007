package io.rapport.report;

/** Slack mrkdwn helpers for text that comes from users (account and team names, evidence). */
final class Mrkdwn {
  private Mrkdwn() {}

  /** Escapes the three characters Slack requires escaped in message text. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
