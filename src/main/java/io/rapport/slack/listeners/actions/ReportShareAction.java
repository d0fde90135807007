package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.report.ReportDelivery;
import io.rapport.slack.AfterAck;
import io.rapport.slack.ReplyRoute;

/**
 * {@code report.share}: acknowledges, then posts the report to the team's channel — or, when the
 * report spans several teams, opens a modal asking which team's report to post (the trigger is
 * used well within its 3 seconds).
 */
public final class ReportShareAction implements BlockActionHandler {
  private final AfterAck afterAck;
  private final ReportDelivery delivery;

  public ReportShareAction(AfterAck afterAck, ReportDelivery delivery) {
    this.afterAck = afterAck;
    this.delivery = delivery;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
    String ws = ctx.getTeamId();
    String user = p.getUser().getId();
    String trigger = p.getTriggerId();
    String responseUrl = ReplyRoute.usable(p.getResponseUrl()) ? p.getResponseUrl() : null;
    afterAck.run("report.share by " + user + " in " + ws,
        () -> ActionReplies.ephemeral(ctx, p, delivery.share(ws, user, value, trigger, responseUrl)));
    return ctx.ack();
  }
}
