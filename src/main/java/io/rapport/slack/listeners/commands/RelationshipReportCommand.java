package io.rapport.slack.listeners.commands;

import io.rapport.command.UsageException;
import io.rapport.report.ReportDelivery;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.report.ReportScope;
import io.rapport.slack.AfterAck;

/**
 * {@code /relationship-report [@rep | #channel | team NAME | account NAME] [weeks=N]}: the
 * arguments are checked at once; the report is built after the ack and answered through
 * {@code response_url}, with the chart sent to the requester's DM.
 */
public final class RelationshipReportCommand extends DeferredCommand {
  public static final String COMMAND = "/relationship-report";

  private final ReportDelivery delivery;

  public RelationshipReportCommand(AfterAck afterAck, ReportDelivery delivery) {
    super(afterAck);
    this.delivery = delivery;
  }

  @Override
  protected Work plan(CommandRequest request) throws UsageException {
    ReportScope scope = ReportScope.parse(request.args());
    return () -> ReportBlocks.reply(delivery.report(request.workspaceId(), request.userId(), scope));
  }
}
