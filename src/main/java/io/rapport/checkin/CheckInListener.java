package io.rapport.checkin;

/**
 * Told after a check-in (or "nothing to report") has been stored, so other capabilities — flags
 * above all — can judge the account again. Called after the ack, off the request thread.
 */
@FunctionalInterface
public interface CheckInListener {
  void afterCheckIn(String workspaceId, String accountId);
}
