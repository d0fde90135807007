package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.flag.FlagService;
import io.rapport.store.BoundedWrites;
import io.rapport.slack.views.FlagMessages;
import java.util.Map;
import java.util.Optional;
import io.rapport.logs.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The False alarm modal ({@code flag.false_alarm}): an optional reason; closes the flag and
 * suppresses the pattern on the account in the ack path, within {@link BoundedWrites#ACK_PATH},
 * and only then closes the modal; not stored in time, or refused, is answered in the modal. A
 * repeat finds the flag already closed and changes nothing.
 */
public final class FlagFalseAlarmSubmission implements ViewSubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FlagFalseAlarmSubmission.class);

  private final FlagService flags;

  public FlagFalseAlarmSubmission(FlagService flags) {
    this.flags = flags;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    String workspaceId = ctx.getTeamId();
    String userId = p.getUser().getId();
    String flagId = p.getView().getPrivateMetadata();
    String reason = FlagPlanSubmission.text(
        p.getView().getState() == null ? Map.of() : p.getView().getState().getValues(),
        FlagMessages.REASON_BLOCK, FlagMessages.REASON);
    if (reason != null && reason.strip().length() > FlagMessages.MAX_REASON) {
      return ctx.ackWithErrors(Map.of(FlagMessages.REASON_BLOCK,
          "Keep the reason under " + FlagMessages.MAX_REASON + " characters."));
    }
    try {
      FlagService.Result r = flags.falseAlarm(workspaceId, userId, flagId, reason);
      Optional<String> refused = FlagPlanSubmission.refusal(r);
      if (refused.isPresent()) {
        LOG.info("False alarm on flag {} by {} in {} not recorded: {}", LogText.id(flagId), userId, workspaceId, r.outcome());
        return ctx.ackWithErrors(Map.of(FlagMessages.REASON_BLOCK, refused.get()));
      }
      return ctx.ack();
    } catch (BoundedWrites.NotWritten e) {
      return ctx.ackWithErrors(Map.of(FlagMessages.REASON_BLOCK, FlagMessages.NOT_SAVED));
    }
  }
}
