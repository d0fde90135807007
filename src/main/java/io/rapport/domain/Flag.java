package io.rapport.domain;

import java.util.List;
import java.util.Optional;

/**
 * One flag: an account showing one unhealthy relationship pattern, from the first judgement that
 * found it until someone closes it or it closes itself. Identity is (workspace, account, pattern)
 * while it is open.
 *
 * @param workspaceId Slack team id
 * @param id flag id (UUID)
 * @param accountId the account
 * @param pattern the pattern's public id, e.g. {@code TERMS_DICTATED}
 * @param severity "watch" or "warning"
 * @param status open or how it was closed
 * @param evidence the evidence of the latest update shown
 * @param tip the coaching tip
 * @param repId the account's rep when the flag was opened
 * @param teamId the team whose channel (or manager) gets the flag, when there is one
 * @param channelId where the parent message was posted (a channel or the manager's DM)
 * @param messageTs the parent message's ts, once posted
 * @param postStatus pending, claimed or posted
 * @param postClaimedAt when the post was claimed (epoch millis), if it is
 * @param parentStale true when the parent message owes a {@code chat.update}
 * @param revision bumped by every change the parent message shows
 * @param firstWeek the week it was first found
 * @param lastSeenWeek the last judged week it was found
 * @param quietSinceWeek the first judged week it was no longer found, while quiet
 * @param evidenceWeek the week of the last evidence update
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgedAt when (epoch millis)
 * @param closedBy who closed it (null when it closed itself)
 * @param openedAt when it was opened (epoch millis)
 * @param closedAt when it was closed (epoch millis)
 * @param audience who the flag is for: {@code team} (the team's channel), {@code coaching} (the rep
 *     and the team's manager, privately) or {@code manager} (the manager alone)
 * @param movedFromChannelId the channel where the flag was posted before it became private, if so
 * @param movedFromTs that channel message's ts
 */
public record Flag(
    String workspaceId,
    String id,
    String accountId,
    String pattern,
    String severity,
    FlagStatus status,
    List<String> evidence,
    String tip,
    String repId,
    String teamId,
    String channelId,
    String messageTs,
    String postStatus,
    Long postClaimedAt,
    boolean parentStale,
    int revision,
    String firstWeek,
    String lastSeenWeek,
    String quietSinceWeek,
    String evidenceWeek,
    String acknowledgedBy,
    Long acknowledgedAt,
    String closedBy,
    long openedAt,
    Long closedAt,
    String audience,
    String movedFromChannelId,
    String movedFromTs) {

  public static final String POST_PENDING = "pending";
  public static final String POST_CLAIMED = "claimed";
  public static final String POST_DONE = "posted";

  public static final String TEAM = "team";
  public static final String MANAGER = "manager";

  public Flag {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    audience = audience == null ? MANAGER : audience; // unknown fails closed: never a channel
  }

  /** A team flag (as every flag was before audiences). */
  public Flag(String workspaceId, String id, String accountId, String pattern, String severity, FlagStatus status,
      List<String> evidence, String tip, String repId, String teamId, String channelId, String messageTs,
      String postStatus, Long postClaimedAt, boolean parentStale, int revision, String firstWeek,
      String lastSeenWeek, String quietSinceWeek, String evidenceWeek, String acknowledgedBy, Long acknowledgedAt,
      String closedBy, long openedAt, Long closedAt) {
    this(workspaceId, id, accountId, pattern, severity, status, evidence, tip, repId, teamId, channelId, messageTs,
        postStatus, postClaimedAt, parentStale, revision, firstWeek, lastSeenWeek, quietSinceWeek, evidenceWeek,
        acknowledgedBy, acknowledgedAt, closedBy, openedAt, closedAt, TEAM, null, null);
  }

  /** True for coaching and manager flags: they never go to a channel, and only a manager or admin closes them. */
  public boolean isPrivate() {
    return !TEAM.equals(audience);
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  public boolean isPosted() {
    return POST_DONE.equals(postStatus) && messageTs != null;
  }

  public Optional<String> acknowledger() {
    return Optional.ofNullable(acknowledgedBy);
  }
}
