// Monday-morning burst (issue 10): N reps submit check-ins through signed HTTP against the running
// server (the packaged jar as its own process) within a window of seconds, while the weekly send
// to the same reps runs against a fake Slack whose chat.postMessage budget Rapport is not told.
// Reports ack p50/p99/max, submit-to-stored p50/p99/max (first press to the row's created_at),
// "couldn't save" answers and re-presses, lost (acked as saved, no row) and duplicated (rows or
// prompt DMs more than once), and the weekly send's progress, 429s per 100 posts and ratio to its floor.
//
// Run: java -cp target/rapport.jar bench/MondayBurstBench.java [reps=1000] [windowSeconds=30]
//        [fakePostsPerSecond=4] [sendWaitSeconds=150] [database=sqlite|JDBC_URL]
// Exit status 1 if anything acked was lost or anything was duplicated.
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Names;
import io.rapport.slack.http.SlackSignatureVerifier;
import io.rapport.slack.views.CheckInModal;
import io.rapport.store.AccountDao;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.store.TeamDao;
import io.rapport.store.UserDao;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class MondayBurstBench {
  static final String WS = "T0BURST";
  static final String TOKEN = "xoxb-burst-bench";
  static final String SECRET = "burst-bench-signing-secret-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  /** A rep told "Couldn't save: please submit again" presses Submit again, at most this often. */
  static final int ATTEMPTS = 5;

  /** The fake Slack's chat.postMessage budget: a token bucket refilled continuously. */
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

  /** One rep's submission: when first pressed (epoch ms), each press's ack time, the final answer. */
  static final class Submission {
    long firstPressMillis;
    final List<Long> ackNanos = new ArrayList<>();
    String answer = "none";
    int notSaved;
  }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    double fakePerSecond = args.length > 2 ? Double.parseDouble(args[2]) : 4;
    int sendWaitSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 150;
    String database = args.length > 4 ? args[4] : "sqlite";

    // ---- the fake Slack
    Budget budget = new Budget(fakePerSecond, 5);
    Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    AtomicLong refused = new AtomicLong();
    AtomicLong firstPostNanos = new AtomicLong();
    AtomicLong lastPostNanos = new AtomicLong();
    AtomicLong updates = new AtomicLong();
    AtomicLong publishes = new AtomicLong();
    AtomicLong seq = new AtomicLong(1_000);
    Server fake = new Server(new QueuedThreadPool(64, 8));
    ServerConnector connector = new ServerConnector(fake);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    fake.addConnector(connector);
    fake.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = Request.getPathInContext(request).substring("/api/".length());
        Map<String, String> form = form(Content.Source.asString(request, StandardCharsets.UTF_8));
        switch (method) {
          case "auth.test" -> {
            return reply(response, callback, 200, "{\"ok\":true,\"url\":\"https://burst.slack.com/\",\"team\":\"Burst\","
                + "\"user\":\"rapport\",\"team_id\":\"" + WS + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
          }
          case "chat.postMessage" -> {
            if (!budget.take()) {
              refused.incrementAndGet();
              response.getHeaders().put("Retry-After", "1");
              return reply(response, callback, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            long now = System.nanoTime();
            firstPostNanos.compareAndSet(0, now);
            lastPostNanos.set(now);
            String channel = form.get("channel");
            accepted.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            return reply(response, callback, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\""
                + (1_700_000_000L + seq.incrementAndGet()) + ".000100\"}");
          }
          case "chat.update" -> {
            updates.incrementAndGet();
            return reply(response, callback, 200, "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\""
                + form.get("ts") + "\"}");
          }
          case "views.publish" -> {
            publishes.incrementAndGet();
            return reply(response, callback, 200, "{\"ok\":true,\"view\":{\"id\":\"V" + seq.incrementAndGet() + "\"}}");
          }
          case "conversations.open" -> {
            return reply(response, callback, 200, "{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}");
          }
          case "conversations.history", "conversations.replies" -> {
            return reply(response, callback, 200, "{\"ok\":true,\"messages\":[],\"has_more\":false}");
          }
          case "users.info" -> {
            String user = form.get("user");
            return reply(response, callback, 200, "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"tz\":\"UTC\","
                + "\"tz_offset\":0,\"profile\":{}}}");
          }
          default -> {
            return reply(response, callback, 200, "{\"ok\":true}");
          }
        }
      }
    });
    fake.start();
    String apiUrl = "http://127.0.0.1:" + connector.getLocalPort() + "/api/";

    // ---- the database: reps in teams of 100, one key account each, the weekly slot just passed
    Path dir = Files.createTempDirectory("burst-bench");
    String url = database.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("rapport.db") : database;
    Clock clock = Clock.systemUTC();
    LocalDate today = LocalDate.now(clock);
    IsoWeek week = IsoWeek.of(today);
    List<IsoWeek> weeks = List.of(week, week.minusWeeks(1), week.minusWeeks(2), week.minusWeeks(3), week.minusWeeks(4));
    LocalTime slot = LocalTime.now(clock).minusMinutes(2);
    if (slot.isAfter(LocalTime.now(clock))) {
      throw new IllegalStateException("run this after 00:02 UTC: the weekly slot must have passed today");
    }
    List<String[]> repAccounts = new ArrayList<>();
    java.util.regex.Matcher schema = java.util.regex.Pattern.compile("[?&]currentSchema=(\\w+)").matcher(url);
    if (url.startsWith("jdbc:postgresql:") && schema.find()) {
      // The schema named in the URL is created when missing (Flyway migrates into it).
      try (Connection c = DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA IF NOT EXISTS " + schema.group(1));
      }
    }
    try (Database db = Database.open(url)) {
      Store store = new Store(db);
      long now = clock.millis();
      store.ensureWorkspace(WS, now);
      String run = UUID.randomUUID().toString().substring(0, 6);
      store.jdbi().useTransaction(h -> {
        TeamDao teams = h.attach(TeamDao.class);
        AccountDao accounts = h.attach(AccountDao.class);
        UserDao users = h.attach(UserDao.class);
        int teamCount = Math.max(1, (reps + 99) / 100);
        for (int t = 0; t < teamCount; t++) {
          teams.insert(WS, "burst-" + run + "-" + t, "Burst " + run + " " + t, Names.key("Burst " + run + " " + t),
              today.getDayOfWeek().getValue(), slot.format(DateTimeFormatter.ofPattern("HH:mm")), now);
        }
        for (int r = 0; r < reps; r++) {
          String rep = String.format("U%s%05d", run.toUpperCase(), r);
          teams.addMember(WS, "burst-" + run + "-" + (r % teamCount), rep, now);
          users.setTimeZone(WS, rep, "UTC", now);
          String account = "acct-" + run + "-" + r;
          accounts.upsert(WS, Account.of(account, "Client " + r, rep), now);
          repAccounts.add(new String[] {rep, account});
        }
      });
    }
    System.out.printf("setup: %d reps in %s, weekly slot %s UTC today (%s)%n", reps,
        database.equals("sqlite") ? "a fresh SQLite file" : "the given database", slot.withNano(0), week);

    // ---- the server: the packaged jar as its own process
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String jar = System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of(jar).toAbsolutePath().toString(), "serve")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.equals("PORT") || k.equals("DATABASE_URL"));
    pb.environment().putAll(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", apiUrl,
        "PORT", Integer.toString(port), "DATABASE_URL", url));
    Process server = pb.start();
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
    try {
      awaitHealthy(http, server, port, dir);
      // The weekly send starts with the server's first scheduler pass; the burst starts once it runs.
      long waitSend = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (firstPostNanos.get() == 0 && System.nanoTime() < waitSend) {
        Thread.sleep(50);
      }
      System.out.printf("weekly send running (%d prompts posted so far); burst of %d reps over %d s starts%n",
          accepted.size(), reps, windowSeconds);

      // ---- the burst
      SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, clock);
      URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
      List<Submission> submissions = new ArrayList<>();
      Random random = new Random(42);
      ScheduledExecutorService presses = Executors.newScheduledThreadPool(64);
      AtomicInteger finished = new AtomicInteger();
      long burstStart = System.nanoTime();
      for (String[] ra : repAccounts) {
        Submission s = new Submission();
        submissions.add(s);
        long at = (long) (random.nextDouble() * windowSeconds * 1000);
        presses.schedule(() -> {
          try {
            press(http, events, signer, clock, ra[0], ra[1], weeks, week, s);
          } catch (Exception e) {
            s.answer = "error: " + e;
          } finally {
            finished.incrementAndGet();
          }
        }, at, TimeUnit.MILLISECONDS);
      }
      while (finished.get() < submissions.size()) {
        Thread.sleep(50);
      }
      double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
      presses.shutdown();

      // ---- counted from the database
      Map<String, Long> created = new HashMap<>();
      long rows;
      long distinct;
      try (Connection c = DriverManager.getConnection(url)) {
        try (PreparedStatement q = c.prepareStatement(
            "SELECT account_id, created_at FROM checkins WHERE workspace_id = ? AND week = ?")) {
          q.setString(1, WS);
          q.setString(2, week.toString());
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              created.put(rs.getString(1), rs.getLong(2));
            }
          }
        }
        try (PreparedStatement q = c.prepareStatement(
            "SELECT COUNT(*), COUNT(DISTINCT account_id) FROM checkins WHERE workspace_id = ? AND week = ?")) {
          q.setString(1, WS);
          q.setString(2, week.toString());
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
            distinct = rs.getLong(2);
          }
        }
      }
      List<Long> acks = new ArrayList<>();
      List<Long> toStored = new ArrayList<>();
      int saved = 0;
      int lost = 0;
      int neverSaved = 0;
      int notSavedAnswers = 0;
      int other = 0;
      String sampleOther = null;
      for (int i = 0; i < submissions.size(); i++) {
        Submission s = submissions.get(i);
        acks.addAll(s.ackNanos);
        notSavedAnswers += s.notSaved;
        Long at = created.get(repAccounts.get(i)[1]);
        switch (s.answer) {
          case "saved" -> {
            saved++;
            if (at == null) {
              lost++;
            } else {
              toStored.add(Math.max(0, at - s.firstPressMillis) * 1_000_000L);
            }
          }
          case "not saved" -> neverSaved++;
          default -> {
            other++;
            sampleOther = sampleOther == null ? s.answer : sampleOther;
          }
        }
      }
      System.out.printf("%nburst: %d reps over %d s (took %.1f s), %d presses%n", reps, windowSeconds, burstSeconds,
          acks.size());
      System.out.printf("ack (HTTP answer to each press): p50 %s, p99 %s, max %s%n", ms(acks, 0.50), ms(acks, 0.99),
          ms(acks, 1.0));
      System.out.printf("submit-to-stored (first press to the row's created_at, ms clock): p50 %s, p99 %s, max %s%n",
          ms(toStored, 0.50), ms(toStored, 0.99), ms(toStored, 1.0));
      System.out.printf("saved %d; \"couldn't save, submit again\" answers %d (reps still unsaved after %d presses: %d);"
          + " other answers %d%n", saved, notSavedAnswers, ATTEMPTS, neverSaved, other);
      if (sampleOther != null) {
        System.out.printf("  e.g. %s%n", sampleOther.length() > 200 ? sampleOther.substring(0, 200) : sampleOther);
      }
      System.out.printf("lost (acked as saved, no row) %d; duplicated check-ins (rows %d, accounts %d) %d%n", lost,
          rows, distinct, rows - distinct);

      // ---- the weekly send, waited for up to sendWaitSeconds after the burst
      long sendDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sendWaitSeconds);
      int pending = pendingPrompts(url, week);
      while (pending > 0 && System.nanoTime() < sendDeadline) {
        Thread.sleep(500);
        pending = pendingPrompts(url, week);
      }
      int posted = accepted.values().stream().mapToInt(AtomicInteger::get).sum();
      int duplicatePrompts = accepted.values().stream().mapToInt(n -> Math.max(0, n.get() - 1)).sum();
      double sendSeconds = (lastPostNanos.get() - firstPostNanos.get()) / 1e9;
      // The reps were never prompted: each prompt opens the rep's DM first, at conversations.open's
      // Tier 3 pace (a minute's worth at once, then that rate), so the floor is the longer of the two.
      int openPerMinute = io.rapport.slack.out.MethodTier.of("conversations.open").perMinute();
      double floor = Math.max(Math.max(0, posted - 5) / fakePerSecond,
          Math.max(0, posted - openPerMinute) * 60.0 / openPerMinute);
      System.out.printf("%nweekly send: %d prompts posted to %d DMs, %s; budget %.1f posts/s unknown to Rapport%n",
          posted, accepted.size(), pending == 0 ? "nothing pending" : pending + " still pending (not waited for)",
          fakePerSecond);
      System.out.printf("429s %d = %.1f per 100 posts; first-to-last post %.1f s, floor %.1f s, ratio %.2f×%n",
          refused.get(), 100.0 * refused.get() / Math.max(1, posted), sendSeconds, floor,
          floor > 0 ? sendSeconds / floor : Double.NaN);
      System.out.printf("duplicated prompt DMs %d; prompt updates %d; App Home publishes %d%n", duplicatePrompts,
          updates.get(), publishes.get());
      System.out.printf("server log: %s%n", dir.resolve("server.log"));
      boolean ok = lost == 0 && rows == distinct && duplicatePrompts == 0;
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
      fake.stop();
      System.exit(ok ? 0 : 1);
    } finally {
      if (server.isAlive()) {
        server.destroyForcibly();
      }
    }
  }

  /** One rep: presses Submit; told to submit again, presses again (up to ATTEMPTS). */
  static void press(HttpClient http, URI events, SlackSignatureVerifier signer, Clock clock, String rep, String account,
      List<IsoWeek> weeks, IsoWeek week, Submission s) throws Exception {
    s.firstPressMillis = clock.millis();
    String body = "payload=" + URLEncoder.encode(payload(rep, account, weeks, week).toString(), StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String ts = Long.toString(clock.instant().getEpochSecond());
      HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signer.sign(ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      long t0 = System.nanoTime();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      s.ackNanos.add(System.nanoTime() - t0);
      if (r.statusCode() == 200 && r.body().isBlank()) {
        s.answer = "saved";
        return;
      }
      if (r.statusCode() == 200 && JSON.readTree(r.body()).path("errors").path(CheckInModal.FORM_ERROR_BLOCK).asText()
          .equals(CheckInModal.NOT_SAVED)) {
        s.notSaved++;
        s.answer = "not saved";
        continue;
      }
      s.answer = "HTTP " + r.statusCode() + " " + r.body();
      return;
    }
  }

  static ObjectNode payload(String rep, String account, List<IsoWeek> weeks, IsoWeek week) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "view_submission");
    p.putObject("user").put("id", rep).put("username", rep.toLowerCase()).put("team_id", WS);
    p.putObject("team").put("id", WS).put("domain", "burst");
    p.put("api_app_id", "ABURST").put("token", "legacy").put("trigger_id", "trigger-" + rep);
    ObjectNode view = p.putObject("view");
    view.put("id", "VBURST" + rep).put("team_id", WS).put("type", "modal").put("callback_id", CheckInModal.CALLBACK_ID)
        .put("private_metadata", new CheckInModal.Metadata(account, weeks).toJson()).put("hash", "h")
        .put("app_id", "ABURST").put("bot_id", "BBOT");
    ObjectNode values = view.putObject("state").putObject("values");
    choice(values, "week", "static_select", week.toString());
    number(values, "contacts.business", "2");
    number(values, "contacts.social", "1");
    number(values, "serviceHours", "6");
    number(values, "unpaidHours", "1");
    choice(values, "outcome", "radio_buttons", "progressed");
    number(values, "discountPct", "5");
    values.putObject("events").putObject("checkin.events").put("type", "checkboxes").putArray("selected_options");
    choice(values, "clientConduct", "radio_buttons", "respectful");
    number(values, "paymentDays", "30");
    choice(values, "valueRating", "radio_buttons", "4");
    values.putObject("note").putObject("value").put("type", "plain_text_input").put("value", "Monday call");
    return p;
  }

  static void number(ObjectNode values, String block, String value) {
    values.putObject(block).putObject("value").put("type", "number_input").put("value", value);
  }

  static void choice(ObjectNode values, String block, String type, String value) {
    ObjectNode v = values.putObject(block).putObject("value").put("type", type);
    v.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text", value);
  }

  static int pendingPrompts(String url, IsoWeek week) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement q = c.prepareStatement(
            "SELECT COUNT(*) FROM prompts WHERE workspace_id = ? AND week = ? AND status IN ('pending', 'claimed')")) {
      q.setString(1, WS);
      q.setString(2, week.toString());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static String ms(List<Long> nanos, double quantile) {
    if (nanos.isEmpty()) {
      return "-";
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1));
    return String.format("%.0f ms", sorted[i] / 1e6);
  }

  static void awaitHealthy(HttpClient http, Process server, int port, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server did not start; see " + dir.resolve("server.log"));
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
