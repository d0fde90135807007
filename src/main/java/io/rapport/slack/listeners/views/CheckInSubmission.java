package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import io.rapport.checkin.CheckInService;
import io.rapport.checkin.CheckInService.Stored;
import io.rapport.domain.CheckIn;
import io.rapport.slack.AfterAck;
import io.rapport.slack.listeners.events.HomeTabPublisher;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.AccountLines;
import io.rapport.slack.views.CheckInModal;
import io.rapport.team.Refusal;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in modal's submission. Validation is pure and fast, so wrong fields are answered in
 * the ack itself ({@code response_action: errors}); a valid check-in closes the modal at once and
 * is stored after the ack, exactly once per view id (a Slack retry or a double click stores
 * nothing new). The rep gets a short DM saying it was saved, or why not.
 */
public final class CheckInSubmission implements ViewSubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInSubmission.class);

  private final AfterAck afterAck;
  private final CheckInService checkIns;
  private final SlackApi slack;
  private final HomeTabPublisher home;

  public CheckInSubmission(AfterAck afterAck, CheckInService checkIns, SlackApi slack, HomeTabPublisher home) {
    this.afterAck = afterAck;
    this.checkIns = checkIns;
    this.slack = slack;
    this.home = home;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    View view = p.getView();
    String userId = p.getUser().getId();
    String workspaceId = p.getTeam() != null ? p.getTeam().getId() : view.getTeamId();
    Optional<CheckInModal.Metadata> metadata = CheckInModal.Metadata.parse(view.getPrivateMetadata());
    if (metadata.isEmpty() || workspaceId == null) {
      LOG.warn("A check-in submission by {} carried no usable metadata; closed", userId);
      return ctx.ack();
    }
    CheckInModal.Parsed parsed = CheckInModal.parse(
        view.getState() == null ? null : view.getState().getValues(), metadata.get());
    if (!parsed.isValid()) {
      return ctx.ackWithErrors(parsed.errors());
    }
    CheckIn checkIn = parsed.checkIn().orElseThrow();
    String viewId = view.getId();
    afterAck.run("check-in for " + checkIn.account() + " " + checkIn.week() + " by " + userId + " in " + workspaceId,
        () -> store(workspaceId, userId, viewId, checkIn));
    return ctx.ack();
  }

  private void store(String workspaceId, String userId, String viewId, CheckIn checkIn) {
    Optional<Stored> stored;
    try {
      stored = checkIns.recordOnce(workspaceId, userId, checkIn, CheckInService.VIEW_SUBMISSION, viewId);
    } catch (Refusal r) {
      dm(userId, r.getMessage());
      return;
    }
    if (stored.isEmpty()) {
      return;
    }
    Stored s = stored.get();
    dm(userId, ":white_check_mark: " + (s.edited() ? "Updated" : "Saved") + " your check-in for *"
        + AccountLines.escape(s.account().name()) + "* (" + s.checkIn().week() + "). Thank you!");
    home.publish(workspaceId, userId);
  }

  private void dm(String userId, String text) {
    try {
      var r = slack.methods().chatPostMessage(m -> m.channel(userId).text(text));
      if (!r.isOk()) {
        LOG.warn("Could not tell {} about their check-in: {}", userId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("Could not tell {} about their check-in: {}", userId, e.toString());
    }
  }
}
