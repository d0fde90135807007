package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.report.ReportDelivery;
import io.rapport.slack.AfterAck;

/** {@code report.csv}: acknowledges, then uploads the report's CSV to the presser's DM. */
public final class ReportCsvAction implements BlockActionHandler {
  private final AfterAck afterAck;
  private final ReportDelivery delivery;

  public ReportCsvAction(AfterAck afterAck, ReportDelivery delivery) {
    this.afterAck = afterAck;
    this.delivery = delivery;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
    String ws = p.getTeam().getId();
    String user = p.getUser().getId();
    afterAck.run("report.csv by " + user + " in " + ws,
        () -> ActionReplies.ephemeral(ctx, delivery.csv(ws, user, value)));
    return ctx.ack();
  }
}
