package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.CheckIn;
import io.rapport.slack.views.CheckInModal;
import io.rapport.store.BoundedWrites;
import io.rapport.team.Refusal;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in modal's submission. Durable before "saved": the check-in is validated and stored
 * in the ack path, within {@link BoundedWrites#ACK_PATH}, and only a committed check-in closes
 * the modal. Wrong fields, a refusal, or a store that could not finish in time are answered in
 * the modal itself ({@code response_action: errors}), so the rep can correct or submit again; the
 * store is keyed by the view id, so a Slack retry, a double click or that second submit stores
 * nothing twice. The confirmation DM, flags and App Home follow on the background lane (the
 * {@link io.rapport.checkin.CheckInListener}s).
 */
public final class CheckInSubmission implements ViewSubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInSubmission.class);

  private final CheckInService checkIns;

  public CheckInSubmission(CheckInService checkIns) {
    this.checkIns = checkIns;
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
    try {
      checkIns.recordOnce(workspaceId, userId, checkIn, CheckInService.VIEW_SUBMISSION, view.getId());
      return ctx.ack();
    } catch (BoundedWrites.NotWritten e) {
      return ctx.ackWithErrors(Map.of(CheckInModal.FORM_ERROR_BLOCK, CheckInModal.NOT_SAVED));
    } catch (Refusal r) {
      return ctx.ackWithErrors(Map.of(CheckInModal.FORM_ERROR_BLOCK, CheckInModal.plainRefusal(r.getMessage())));
    }
  }
}
