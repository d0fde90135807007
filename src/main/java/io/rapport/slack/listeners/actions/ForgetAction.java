package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.logs.LogText;
import io.rapport.privacy.Forgetting;
import io.rapport.slack.AfterAck;
import io.rapport.slack.views.ForgetMessages;
import io.rapport.team.NotAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Forget them" button of {@code /relationship-admin forget}: carries out the request its
 * value names, once, after the ack, and answers the admin alone with the summary (a second press:
 * "already done"). Anyone but an admin gets the uniform refusal and nothing happens.
 */
public final class ForgetAction implements BlockActionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ForgetAction.class);

  private final Forgetting forgetting;
  private final AfterAck afterAck;

  public ForgetAction(Forgetting forgetting, AfterAck afterAck) {
    this.forgetting = forgetting;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String workspaceId = ctx.getTeamId();
    String userId = p.getUser() == null ? null : p.getUser().getId();
    String requestId = p.getActions() == null ? null : p.getActions().stream()
        .filter(a -> ForgetMessages.CONFIRM.equals(a.getActionId())).map(BlockActionPayload.Action::getValue)
        .filter(v -> v != null).findFirst().orElse(null);
    if (workspaceId == null || userId == null) {
      return ctx.ack();
    }
    afterAck.run(ForgetMessages.CONFIRM + " by " + userId + " in " + workspaceId, () -> {
      String text;
      try {
        Forgetting.Outcome outcome = forgetting.confirm(workspaceId, userId, requestId);
        text = switch (outcome.state()) {
          case DONE -> outcome.summary();
          case ALREADY_DONE -> ForgetMessages.alreadyDone(outcome.summary());
          case IN_PROGRESS -> ForgetMessages.IN_PROGRESS;
        };
      } catch (NotAllowed e) {
        LOG.info("{} refused to {} in {}", ForgetMessages.CONFIRM, userId, workspaceId);
        text = NotAllowed.NOT_YOURS;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("Forget request {} interrupted", LogText.id(requestId));
        return;
      }
      ActionReplies.answer(ctx, p, text, null, true);
    });
    return ctx.ack();
  }
}
