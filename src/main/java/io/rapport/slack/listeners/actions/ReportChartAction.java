package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.report.ReportDelivery;
import io.rapport.slack.AfterAck;

/** {@code report.chart}: acknowledges, then uploads the report's health-trend chart to the presser's DM. */
public final class ReportChartAction implements BlockActionHandler {
  private final AfterAck afterAck;
  private final ReportDelivery delivery;

  public ReportChartAction(AfterAck afterAck, ReportDelivery delivery) {
    this.afterAck = afterAck;
    this.delivery = delivery;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
    String ws = p.getTeam().getId();
    String user = p.getUser().getId();
    afterAck.run("report.chart by " + user + " in " + ws,
        () -> ActionReplies.ephemeral(ctx, delivery.chart(ws, user, value)));
    return ctx.ack();
  }
}
