package io.rapport.slack.subscribers;

import io.rapport.checkin.CheckInListener;
import io.rapport.checkin.CheckInService.Stored;
import io.rapport.slack.listeners.events.HomeTabPublisher;

/** The last subscriber after a check-in: the submitter's App Home shows the new answer. */
public final class HomeTabRefresh implements CheckInListener {
  private final HomeTabPublisher home;

  public HomeTabRefresh(HomeTabPublisher home) {
    this.home = home;
  }

  @Override
  public void afterStored(String workspaceId, String actorUserId, Stored stored) {
    home.publish(workspaceId, actorUserId);
    String rep = stored.checkIn().rep();
    if (rep != null && !rep.equals(actorUserId)) {
      home.publish(workspaceId, rep); // the rep's own App Home shows who changed their check-in
    }
  }

  /** "Nothing to report" leaves App Home to its next opening. */
  @Override
  public void afterCheckIn(String workspaceId, String accountId) {}
}
