package io.rapport.slack.subscribers;

import com.slack.api.methods.SlackApiException;
import io.rapport.checkin.CheckInListener;
import io.rapport.checkin.CheckInService.Stored;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.SlackText;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first subscriber after a check-in: a short DM telling the person who submitted it that it
 * was saved (or updated). Sent after the check-in is stored, never instead of storing it.
 */
public final class CheckInConfirmation implements CheckInListener {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInConfirmation.class);

  private final SlackApi slack;

  public CheckInConfirmation(SlackApi slack) {
    this.slack = slack;
  }

  /** The DM's text for a stored check-in. */
  public static String text(Stored s) {
    return ":white_check_mark: " + (s.edited() ? "Updated" : "Saved") + " your check-in for *"
        + SlackText.escape(s.account().name()) + "* (" + s.checkIn().week() + "). Thank you!";
  }

  @Override
  public void afterStored(String workspaceId, String actorUserId, Stored stored) {
    try {
      var r = slack.methods().chatPostMessage(m -> m.channel(actorUserId).text(text(stored)));
      if (!r.isOk()) {
        LOG.warn("Could not tell {} about their check-in: {}", actorUserId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("Could not tell {} about their check-in: {}", actorUserId, e.toString());
    }
  }

  /** "Nothing to report" answers in the prompt itself; no DM. */
  @Override
  public void afterCheckIn(String workspaceId, String accountId) {}
}
