package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.report.ReportDelivery;
import io.rapport.report.ReportOutlet;
import io.rapport.report.ReportService;
import io.rapport.slack.listeners.actions.ReportButtonAction;
import io.rapport.slack.listeners.commands.RelationshipReportCommand;
import io.rapport.slack.listeners.views.ReportShareSubmission;
import io.rapport.slack.out.SlackReportOutlet;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.slack.views.ShareModal;

/**
 * Reports: {@code /relationship-report}, its share, CSV and chart buttons, and the share modal.
 * Reports are built on the background lane; they start no scheduled work.
 */
public final class ReportsModule implements Module {
  private final Foundation foundation;
  private final ReportDelivery delivery;

  public ReportsModule(Foundation foundation) {
    this.foundation = foundation;
    ReportOutlet outlet = new SlackReportOutlet(foundation.slackApi());
    this.delivery = new ReportDelivery(
        new ReportService(foundation.store(), foundation.access(), outlet, foundation.timeZones(),
            foundation.completions(), foundation.config().currency()),
        outlet, work -> foundation.afterAck().run("report chart upload", work), foundation.store(),
        foundation.clock());
  }

  /** Builds and delivers reports (in a DM, shared to a channel, as CSV or chart). */
  public ReportDelivery delivery() {
    return delivery;
  }

  @Override
  public void register(Routes routes) {
    var afterAck = foundation.afterAck();
    routes.command(RelationshipReportCommand.COMMAND, new RelationshipReportCommand(afterAck, delivery));
    routes.blockAction(ReportBlocks.SHARE_ACTION, ReportButtonAction.share(afterAck, delivery));
    routes.blockAction(ReportBlocks.CSV_ACTION, ReportButtonAction.csv(afterAck, delivery));
    routes.blockAction(ReportBlocks.CHART_ACTION, ReportButtonAction.chart(afterAck, delivery));
    routes.viewSubmission(ShareModal.CALLBACK_ID, new ReportShareSubmission(afterAck, delivery));
  }
}
