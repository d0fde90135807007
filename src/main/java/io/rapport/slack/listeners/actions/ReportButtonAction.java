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
 * The report's buttons ({@code report.share}, {@code report.csv}, {@code report.chart}): each
 * press is read the same way, acknowledged, then answered after the ack — the report shared to
 * its channel (or the team-choice modal opened, the trigger used well within its 3 seconds), or
 * a file of the report uploaded to the presser's DM — with the outcome told ephemerally.
 */
public final class ReportButtonAction implements BlockActionHandler {
  /** A press of a report button: who, where, the button's value (the report's scope), and how to answer. */
  public record Press(String workspace, String user, String value, String triggerId, String responseUrl) {}

  /** What a button does for a press; returns what to tell the presser, or null for nothing. */
  @FunctionalInterface
  public interface Work {
    String run(Press press);
  }

  private final String name;
  private final AfterAck afterAck;
  private final Work work;

  private ReportButtonAction(String name, AfterAck afterAck, Work work) {
    this.name = name;
    this.afterAck = afterAck;
    this.work = work;
  }

  /** Shares to the scope's channel, or asks which team's channel in a modal. */
  public static ReportButtonAction share(AfterAck afterAck, ReportDelivery delivery) {
    return new ReportButtonAction("report.share", afterAck,
        p -> delivery.share(p.workspace(), p.user(), p.value(), p.triggerId(), p.responseUrl()));
  }

  public static ReportButtonAction csv(AfterAck afterAck, ReportDelivery delivery) {
    return new ReportButtonAction("report.csv", afterAck, p -> delivery.csv(p.workspace(), p.user(), p.value()));
  }

  public static ReportButtonAction chart(AfterAck afterAck, ReportDelivery delivery) {
    return new ReportButtonAction("report.chart", afterAck, p -> delivery.chart(p.workspace(), p.user(), p.value()));
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    Press press = new Press(ctx.getTeamId(), p.getUser().getId(),
        p.getActions().isEmpty() ? null : p.getActions().get(0).getValue(), p.getTriggerId(),
        ReplyRoute.usable(p.getResponseUrl()) ? p.getResponseUrl() : null);
    afterAck.run(name + " by " + press.user() + " in " + press.workspace(),
        () -> ActionReplies.ephemeral(ctx, p, work.run(press)));
    return ctx.ack();
  }
}
