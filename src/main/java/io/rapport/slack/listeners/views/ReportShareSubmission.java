package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import io.rapport.report.ReportDelivery;
import io.rapport.slack.views.ShareModal;
import io.rapport.slack.AfterAck;
import java.util.Map;

/**
 * The share modal's submission: closes the modal at once and posts the chosen team's report to
 * its channel after the ack, confirming through the report's {@code response_url}.
 */
public final class ReportShareSubmission implements ViewSubmissionHandler {
  private final AfterAck afterAck;
  private final ReportDelivery delivery;

  public ReportShareSubmission(AfterAck afterAck, ReportDelivery delivery) {
    this.afterAck = afterAck;
    this.delivery = delivery;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    String teamId = null;
    Map<String, Map<String, ViewState.Value>> values =
        p.getView().getState() == null ? null : p.getView().getState().getValues();
    if (values != null && values.get(ShareModal.BLOCK) != null) {
      ViewState.Value v = values.get(ShareModal.BLOCK).get(ShareModal.ACTION);
      if (v != null && v.getSelectedOption() != null) {
        teamId = v.getSelectedOption().getValue();
      }
    }
    if (teamId == null) {
      return ctx.ackWithErrors(Map.of(ShareModal.BLOCK, "Choose a team."));
    }
    String ws = ctx.getTeamId();
    String user = p.getUser().getId();
    String chosen = teamId;
    String metadata = p.getView().getPrivateMetadata();
    afterAck.run("report share modal by " + user + " in " + ws,
        () -> delivery.shareChosen(ws, user, metadata, chosen));
    return ctx.ack();
  }
}
