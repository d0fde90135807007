package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.report.ReportDelivery;
import io.rapport.slack.AfterAck;

/**
 * The report's file buttons ({@code report.csv}, {@code report.chart}): acknowledges, then
 * uploads that file of the report to the presser's DM and answers ephemerally with the outcome.
 */
public final class ReportFileAction implements BlockActionHandler {
  /** One file of the report, uploaded for (workspace, user, the button's value); returns the reply. */
  @FunctionalInterface
  public interface Upload {
    String upload(String workspace, String user, String value);
  }

  private final String name;
  private final AfterAck afterAck;
  private final Upload upload;

  private ReportFileAction(String name, AfterAck afterAck, Upload upload) {
    this.name = name;
    this.afterAck = afterAck;
    this.upload = upload;
  }

  public static ReportFileAction csv(AfterAck afterAck, ReportDelivery delivery) {
    return new ReportFileAction("report.csv", afterAck, delivery::csv);
  }

  public static ReportFileAction chart(AfterAck afterAck, ReportDelivery delivery) {
    return new ReportFileAction("report.chart", afterAck, delivery::chart);
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
    String ws = ctx.getTeamId();
    String user = p.getUser().getId();
    afterAck.run(name + " by " + user + " in " + ws,
        () -> ActionReplies.ephemeral(ctx, p, upload.upload(ws, user, value)));
    return ctx.ack();
  }
}
