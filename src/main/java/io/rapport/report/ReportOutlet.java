package io.rapport.report;

import io.rapport.domain.Team;
import java.util.List;

/**
 * Where a report goes out, and how its people are named: the port the report's services take, so
 * they hold no Slack types. The Slack implementation is {@code io.rapport.slack.out.SlackReportOutlet}
 * (every call through the one gateway; Block Kit from {@code io.rapport.slack.views}).
 */
public interface ReportOutlet {
  /** A file of the report: its file name, title, bytes, and the comment posted with it. */
  record File(String name, String title, byte[] bytes, String comment) {}

  /** The report could not go out; the message names the step and the platform's error. */
  class Failed extends Exception {
    public Failed(String message) {
      super(message);
    }
  }

  /** Rapport is not a member of the channel (it needs an invitation; it never joins by itself). */
  final class NotInChannel extends Failed {
    public NotInChannel(String channelId) {
      super("Rapport is not in " + channelId);
    }
  }

  /** Sends {@code file} to the person's direct messages with Rapport. */
  void sendToDirectMessages(String userId, File file) throws Failed;

  /** Posts the report (no buttons, {@code footnote} closing it) to {@code channelId}. */
  void postToChannel(String channelId, Report report, String footnote) throws Failed;

  /** Shares {@code file} in {@code channelId}. */
  void sendToChannel(String channelId, File file) throws Failed;

  /** The person's name as people read it (real name, else display name); the id when unknown. */
  String nameOf(String userId);

  /**
   * Asks {@code userId} which of {@code teams} to share to, in a dialog opened with
   * {@code triggerId}; {@code metadata} comes back with the answer. False when it could not open.
   */
  boolean askWhichTeam(String userId, String triggerId, List<Team> teams, String metadata);

  /** Tells the person {@code text} through the reply address of their earlier request. */
  void answerLater(String userId, String replyAddress, String text);
}
