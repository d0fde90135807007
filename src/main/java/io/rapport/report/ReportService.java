package io.rapport.report;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import io.rapport.completion.CheckInTimes;
import io.rapport.completion.Completions;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.insight.Policy;
import io.rapport.slack.listeners.commands.UsageException;
import io.rapport.slack.out.FileUpload;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.Reply;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.UserTimeZones;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager report in Slack: resolves the scope for the requester, builds the report as of
 * their current week, and delivers it — the ephemeral message (via the caller's
 * {@code response_url}), the chart and CSV to their DM with Rapport, and a shared copy with its
 * chart to a team's channel. All of it runs after the ack.
 */
public final class ReportService {
  private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

  private final Store store;
  private final ScopeResolver resolver;
  private final ReportBuilder builder;
  private final SlackApi slack;
  private final FileUpload files;
  private final UserTimeZones timeZones;
  private final Completions completions;

  public ReportService(Store store, Access access, SlackApi slack,
      UserTimeZones timeZones, Clock clock) {
    this(store, access, slack, timeZones, new Completions(store, new CheckInTimes(store, timeZones, clock)));
  }

  public ReportService(Store store, Access access, SlackApi slack, UserTimeZones timeZones,
      Completions completions) {
    this.store = store;
    this.resolver = new ScopeResolver(store, access);
    this.builder = new ReportBuilder(store, completions);
    this.slack = slack;
    this.files = new FileUpload(slack);
    this.timeZones = timeZones;
    this.completions = completions;
  }

  /** A built report and the scope it covers. */
  public record Built(ResolvedScope scope, Report report) {}

  /**
   * Resolves and builds.
   *
   * @throws ScopeResolver.Refusal when the user may not see the scope
   * @throws UsageException when a name is unknown or ambiguous
   */
  public Built build(String workspaceId, String userId, ReportScope scope)
      throws ScopeResolver.Refusal, UsageException {
    ResolvedScope resolved = resolver.resolve(workspaceId, userId, scope);
    IsoWeek asOf = timeZones.currentWeek(workspaceId, userId);
    Report report = builder.build(workspaceId, resolved, asOf, completions.checkInTime(workspaceId));
    return new Built(resolved, report);
  }

  /** The ephemeral report message with its Share and CSV buttons. */
  public Reply message(Built b) {
    return message(b, ReportCopy.CHART_IN_DM);
  }

  /** The ephemeral report message with its buttons and {@code footnote} (where the chart is). */
  public Reply message(Built b, String footnote) {
    List<LayoutBlock> blocks = ReportBlocks.forSlack().render(b.report(), b.scope().scope().encode(),
        footnote);
    return Reply.blocks(ReportBlocks.fallback(b.report()), blocks);
  }

  /** Uploads the trend chart to the requester's DM with Rapport. */
  public void sendChart(String userId, Built b) throws FileUpload.UploadException {
    String dm = files.directMessageWith(userId);
    files.upload(dm, fileName(b, "png"), "Health trend — " + b.report().title(), chart(b.report()),
        ReportCopy.chartComment(b.report()));
  }

  /** Uploads the CSV to the requester's DM with Rapport. */
  public void sendCsv(String userId, Built b) throws FileUpload.UploadException {
    String dm = files.directMessageWith(userId);
    files.upload(dm, fileName(b, "csv"), "Relationship report — " + b.report().title(),
        ReportCsv.bytes(b.report(), names(b.report())), ReportCopy.csvComment(b.report()));
  }

  /**
   * The reps' names for people (Slack real name, else display name) by one users.info each, after
   * the ack; the Slack ID when Slack does not say.
   */
  private java.util.function.Function<String, String> names(Report report) {
    Map<String, String> names = new HashMap<>();
    for (Report.AccountRow r : report.accounts()) {
      names.computeIfAbsent(r.account().rep(), id -> {
        try {
          var u = slack.methods().usersInfo(req -> req.user(id));
          if (u.isOk() && u.getUser() != null) {
            String real = u.getUser().getRealName();
            String display = u.getUser().getProfile() == null ? null : u.getUser().getProfile().getDisplayName();
            return real != null && !real.isBlank() ? real : display != null && !display.isBlank() ? display : id;
          }
        } catch (IOException | SlackApiException e) {
          LOG.warn("users.info for {} failed: {}", id, e.toString());
        }
        return id;
      });
    }
    return id -> names.getOrDefault(id, id);
  }

  /**
   * The channel a report is shared to without asking: the channel named in a {@code #channel}
   * report, or the one team's channel. Empty when the scope spans several teams (ask) or none has
   * a channel.
   */
  public Optional<String> shareChannel(ResolvedScope scope) {
    if (scope.channelId().isPresent()) {
      return scope.channelId();
    }
    List<Team> teams = scope.teams();
    if (teams.size() == 1) {
      return teams.get(0).channelId();
    }
    return Optional.empty();
  }

  /** Rapport is not a member of the channel (it needs an invitation; it never joins by itself). */
  public static final class NotInChannel extends FileUpload.UploadException {
    public NotInChannel(String channelId) {
      super("Rapport is not in " + channelId);
    }
  }

  /** Posts the report (no buttons) and its chart to {@code channelId}. */
  public void share(String userId, Built b, String channelId) throws FileUpload.UploadException {
    // A channel sees client matters only: coaching and manager findings stay private.
    Report shared = b.report().forChannel(privatePatterns(b.scope()));
    b = new Built(b.scope(), shared);
    List<LayoutBlock> blocks = ReportBlocks.forSlack().render(shared, null, ReportCopy.sharedBy(userId));
    try {
      ChatPostMessageResponse r = post(channelId, b, blocks);
      if (!r.isOk() && ("not_in_channel".equals(r.getError()) || "channel_not_found".equals(r.getError()))) {
        throw new NotInChannel(channelId);
      }
      if (!r.isOk()) {
        throw new FileUpload.UploadException("chat.postMessage failed: " + r.getError());
      }
    } catch (IOException | SlackApiException e) {
      throw new FileUpload.UploadException("chat.postMessage failed: " + e.getMessage());
    }
    files.upload(channelId, fileName(b, "png"), "Health trend — " + b.report().title(), chart(b.report()),
        ReportCopy.chartComment(b.report()));
  }

  /**
   * The patterns that are private for any team of the scope (by default or by a team's choice):
   * the strictest reading, so a shared report never shows a pattern privately handled anywhere.
   */
  private java.util.Set<io.rapport.insight.Pattern> privatePatterns(ResolvedScope scope) {
    java.util.Set<io.rapport.insight.Pattern> out = java.util.EnumSet.noneOf(io.rapport.insight.Pattern.class);
    for (io.rapport.insight.Pattern p : io.rapport.insight.Pattern.values()) {
      if (io.rapport.insight.Audience.defaultOf(p).isPrivate()) {
        out.add(p);
      }
    }
    // Read only: the clock is used by changes, never here.
    io.rapport.flag.FlagAudiences audiences = new io.rapport.flag.FlagAudiences(store, Clock.systemUTC());
    for (Team t : scope.teams()) {
      audiences.choicesOf(java.util.Optional.of(t)).forEach((p, a) -> {
        if (a.isPrivate()) {
          out.add(p);
        }
      });
    }
    return out;
  }

  private ChatPostMessageResponse post(String channelId, Built b, List<LayoutBlock> blocks)
      throws IOException, SlackApiException {
    return slack.methods().chatPostMessage(req -> req.channel(channelId)
        .text(ReportBlocks.fallback(b.report())).blocks(blocks));
  }

  static byte[] chart(Report report) {
    return HealthTrendChart.png(report, report.bands().healthyMin(), report.bands().unhealthyBelow());
  }

  private static String fileName(Built b, String ext) {
    String slug = io.rapport.domain.Names.slug(b.report().title());
    return "relationship-report-" + slug + "-" + b.report().period().to() + "." + ext;
  }

  /** Logs a failed delivery step without secrets. */
  static void logFailure(String what, String userId, Exception e) {
    LOG.warn("{} for {} failed: {}", what, userId, e.getMessage());
  }

  public Store store() {
    return store;
  }
}
