package io.rapport.checkin;

/**
 * A subscriber told after a check-in (or "nothing to report") has been stored, so other
 * capabilities — the rep's confirmation, the prompt's progress, flags, App Home — can follow up.
 * Subscribers are named and run in the order they were wired, on the background lane, after the
 * ack: a slow one never delays Slack's answer.
 */
@FunctionalInterface
public interface CheckInListener {
  /** The account has a new answer for a week (a check-in, an edit, or "nothing to report"). */
  void afterCheckIn(String workspaceId, String accountId);

  /**
   * A check-in recorded by {@code actorUserId} (the person who submitted it) was stored; by
   * default the same as {@link #afterCheckIn}.
   */
  default void afterStored(String workspaceId, String actorUserId, CheckInService.Stored stored) {
    afterCheckIn(workspaceId, stored.account().id());
  }
}
