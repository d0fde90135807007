package io.rapport.report;

import io.rapport.completion.CheckInTimes;
import io.rapport.completion.Completions;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.insight.Policy;
import io.rapport.command.UsageException;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.UserTimeZones;
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
 * The manager report: resolves the scope for the requester, builds the report as of their
 * current week, and sends it out through the {@link ReportOutlet} — the chart and CSV to their
 * DM with Rapport, and a shared copy with its chart to a team's channel. All of it runs after
 * the ack. The report message itself is a {@link ReportAnswer}; Slack draws it.
 */
public final class ReportService {
  private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

  private final Store store;
  private final ScopeResolver resolver;
  private final ReportBuilder builder;
  private final ReportOutlet outlet;
  private final UserTimeZones timeZones;
  private final Completions completions;

  public ReportService(Store store, Access access, ReportOutlet outlet,
      UserTimeZones timeZones, Clock clock) {
    this(store, access, outlet, timeZones, new Completions(store, new CheckInTimes(store, timeZones, clock)));
  }

  public ReportService(Store store, Access access, ReportOutlet outlet, UserTimeZones timeZones,
      Completions completions) {
    this(store, access, outlet, timeZones, completions, Optional.empty());
  }

  /** @param currency the workspace's currency for amounts in evidence ({@code RAPPORT_CURRENCY}) */
  public ReportService(Store store, Access access, ReportOutlet outlet, UserTimeZones timeZones,
      Completions completions, Optional<String> currency) {
    this.store = store;
    this.resolver = new ScopeResolver(store, access);
    this.builder = new ReportBuilder(store, completions, currency);
    this.outlet = outlet;
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

  /** The report, with its Share, CSV and chart buttons, the chart said to be in the DM. */
  public ReportAnswer message(Built b) {
    return message(b, ReportCopy.CHART_IN_DM);
  }

  /** The report with its buttons and {@code footnote} (where the chart is). */
  public ReportAnswer message(Built b, String footnote) {
    return ReportAnswer.of(b.report(), b.scope().scope().encode(), footnote);
  }

  /** Sends the trend chart to the requester's DM with Rapport. */
  public void sendChart(String userId, Built b) throws ReportOutlet.Failed {
    outlet.sendToDirectMessages(userId, chartFile(b));
  }

  /** Sends the CSV to the requester's DM with Rapport. */
  public void sendCsv(String userId, Built b) throws ReportOutlet.Failed {
    outlet.sendToDirectMessages(userId, new ReportOutlet.File(fileName(b, "csv"),
        "Relationship report — " + b.report().title(), ReportCsv.bytes(b.report(), names(b.report())),
        ReportCopy.csvComment(b.report())));
  }

  private static ReportOutlet.File chartFile(Built b) {
    return new ReportOutlet.File(fileName(b, "png"), "Health trend — " + b.report().title(), chart(b.report()),
        ReportCopy.chartComment(b.report()));
  }

  /**
   * The reps' names for people (real name, else display name), each asked once per report, after
   * the ack; the id when the platform does not say.
   */
  private java.util.function.Function<String, String> names(Report report) {
    Map<String, String> names = new HashMap<>();
    for (Report.AccountRow r : report.accounts()) {
      names.computeIfAbsent(r.account().rep(), outlet::nameOf);
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

  /** Posts the report (no buttons) and its chart to {@code channelId}. */
  public void share(String userId, Built b, String channelId) throws ReportOutlet.Failed {
    // A channel sees client matters only: coaching and manager findings stay private.
    Report shared = b.report().forChannel(privatePatterns(b.scope()));
    b = new Built(b.scope(), shared);
    outlet.postToChannel(channelId, shared, ReportCopy.sharedBy(userId));
    outlet.sendToChannel(channelId, chartFile(b));
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
