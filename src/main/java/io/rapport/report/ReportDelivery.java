package io.rapport.report;

import io.rapport.logs.LogText;
import io.rapport.domain.Team;
import io.rapport.command.CommandCopy;
import io.rapport.command.UsageException;
import io.rapport.store.ProcessedRequestDao;
import io.rapport.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the report's command, buttons and modal do, each returning what to tell the user: the
 * report itself (chart to the DM afterwards), the CSV to the DM, a shared copy in a team's
 * channel (asking in a modal when the report spans several teams). Button values carry the
 * report's resolved scope; every press is checked again against the presser's rights.
 */
public final class ReportDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

  /** Marks "this report's chart went to this person's DM in this period" in processed_requests. */
  static final String CHART_SENT_KIND = "report.chart";

  private final ReportService service;
  private final ReportOutlet outlet;
  private final Executor background;
  private final Store store;
  private final Clock clock;

  public ReportDelivery(ReportService service, ReportOutlet outlet, Executor background, Store store, Clock clock) {
    this.service = service;
    this.outlet = outlet;
    this.background = background;
    this.store = store;
    this.clock = clock;
  }

  /**
   * {@code /relationship-report}: the ephemeral report. The chart follows in the DM the first time
   * this person asks for this report (same scope and weeks) in a report period (its last week);
   * running it again that week does not upload it again: the *Send chart* button does, on demand.
   */
  public ReportAnswer report(String ws, String user, ReportScope scope) throws UsageException {
    ReportService.Built built;
    try {
      built = service.build(ws, user, scope);
    } catch (ScopeResolver.Refusal r) {
      return ReportAnswer.text(r.getMessage());
    }
    String key = user + " " + built.scope().scope().encode() + " " + built.report().period().to();
    ProcessedRequestDao sent = store.jdbi().onDemand(ProcessedRequestDao.class);
    store.ensureWorkspace(ws, clock.millis());
    if (sent.claim(ws, CHART_SENT_KIND, key, clock.millis()) == 0) {
      return service.message(built, ReportCopy.CHART_SENT_EARLIER);
    }
    background.execute(() -> {
      try {
        service.sendChart(user, built);
      } catch (ReportOutlet.Failed | RuntimeException e) {
        sent.release(ws, CHART_SENT_KIND, key); // not sent: the next run tries again
        ReportService.logFailure("Uploading the report chart", user, e);
      }
    });
    return service.message(built);
  }

  /** {@code report.chart}: uploads the chart to the presser's DM (asked for, so always). */
  public String chart(String ws, String user, String value) {
    Rebuilt built = rebuild(ws, user, value);
    if (built.isEmpty()) {
      return built.problem();
    }
    try {
      service.sendChart(user, built.get());
      return ReportCopy.CHART_SENT;
    } catch (ReportOutlet.Failed e) {
      ReportService.logFailure("Uploading the report chart", user, e);
      return ReportCopy.failed("send the chart");
    }
  }

  /** {@code report.csv}: uploads the CSV to the presser's DM. */
  public String csv(String ws, String user, String value) {
    Rebuilt built = rebuild(ws, user, value);
    if (built.isEmpty()) {
      return built.problem();
    }
    try {
      service.sendCsv(user, built.get());
      return ReportCopy.CSV_SENT;
    } catch (ReportOutlet.Failed e) {
      ReportService.logFailure("Uploading the report CSV", user, e);
      return ReportCopy.failed("send the CSV");
    }
  }

  /**
   * {@code report.share}: posts to the scope's channel, or opens the team-choice modal.
   *
   * @return the note for the presser, or null when the modal was opened
   */
  public String share(String ws, String user, String value, String triggerId, String responseUrl) {
    Rebuilt built = rebuild(ws, user, value);
    if (built.isEmpty()) {
      return built.problem();
    }
    ResolvedScope scope = built.get().scope();
    Optional<String> channel = service.shareChannel(scope);
    if (channel.isEmpty()) {
      List<Team> withChannel = scope.teams().stream().filter(t -> t.channelId().isPresent()).toList();
      if (withChannel.isEmpty()) {
        return scope.teams().size() == 1 ? ReportCopy.teamWithoutChannel(scope.teams().get(0).name()) : ReportCopy.NO_CHANNEL;
      }
      String metadata = scope.scope().encode() + "\n" + (responseUrl == null ? "" : responseUrl);
      return outlet.askWhichTeam(user, triggerId, withChannel, metadata) ? null : ReportCopy.failed("open the share dialog");
    }
    return shareTo(user, built.get(), channel.get());
  }

  /** The share modal was submitted: shares the chosen team's report in its channel. */
  public void shareChosen(String ws, String user, String metadata, String teamId) {
    String[] parts = metadata == null ? new String[0] : metadata.split("\n", 2);
    String responseUrl = parts.length > 1 && !parts[1].isBlank() ? parts[1] : null;
    String note;
    try {
      ReportScope original = ReportScope.decode(parts.length > 0 ? parts[0] : null);
      ReportScope team = new ReportScope(ReportScope.Kind.TEAM, teamId, original.weeks());
      Rebuilt built = rebuild(ws, user, team.encode());
      if (built.isEmpty()) {
        note = built.problem();
      } else {
        Optional<String> channel = service.shareChannel(built.get().scope());
        note = channel.isEmpty()
            ? ReportCopy.teamWithoutChannel(built.get().scope().teams().get(0).name())
            : shareTo(user, built.get(), channel.get());
      }
    } catch (IllegalArgumentException e) {
      note = ReportCopy.EXPIRED;
    }
    if (responseUrl != null) {
      outlet.answerLater(user, responseUrl, note);
    }
  }

  private String shareTo(String user, ReportService.Built built, String channel) {
    try {
      service.share(user, built, channel);
      return ReportCopy.sharedTo(channel);
    } catch (ReportOutlet.NotInChannel e) {
      return ReportCopy.notInChannel(channel);
    } catch (ReportOutlet.Failed e) {
      ReportService.logFailure("Sharing the report to " + channel, user, e);
      return ReportCopy.failed("share the report to <#" + channel + ">");
    }
  }

  /** A report rebuilt for a button press, or what to tell the presser instead. */
  private record Rebuilt(ReportService.Built built, String problem) {
    boolean isEmpty() {
      return built == null;
    }

    ReportService.Built get() {
      return built;
    }
  }

  private Rebuilt rebuild(String ws, String user, String value) {
    ReportScope scope;
    try {
      scope = ReportScope.decode(value);
    } catch (IllegalArgumentException e) {
      return new Rebuilt(null, ReportCopy.EXPIRED);
    }
    try {
      return new Rebuilt(service.build(ws, user, scope), null);
    } catch (ScopeResolver.Refusal r) {
      return new Rebuilt(null, r.getMessage());
    } catch (UsageException e) {
      return new Rebuilt(null, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Rebuilding a report for {} in {} failed", user, ws, LogText.withoutMessages(e));
      return new Rebuilt(null, CommandCopy.SORRY);
    }
  }
}
