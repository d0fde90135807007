package io.rapport.report;

import io.rapport.slack.views.SlackText;
import java.util.List;

/** The words of the report's Slack surface, in one place. */
public final class ReportCopy {
  private ReportCopy() {}

  /**
   * The report's title for Slack text: names escaped, while the rep scope's own mention
   * ("<@U123>'s accounts") stays a mention.
   */
  public static String slackTitle(Report r) {
    return SlackText.escape(r.title()).replaceFirst("^&lt;@([UW][A-Z0-9]+)&gt;'s accounts$", "<@$1>'s accounts");
  }

  static final String CHART_IN_DM = "The health-trend chart is in your direct messages with Rapport.";

  /** The chart of this report went to the DM earlier in the period; it is not sent again unasked. */
  static final String CHART_SENT_EARLIER = "This week's health-trend chart for this report is already in"
      + " your direct messages with Rapport; press *Send chart* for a fresh one.";

  public static final String CHART_SENT = "The health-trend chart is in your direct messages with Rapport.";

  public static final String WORKING = "Building your relationship report…";

  /** The gap line: accounts without a check-in in their evidence window, or null when there are none. */
  public static String noRecentCheckIns(Report r) {
    List<Report.AccountRow> gaps = r.accounts().stream().filter(a -> a.health().isEmpty()).toList();
    if (gaps.isEmpty()) {
      return null;
    }
    boolean allKey = gaps.stream().allMatch(a -> a.account().isKey());
    String noun = allKey ? "key account" : "account";
    return ReportFigures.count(gaps.size(), noun) + (gaps.size() == 1 ? " has" : " have") + " no check-in in "
        + r.evidenceWeeks() + " weeks, so no health number: check "
        + (gaps.size() == 1 ? "it" : "them") + " in to see how " + (gaps.size() == 1 ? "it is" : "they are") + " doing.";
  }

  /**
   * The away line: reps away in the period, whose weeks away are not due (not missed); null when
   * nobody was away. {@code person} renders a rep (a mention in Slack, a name in the terminal).
   */
  public static String away(Report r, java.util.function.Function<String, String> person) {
    if (r.awayWeeks().isEmpty()) {
      return null;
    }
    List<String> reps = new java.util.ArrayList<>();
    r.awayWeeks().forEach((rep, weeks) -> reps.add(person.apply(rep) + " " + ReportFigures.count(weeks, "week")));
    return "Away (not counted as missed): " + String.join(", ", reps) + ".";
  }

  /** The completion line when nothing was due. */
  public static String nothingDue(Report r) {
    return r.keyAccounts() == 0
        ? "nothing is due: there are no key accounts yet."
        : "nothing was due yet: " + ReportFigures.count(r.keyAccounts(), "key account")
            + " will be due from " + (r.keyAccounts() == 1 ? "its" : "their") + " first check-in time.";
  }

  public static String chartComment(Report r) {
    return "Health trend — " + slackTitle(r) + ", " + r.period().inWords() + ". A team's line is the average health"
        + " of its accounts; dashed lines mark the bands: healthy at 90 and above, at risk below 60.";
  }

  public static String csvComment(Report r) {
    return "Relationship report — " + slackTitle(r) + ", " + r.period().inWords() + ": one row per account ("
        + r.accounts().size() + ") with health, band, open flags, last check-in and the period's signals.";
  }

  public static String sharedBy(String userId) {
    return "Shared by <@" + userId + ">. Ask them or Rapport's admins for the CSV.";
  }

  public static String sharedTo(String channelId) {
    return "Shared the report and its chart to <#" + channelId + ">.";
  }

  public static String notInChannel(String channelId) {
    return "I'm not in <#" + channelId + "> yet. Invite me there (`/invite @Rapport`) and press *Share to"
        + " channel* again.";
  }

  public static final String CSV_SENT = "The CSV is in your direct messages with Rapport.";

  public static final String NO_CHANNEL =
      "No team in this report has a channel yet, so there is nowhere to share it. An admin can set"
          + " one with `/relationship-admin team NAME channel #channel`.";

  public static String teamWithoutChannel(String team) {
    return "Team *" + SlackText.escape(team) + "* has no channel yet. An admin can set one with"
        + " `/relationship-admin team \"" + SlackText.escape(team) + "\" channel #channel`.";
  }

  public static String failed(String what) {
    return "Sorry — I couldn't " + what + " just now. Please try again in a minute.";
  }

  public static final String EXPIRED =
      "That report button no longer works. Run `/relationship-report` again.";

  public static final String SHARE_MODAL_TITLE = "Share the report";
  public static final String SHARE_MODAL_PROMPT =
      "This report covers several teams. Which team's report should I post, in that team's channel?";
}
