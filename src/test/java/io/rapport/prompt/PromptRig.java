package io.rapport.prompt;

import io.rapport.config.Config;
import io.rapport.domain.Account;
import io.rapport.domain.Horizon;
import io.rapport.domain.Tier;
import io.rapport.domain.WeeklySchedule;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.out.SlackCalls;
import io.rapport.slack.out.SlackLimiter;
import io.rapport.slack.out.SlackLimits;
import io.rapport.slack.out.Ticker;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.UserTimeZones;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The prompt capability on its own: a real SQLite file, the fake Slack, a fixed clock and fast
 * backoff, without the HTTP server. Several rigs may share one database file (two instances).
 */
final class PromptRig implements AutoCloseable {
  static final String WS = FakeSlack.TEAM_ID;
  static final SlackLimits FAST = SlackLimits.DEFAULT.withPostsPerMinute(60_000, 100)
      .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40));

  final FakeSlack fake;
  final MutableClock clock;
  final Database database;
  final Store store;
  final SlackApi slackApi;
  final UserTimeZones timeZones;
  final SlackCalls calls;
  final DueAccounts due;
  final io.rapport.outbox.Outbox outbox;
  final PromptSender sender;
  final PromptScheduler scheduler;
  final PromptCompletion completion;

  PromptRig(FakeSlack fake, MutableClock clock, Path dbFile, String instanceId) {
    this(fake, clock, "jdbc:sqlite:" + dbFile, dbFile.getParent(), instanceId);
  }

  /** A rig on any database ({@link io.rapport.testing.TestDatabases#freshUrl}). */
  PromptRig(FakeSlack fake, MutableClock clock, String jdbcUrl, Path dir, String instanceId) {
    this.fake = fake;
    this.clock = clock;
    this.database = Database.open(jdbcUrl);
    this.store = new Store(database);
    Config config = Config.load(Map.of(Config.SLACK_BOT_TOKEN, RapportUnderTest.BOT_TOKEN,
        Config.SLACK_API_URL, fake.apiUrl()), dir);
    this.slackApi = new SlackApi(config);
    this.timeZones = new UserTimeZones(store, new io.rapport.slack.out.SlackUserProfiles(slackApi), clock);
    var methods = slackApi.methods();
    this.calls = new SlackCalls(() -> methods, new SlackLimiter(FAST, Ticker.SYSTEM), Ticker.SYSTEM);
    this.due = new DueAccounts(store);
    PromptSender.ZoneLookup zones =
        (ws, user) -> timeZones.cachedZoneOf(ws, user).orElseGet(() -> timeZones.zoneOf(ws, user));
    this.outbox = new io.rapport.outbox.Outbox(store, new io.rapport.slack.out.SlackTransport(calls), clock,
        instanceId, 4);
    this.sender = new PromptSender(store, outbox, zones, clock);
    this.scheduler = new PromptScheduler(store, due, timeZones, sender,
        new io.rapport.away.AwayService(store, new io.rapport.team.Access(store, java.util.Set.of()), timeZones, clock),
        clock);
    this.completion = new PromptCompletion(store, outbox.transport(), zones, clock);
  }

  /** A team with a schedule and members, each with {@code keyAccounts} key accounts. */
  String team(String name, WeeklySchedule schedule, List<String> reps, int keyAccounts) {
    long now = clock.millis();
    store.ensureWorkspace(WS, now);
    String id = "team-" + io.rapport.domain.Names.slug(name);
    store.teams().insert(WS, id, name, io.rapport.domain.Names.key(name), schedule.day().getValue(),
        schedule.time().toString(), now);
    for (String rep : reps) {
      store.teams().addMember(WS, id, rep, now);
      for (int i = 1; i <= keyAccounts; i++) {
        account(rep, rep.toLowerCase() + "-acct-" + i, "Account " + i + " of " + rep, Tier.KEY);
      }
    }
    return id;
  }

  void account(String rep, String id, String name, Tier tier) {
    store.ensureWorkspace(WS, clock.millis());
    store.accounts().upsert(WS, new Account(id, name, rep, tier, 30, Horizon.SEASON, false, null), clock.millis());
  }

  Map<io.rapport.outbox.Outbox.Outcome, Integer> run() throws InterruptedException {
    return scheduler.runDue().outcomes();
  }

  List<FakeSlack.Call> postsTo(String rep) {
    return fake.calls("chat.postMessage").stream().filter(c -> ("D" + rep).equals(c.param("channel"))).toList();
  }

  @Override
  public void close() {
    scheduler.close();
    outbox.close();
    slackApi.close();
  }
}
