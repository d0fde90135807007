package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rapport.modules.Foundation;
import io.rapport.checkin.AccountOverview;
import io.rapport.checkin.AccountStatus;
import io.rapport.checkin.TeamProgress;
import io.rapport.completion.Completion;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.flag.ManagerDigest;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Analyzer;
import io.rapport.insight.Health;
import io.rapport.report.Report;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.report.HealthTrendChart;
import io.rapport.report.ReportBuilder;
import io.rapport.report.ReportCsv;
import io.rapport.report.ReportScope;
import io.rapport.report.ResolvedScope;
import io.rapport.report.ScopeResolver;
import io.rapport.slack.views.AppHomeView;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One team's data, every surface: App Home, {@code /accounts}, the report (blocks, CSV, chart
 * data), the manager digest and the offline analysis give the same completion, band counts and
 * open flags for the same week.
 *
 * <p>The team checks in on Mondays at 09:00; the clock is Wednesday 25 Nov 2026 (2026-W48), so this
 * week is due. Key accounts: acme (paid late three weeks: at risk), bolt (a check-in last week and
 * "nothing to report" this week: healthy, answered), cobalt (never checked in: no recent
 * check-ins, unanswered), echo (threatening three weeks: unhealthy), fjord (one check-in 18 weeks
 * ago: no recent check-ins, unanswered); dune is a standard account checked in last week (healthy,
 * never due). So this week: 3 of 5 due check-ins answered; 2 healthy, 1 at risk, 1 unhealthy and 2
 * with no recent check-ins.
 */
class SameNumbersEverywhereTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String MANAGER = "UMGRSAME1";
  static final String R1 = "UREPSAME1";
  static final String R2 = "UREPSAME2";
  static final IsoWeek W = IsoWeek.parse("2026-W48");
  static RapportUnderTest rapport;

  @BeforeAll
  static void start() throws Exception {
    rapport = RapportUnderTest.start(Map.of(), new MutableClock(Instant.parse("2026-11-25T12:00:00Z")));
    Store store = rapport.rapport().foundation().store();
    long now = rapport.clock().millis();
    store.ensureWorkspace(WS, now);
    store.teams().insert(WS, "t-same", "Same Numbers", "same numbers", 1, "09:00", now);
    store.teams().setManager(WS, "t-same", MANAGER);
    store.teams().addMember(WS, "t-same", R1, now);
    store.teams().addMember(WS, "t-same", R2, now);
    long created = W.minusWeeks(20).monday().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    for (Account a : List.of(
        Account.of("acme", "Acme", R1).withAgreedPaymentDays(30),
        Account.of("bolt", "Bolt", R1),
        Account.of("cobalt", "Cobalt", R1),
        Account.of("dune", "Dune", R1).withTier(Tier.STANDARD),
        Account.of("echo", "Echo", R2),
        Account.of("fjord", "Fjord", R2))) {
      store.accounts().upsert(WS, a, created);
    }
    for (int back = 0; back < 3; back++) {
      IsoWeek w = W.minusWeeks(back);
      store.checkIns().upsert(WS, CheckIn.builder("acme", w).rep(R1).paymentDays(90).build(), now);
      store.checkIns().upsert(WS, CheckIn.builder("echo", w).rep(R2).clientConduct(ClientConduct.THREATENING).build(),
          now);
    }
    store.checkIns().upsert(WS, CheckIn.builder("bolt", W.minusWeeks(1)).rep(R1).contacts(2, 0).build(), now);
    store.checkIns().markNothingToReport(WS, "bolt", R1, W.toString(), now);
    store.checkIns().upsert(WS, CheckIn.builder("dune", W.minusWeeks(1)).rep(R1).contacts(1, 0).build(), now);
    store.checkIns().upsert(WS, CheckIn.builder("fjord", W.minusWeeks(18)).rep(R2).contacts(1, 0).build(), now);
    rapport.rapport().flags().service().judgeWorkspace(WS);
  }

  @AfterAll
  static void stop() throws Exception {
    rapport.close();
  }

  static final Completion COMPLETION = new Completion(3, 5);
  static final Map<Health.Band, Integer> BANDS =
      Map.of(Health.Band.HEALTHY, 2, Health.Band.AT_RISK, 1, Health.Band.UNHEALTHY, 1);
  static final int NO_RECENT = 2;

  @Test
  void everySurfaceGivesTheSameCompletionBandsAndOpenFlags() throws Exception {
    Foundation app = rapport.rapport().foundation();
    int openFlags = rapport.rapport().flags().service().openFlags(WS).size();
    assertThat(openFlags).as("acme paid late, echo threatened").isGreaterThanOrEqualTo(2);

    // App Home (the manager's team line and the team's accounts).
    AccountOverview overview = new AccountOverview(app.store(), app.access(), app.policies(), app.completions());
    List<TeamProgress> teams = overview.teams(WS, MANAGER, W);
    assertThat(teams).hasSize(1);
    assertThat(teams.get(0).completion()).isEqualTo(COMPLETION);
    String home = JSON.valueToTree(AppHomeView.build(W, List.of(), teams)).toString();
    assertThat(home).contains("check-in completion 60% (3 of 5 due check-ins)");
    List<Account> all = app.store().accounts().activeOfReps(WS, List.of(R1, R2));
    List<AccountStatus> statuses = overview.statuses(WS, all, W);
    assertThat(bandsOf(statuses.stream().map(AccountStatus::health).toList())).isEqualTo(BANDS);
    assertThat(statuses.stream().filter(s -> s.health().isEmpty()).count()).isEqualTo(NO_RECENT);
    assertThat(statuses.stream().mapToInt(AccountStatus::openFlags).sum()).isEqualTo(openFlags);

    // /accounts, as each rep sees it over signed HTTP.
    String accounts = answer("/accounts", R1) + answer("/accounts", R2);
    assertThat(count(accounts, ":large_green_circle:")).isEqualTo(BANDS.get(Health.Band.HEALTHY));
    assertThat(count(accounts, ":large_yellow_circle:")).isEqualTo(BANDS.get(Health.Band.AT_RISK));
    assertThat(count(accounts, ":red_circle:")).isEqualTo(BANDS.get(Health.Band.UNHEALTHY));
    assertThat(count(accounts, "no recent check-ins")).isEqualTo(NO_RECENT);

    // The report of this week: blocks, CSV and the chart's data.
    ResolvedScope scope = new ScopeResolver(app.store(), app.access())
        .resolve(WS, MANAGER, new ReportScope(ReportScope.Kind.DEFAULT, "", 1));
    Report report = new ReportBuilder(app.store(), app.completions())
        .build(WS, scope, W, app.completions().checkInTime(WS));
    assertThat(report.completion()).isEqualTo(COMPLETION);
    assertThat(report.bandsNow()).isEqualTo(BANDS);
    assertThat(report.noRecentCheckIns()).isEqualTo(NO_RECENT);
    assertThat(report.accounts().stream().mapToInt(r -> r.openFlags().size()).sum()).isEqualTo(openFlags);
    assertThat(report.unansweredPrompts().stream().mapToInt(m -> m.accounts()).sum()).isEqualTo(COMPLETION.missing());
    String blocks = JSON.valueToTree(ReportBlocks.forSlack().render(report, null, null)).toString();
    assertThat(blocks).contains("60% (3 of 5 due check-ins)").contains("Unhealthy *1*").contains("At risk *1*")
        .contains("Healthy *2*").contains("2 key accounts have no check-in in 12 weeks");
    List<Map<String, String>> rows = csv(ReportCsv.bytes(report));
    Map<String, Integer> csvBands = new HashMap<>();
    int csvFlags = 0;
    for (Map<String, String> r : rows) {
      csvBands.merge(r.get("band"), 1, Integer::sum);
      csvFlags += r.get("open_flags").isEmpty() ? 0 : r.get("open_flags").split("; ").length;
    }
    assertThat(csvBands).containsEntry("healthy", 2).containsEntry("at risk", 1).containsEntry("unhealthy", 1)
        .containsEntry("no recent check-ins", NO_RECENT);
    assertThat(csvFlags).isEqualTo(openFlags);
    List<Integer> notHealthy = report.trend().get(0).notHealthy();
    assertThat(notHealthy.get(notHealthy.size() - 1))
        .isEqualTo(BANDS.get(Health.Band.AT_RISK) + BANDS.get(Health.Band.UNHEALTHY));
    HealthTrendChart.Chart chart = HealthTrendChart.of(report, report.bands().healthyMin(), report.bands().unhealthyBelow());
    int lastWeek = chart.weekLabels().size() - 1;
    assertThat(chart.atRisk().get(lastWeek)).isEqualTo(BANDS.get(Health.Band.AT_RISK));
    assertThat(chart.unhealthy().get(lastWeek)).isEqualTo(BANDS.get(Health.Band.UNHEALTHY));

    // The manager digest of this week.
    ManagerDigest digest = new ManagerDigest(app.store(), app.outbox(), app.timeZones(), rapport.rapport().away().service(), app.clock(),
        app.completions());
    String digestText = JSON.valueToTree(digest.compose(WS, MANAGER, W, ZoneOffset.UTC).blocks()).toString();
    assertThat(digestText).contains("Open flags (" + openFlags + ")")
        .contains("<@" + R1 + "> — 1 of 3 due check-ins unanswered")
        .contains("<@" + R2+ "> — 1 of 2 due check-ins unanswered");

    // The offline analysis (demo / analyze) of the same accounts and check-ins.
    Map<String, List<CheckIn>> history = new HashMap<>();
    for (Account a : all) {
      history.put(a.id(), app.store().checkIns().history(WS, a.id(), W.minusWeeks(30).toString()));
    }
    List<AccountAnalysis> analysed = new Analyzer(app.policies().ofRep(WS, R1).policy()).analyzeAll(all, history, W);
    assertThat(bandsOf(analysed.stream().map(AccountAnalysis::health).toList())).isEqualTo(BANDS);
  }

  static Map<Health.Band, Integer> bandsOf(List<java.util.Optional<Health>> health) {
    Map<Health.Band, Integer> out = new EnumMap<>(Health.Band.class);
    health.forEach(h -> h.ifPresent(x -> out.merge(x.band(), 1, Integer::sum)));
    return out;
  }

  static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  static List<Map<String, String>> csv(byte[] bytes) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(bytes)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  static String answer(String command, String user) throws Exception {
    rapport.fake().userTimeZone(user, "UTC");
    Map<String, String> form = rapport.slack().commandForm(WS, command, "", user);
    HttpResponse<String> r = rapport.slack().sendForm(form);
    assertThat(r.statusCode()).isEqualTo(200);
    if (!r.body().isBlank()) {
      JsonNode ack = JSON.readTree(r.body());
      if (ack.hasNonNull("text")) {
        return ack.toString();
      }
    }
    return rapport.fake().awaitResponseTo(form.get("response_url")).toString();
  }
}
