// Weekly send benchmark (issue 5): N reps against a fake Slack that enforces a workspace-wide
// chat.postMessage budget (a token bucket: 429 + Retry-After when exceeded). Reports the total send
// time as a ratio of the floor the budget allows, duplicates, missed prompts and peak heap.
//
// Run: java -cp target/rapport.jar bench/PromptSendBench.java [reps=10000] [postsPerSecond=250] [burst=10] [workers=16] [known|unknown] [first|known-dms]
// With "unknown" Rapport is not told the budget: it starts at its default 300 posts/min and adapts
// to the 429s it meets; the output then also gives the 429s per 100 posts.
// "first" (the default) is a first send: no rep was prompted before, so every prompt opens the rep's
// DM first (conversations.open, Tier 3: a minute's 50 at once, then 50 a minute), and the floor is
// the longer of the post budget's and conversations.open's. "known-dms" is a later week: last
// week's prompts are recorded as sent in the outbox (where Rapport remembers each rep's DM), so no
// DM is opened and the floor is the post budget's alone.
import io.rapport.config.Config;
import io.rapport.domain.Account;
import io.rapport.domain.Names;
import io.rapport.prompt.DueAccounts;
import io.rapport.prompt.PromptScheduler;
import io.rapport.prompt.PromptSender;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.out.SlackCalls;
import io.rapport.slack.out.SlackLimiter;
import io.rapport.slack.out.SlackLimits;
import io.rapport.slack.out.MethodTier;
import io.rapport.outbox.Letter;
import io.rapport.outbox.OutboxDao;
import io.rapport.slack.out.Ticker;
import io.rapport.store.AccountDao;
import io.rapport.store.Database;
import io.rapport.store.PromptDao;
import io.rapport.store.Store;
import io.rapport.store.TeamDao;
import io.rapport.store.UserDao;
import io.rapport.team.UserTimeZones;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class PromptSendBench {
  static final String WS = "T0BENCH";
  static final double MARGIN = 0.99;
  static final String[] ZONES = {"Europe/London", "Australia/Sydney", "America/New_York", "Asia/Kolkata",
      "America/Los_Angeles", "Europe/Berlin"};

  /** The fake Slack's budget: a token bucket refilled continuously. */
  static final class Budget {
    final double perNano;
    final double capacity;
    double tokens;
    long last = System.nanoTime();

    Budget(double perSecond, int burst) {
      perNano = perSecond / 1e9;
      capacity = burst;
      tokens = burst;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 250;
    int burst = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    boolean unknownBudget = args.length > 4 && args[4].equals("unknown");
    boolean knownDms = args.length > 5 && args[5].equals("known-dms");

    Budget budget = new Budget(perSecond, burst);
    Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    AtomicLong refused = new AtomicLong();
    // Refusals met once half the prompts were accepted: the rate "once it has adapted".
    AtomicLong refusedSecondHalf = new AtomicLong();
    AtomicLong acceptedTotal = new AtomicLong();
    AtomicLong otherCalls = new AtomicLong();
    AtomicLong opens = new AtomicLong();
    // Jetty (in the jar) rather than the JDK's HttpServer, whose small writes meet TCP delayed
    // ACKs and add ~40 ms to every call.
    Server server = new Server(new QueuedThreadPool(32, 8));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = Request.getPathInContext(request).substring("/api/".length());
        Map<String, String> form = form(Content.Source.asString(request, StandardCharsets.UTF_8));
        switch (method) {
          case "chat.postMessage" -> {
            if (!budget.take()) {
              refused.incrementAndGet();
              if (acceptedTotal.get() >= reps / 2) {
                refusedSecondHalf.incrementAndGet();
              }
              response.getHeaders().put("Retry-After", "1");
              return reply(response, callback, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            acceptedTotal.incrementAndGet();
            String channel = form.get("channel");
            accepted.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            return reply(response, callback, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\""
                + System.nanoTime() + ".000100\"}");
          }
          case "conversations.open" -> {
            opens.incrementAndGet();
            return reply(response, callback, 200, "{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}");
          }
          case "conversations.history" -> {
            return reply(response, callback, 200, "{\"ok\":true,\"messages\":[],\"has_more\":false}");
          }
          case "users.info" -> {
            otherCalls.incrementAndGet();
            String user = form.get("user");
            String tz = ZONES[Math.abs(user.hashCode()) % ZONES.length];
            return reply(response, callback, 200, "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"tz\":\"" + tz + "\"}}");
          }
          default -> {
            return reply(response, callback, 200, "{\"ok\":true}");
          }
        }
      }
    });
    server.start();
    String apiUrl = "http://127.0.0.1:" + connector.getLocalPort() + "/api/";

    Path dir = Files.createTempDirectory("prompt-bench");
    Database database = Database.open("jdbc:sqlite:" + dir.resolve("rapport.db"));
    Store store = new Store(database);
    // Sunday 22 Nov 2026, 12:00 UTC: Friday 15:00 has passed in every zone above, still in 2026-W47.
    Instant start = Instant.parse("2026-11-22T12:00:00Z");
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    long now = clock.millis();
    long setup = System.nanoTime();
    store.ensureWorkspace(WS, now);
    store.jdbi().useTransaction(h -> {
      TeamDao teams = h.attach(TeamDao.class);
      AccountDao accounts = h.attach(AccountDao.class);
      UserDao users = h.attach(UserDao.class);
      int teamCount = Math.max(1, reps / 500);
      for (int t = 0; t < teamCount; t++) {
        teams.insert(WS, "team-" + t, "Team " + t, Names.key("Team " + t), 5, "15:00", now);
      }
      for (int r = 0; r < reps; r++) {
        String rep = String.format("U%07d", r);
        teams.addMember(WS, "team-" + (r % teamCount), rep, now);
        // Zones were refreshed earlier in the day (the scheduler refreshes them ahead of the slot).
        users.setTimeZone(WS, rep, ZONES[r % ZONES.length], now - Duration.ofHours(1).toMillis());
        for (int a = 0; a < 3; a++) {
          accounts.upsert(WS, Account.of(rep.toLowerCase() + "-" + a, "Client " + a + " of " + rep, rep), now);
        }
      }
    });
    if (knownDms) {
      // Last week's prompts, as the outbox leaves them once sent: one row per rep, sent to the
      // rep's DM. The next send finds the DM here (OutboxDao.knownConversation) and opens nothing.
      store.jdbi().useTransaction(h -> {
        OutboxDao rows = h.attach(OutboxDao.class);
        long lastWeek = now - Duration.ofDays(7).toMillis();
        for (int r = 0; r < reps; r++) {
          String rep = String.format("U%07d", r);
          String key = PromptSender.KIND + ":" + WS + ":" + rep + ":2026-W46:weekly";
          rows.insert(key, WS, PromptSender.KIND, Letter.privately(List.of(rep)), null, null, lastWeek, lastWeek);
          rows.lease(key, "last-week", lastWeek, lastWeek + 60_000);
          rows.posting(key, "last-week", "D" + rep, null, "last week's prompt", null, lastWeek, lastWeek + 60_000);
          rows.sent(key, "last-week", "D" + rep, lastWeek / 1000 + "." + String.format("%06d", r), lastWeek);
        }
      });
    }
    System.out.printf("setup: %d reps, %d key accounts%s in %.1f s%n", reps, reps * 3,
        knownDms ? ", last week's prompts sent to their DMs" : "", (System.nanoTime() - setup) / 1e9);

    Config config = Config.load(Map.of(Config.SLACK_BOT_TOKEN, "xoxb-bench", Config.SLACK_API_URL, apiUrl), dir);
    // Rapport keeps 1% under the budget and bursts at most half of what the fake tolerates:
    // requests bunch up on the way, and every 429 costs a whole second (Retry-After is in seconds)
    // for every sender. A small burst of its own absorbs late wake-ups on a busy machine.
    SlackLimits limits = unknownBudget ? SlackLimits.DEFAULT
        : SlackLimits.DEFAULT.withPostsPerMinute((int) (perSecond * 60 * MARGIN), Math.max(1, burst / 2));
    SlackApi slackApi = new SlackApi(config, limits);
    SlackCalls calls = slackApi.calls();
    UserTimeZones zones = new UserTimeZones(store, new io.rapport.slack.out.SlackUserProfiles(slackApi), clock);
    DueAccounts due = new DueAccounts(store);
    // The outbox sends what the scheduler enqueues, with `workers` threads, as in the server.
    io.rapport.outbox.Outbox outbox = new io.rapport.outbox.Outbox(store,
        new io.rapport.slack.out.SlackTransport(calls), clock, "bench", workers);
    PromptSender sender = new PromptSender(store, outbox,
        (ws, user) -> zones.cachedZoneOf(ws, user).orElseGet(() -> zones.zoneOf(ws, user)), clock);
    PromptScheduler scheduler = new PromptScheduler(store, due, zones, sender,
        new io.rapport.away.AwayService(store, new io.rapport.team.Access(store, java.util.Set.of()), zones, clock), clock);

    Thread heapWatcher = new Thread(PromptSendBench::watchHeap);
    heapWatcher.setDaemon(true);
    heapWatcher.start();
    System.gc();
    long t0 = System.nanoTime();
    int passes = 0;
    while (store.prompts().count(WS, "2026-W47", "weekly", "pending") > 0 || passes == 0) {
      PromptScheduler.Pass pass = scheduler.runDue();
      passes++;
      System.out.printf("pass %d: created %d, outcomes %s%n", passes, pass.created(), pass.outcomes());
      if (passes > 20) {
        break;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    int duplicates = 0;
    int missed = 0;
    for (int r = 0; r < reps; r++) {
      AtomicInteger n = accepted.get("D" + String.format("U%07d", r));
      if (n == null) {
        missed++;
      } else if (n.get() > 1) {
        duplicates += n.get() - 1;
      }
    }
    // What the send needs at the least: every post within the budget and, on a first send, every DM
    // opened at conversations.open's pace (a minute's worth at once, then the tier's rate).
    double postFloor = Math.max(0, reps - burst) / (double) perSecond;
    int openPerMinute = MethodTier.of("conversations.open").perMinute();
    double openFloor = knownDms ? 0 : Math.max(0, reps - openPerMinute) * 60.0 / openPerMinute;
    double floor = Math.max(postFloor, openFloor);
    System.out.printf("%nreps %d, budget %d posts/s (burst %d), %d sender workers, %s%n", reps, perSecond, burst,
        workers, knownDms ? "DMs known from last week" : "first send (every DM opened)");
    System.out.printf("sent %d in %.2f s; floor %.2f s (posts %.2f s, DM opens %.2f s at %d/min); ratio %.3f×%n",
        accepted.values().stream().mapToInt(AtomicInteger::get).sum(), seconds, floor, postFloor, openFloor,
        openPerMinute, seconds / floor);
    System.out.printf("conversations.open calls %d%n", opens.get());
    System.out.printf("budget %s to Rapport; 429s per 100 posts %.1f (over the second half of the send, once"
        + " adapted: %.1f)%n", unknownBudget ? "unknown" : "known", 100.0 * refused.get() / Math.max(1, reps),
        100.0 * refusedSecondHalf.get() / Math.max(1, reps - reps / 2));
    System.out.printf("duplicates %d, missed %d, 429s from the fake %d, rows sent %d%n", duplicates, missed,
        refused.get(), store.prompts().count(WS, "2026-W47", "weekly", "sent"));
    System.out.printf("peak heap %.0f MB (sampled every 50 ms), max heap %d MB%n", peakHeap / 1e6,
        Runtime.getRuntime().maxMemory() >> 20);
    outbox.close();
    scheduler.close();
    slackApi.close();
    server.stop();
    System.exit(duplicates == 0 && missed == 0 ? 0 : 1);
  }

  static volatile long peakHeap;

  static void watchHeap() {
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    while (true) {
      long used = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      peakHeap = Math.max(peakHeap, used);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> m = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  static boolean reply(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body, callback);
    return true;
  }
}
