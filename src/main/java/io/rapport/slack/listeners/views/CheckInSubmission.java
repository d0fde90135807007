package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.CheckIn;
import io.rapport.slack.listeners.actions.CheckInModalOpener;
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
 * the modal — or, in a sitting of several due accounts, turns it into the next account's form
 * ({@code response_action: update}), so every account is stored as soon as it is given and
 * stopping halfway loses nothing. Wrong fields, a refusal, or a store that could not finish in
 * time are answered in the modal itself ({@code response_action: errors}), so the rep can correct
 * or submit again; the store is keyed by the view id and the account (a sitting keeps one view id
 * from account to account), so a Slack retry, a double click or that second submit stores nothing
 * twice. The prompt message, flags and App Home follow on the background lane (the {@link
 * io.rapport.checkin.CheckInListener}s); there is no DM per check-in.
 */
public final class CheckInSubmission implements ViewSubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInSubmission.class);

  private final CheckInService checkIns;
  private final CheckInModalOpener opener;

  public CheckInSubmission(CheckInService checkIns, CheckInModalOpener opener) {
    this.checkIns = checkIns;
    this.opener = opener;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    View view = p.getView();
    String userId = p.getUser().getId();
    String workspaceId = ctx.getTeamId();
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
      checkIns.recordOnce(workspaceId, userId, checkIn, CheckInService.VIEW_SUBMISSION,
          view.getId() + "/" + checkIn.account());
    } catch (BoundedWrites.NotWritten e) {
      return ctx.ackWithErrors(Map.of(CheckInModal.FORM_ERROR_BLOCK, CheckInModal.NOT_SAVED));
    } catch (Refusal r) {
      return ctx.ackWithErrors(Map.of(CheckInModal.FORM_ERROR_BLOCK, CheckInModal.plainRefusal(r.getMessage())));
    }
    return next(ctx, workspaceId, userId, metadata.get());
  }

  /** Stored: the modal closes, or shows the next account of the sitting still due. */
  private Response next(ViewSubmissionContext ctx, String workspaceId, String userId, CheckInModal.Metadata m) {
    if (m.queue().isEmpty() && m.saved() == 0) {
      return ctx.ack();
    }
    View next = opener.next(workspaceId, userId, m.weeks(), m.queue(), m.saved() + 1);
    return ctx.ack(r -> r.responseAction("update").view(next));
  }
}
