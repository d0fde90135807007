package io.rapport.report;

import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.rapport.domain.Team;
import io.rapport.slack.AfterAck;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.slack.listeners.commands.UsageException;
import io.rapport.slack.out.FileUpload;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.Reply;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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

  private final ReportService service;
  private final SlackApi slack;
  private final AfterAck afterAck;

  public ReportDelivery(ReportService service, SlackApi slack, AfterAck afterAck) {
    this.service = service;
    this.slack = slack;
    this.afterAck = afterAck;
  }

  /** {@code /relationship-report}: the ephemeral report; the chart follows in the DM. */
  public Reply report(String ws, String user, ReportScope scope) throws UsageException {
    ReportService.Built built;
    try {
      built = service.build(ws, user, scope);
    } catch (ScopeResolver.Refusal r) {
      return Reply.text(r.getMessage());
    }
    afterAck.run("report chart for " + user + " in " + ws, () -> {
      try {
        service.sendChart(user, built);
      } catch (FileUpload.UploadException e) {
        ReportService.logFailure("Uploading the report chart", user, e);
      }
    });
    return service.message(built);
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
    } catch (FileUpload.UploadException e) {
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
      try {
        ViewsOpenResponse r = slack.methods().viewsOpen(req -> req.triggerId(triggerId)
            .view(ShareModal.of(withChannel, metadata)));
        if (!r.isOk()) {
          LOG.warn("views.open for the share modal failed for {}: {}", user, r.getError());
          return ReportCopy.failed("open the share dialog");
        }
        return null;
      } catch (Exception e) {
        LOG.warn("views.open for the share modal failed for {}: {}", user, e.toString());
        return ReportCopy.failed("open the share dialog");
      }
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
      String text = note;
      try {
        new Responder(slack.slack(), responseUrl).sendToAction(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
      } catch (IOException e) {
        LOG.warn("Could not confirm a shared report to {}: {}", user, e.toString());
      }
    }
  }

  private String shareTo(String user, ReportService.Built built, String channel) {
    try {
      service.share(user, built, channel);
      return ReportCopy.sharedTo(channel);
    } catch (ReportService.NotInChannel e) {
      return ReportCopy.notInChannel(channel);
    } catch (FileUpload.UploadException e) {
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
      LOG.error("Rebuilding a report for {} in {} failed", user, ws, e);
      return new Rebuilt(null, DeferredCommand.SORRY);
    }
  }
}
