package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Names;
import io.rapport.e2e.CheckInForms.Answer;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.ServedJar;
import io.rapport.testing.FakeSlack.Call;
import io.rapport.testing.SlackRequests;
import io.rapport.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out under a real crash: two Rapport jars, each a process of its own, on one PostgreSQL
 * database and one fake Slack. Both send the weekly prompts to 40 reps (the fake Slack answers every
 * post a little late, so the send takes seconds); check-ins sent to the first jar by signed HTTP
 * raise flags that it posts in the teams' channels; its flag sweep sends the managers' digests. The
 * fake Slack carries out the first jar's posts at once but holds their answers, and the moment that
 * jar has a prompt, a flag and a digest in Slack that it has not heard back about, it is killed with
 * SIGKILL. The second jar takes the dead one's messages over once their leases run out, finds the
 * posts already in Slack in the conversations' history and finishes the rest: every prompt, flag and
 * digest is in Slack exactly once.
 */
class ScaleOutKillIT {
  static final Path JAR = Path.of("target", "rapport.jar");
  static final String TOKEN_A = "xoxb-it-scale-a";
  static final String TOKEN_B = "xoxb-it-scale-b";
  static final String SECRET = "it-scale-signing-secret-0123456789";
  static final String WS = FakeSlack.TEAM_ID;
  static final int TEAMS = 8;
  static final int REPS_PER_TEAM = 5;
  static final int REPS = TEAMS * REPS_PER_TEAM;
  /** The first jar's posts are carried out and then answered only after this: it dies first. */
  static final Duration HELD = Duration.ofSeconds(60);
  /** The second jar's posts: Slack a little slow, so its share of the send takes seconds. */
  static final Duration A_LITTLE_SLOW = Duration.ofMillis(100);
  /** Both jars' outbox leases: how long the survivor waits before taking a dead one's messages. */
  static final int LEASE_SECONDS = 30;
  /** The first jar waits this long for Slack's answer: longer than it lives once it has posted. */
  static final int A_SLACK_TIMEOUT_SECONDS = 20;
  @TempDir Path dir;

  @Test
  void aJarKilledMidSendLeavesEveryPromptFlagAndDigestInSlackExactlyOnce() throws Exception {
    assumeTrue(TestDatabases.postgresUrl() != null, "needs " + TestDatabases.POSTGRES_URL_ENV);
    String url = TestDatabases.freshPostgresSchema();
    Clock clock = Clock.systemUTC();
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    List<IsoWeek> weeks = CheckInForms.weeksOfferedAt(clock.instant());
    IsoWeek week = weeks.get(0);
    // Digests go from Monday 08:00 in the manager's zone: pick a zone where that time has passed.
    String managerZone = now.getDayOfWeek() == DayOfWeek.MONDAY && now.getHour() < 8 ? "Pacific/Honolulu" : "Etc/UTC";
    List<String> reps = new ArrayList<>();
    List<String> managers = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    Map<String, String> flagAccountRep = new LinkedHashMap<>();

    try (FakeSlack slack = new FakeSlack()) {
      try (Database database = Database.open(url)) {
        Store store = new Store(database);
        long t = clock.millis();
        store.ensureWorkspace(WS, t);
        for (int team = 0; team < TEAMS; team++) {
          String id = "scale-" + team;
          String manager = String.format("UMGRSC%02d", team);
          String channel = String.format("CSCALE%02d", team);
          // Prompts are due since 00:00 today, UTC (the reps' zone).
          store.teams().insert(WS, id, "Scale Team " + team, Names.key("Scale Team " + team),
              now.getDayOfWeek().getValue(), "00:00", t);
          store.teams().setManager(WS, id, manager);
          store.teams().setChannel(WS, id, channel);
          store.users().setTimeZone(WS, manager, managerZone, t);
          slack.userTimeZone(manager, managerZone);
          managers.add(manager);
          channels.add(channel);
          for (int r = 0; r < REPS_PER_TEAM; r++) {
            String rep = String.format("UREPSC%02d", team * REPS_PER_TEAM + r);
            store.teams().addMember(WS, id, rep, t);
            store.users().setTimeZone(WS, rep, "Etc/UTC", t);
            slack.userTimeZone(rep, "Etc/UTC");
            store.accounts().upsert(WS, Account.of("due-" + rep, "Due Account " + rep, rep), t);
            reps.add(rep);
            if (r == 0) {
              // Paid late last week: one more late payment this week raises a flag for the channel.
              String account = "late-" + team;
              store.accounts().upsert(WS, Account.of(account, "Late Payer " + team, rep), t);
              store.checkIns().upsert(WS, CheckIn.builder(account, week.minusWeeks(1)).rep(rep).paymentDays(65).build(), t);
              flagAccountRep.put(account, rep);
            }
          }
        }
      }

      slack.answerAfterCarryingOut("chat.postMessage",
          call -> ("Bearer " + TOKEN_A).equals(call.authorization()) ? HELD : A_LITTLE_SLOW);
      int portA = freePort();
      int portB = freePort();
      Process a = start(slack, url, portA, TOKEN_A, "a.log", Map.of(
          "RAPPORT_SLACK_TIMEOUT_SECONDS", Integer.toString(A_SLACK_TIMEOUT_SECONDS),
          "RAPPORT_FLAG_SWEEP_SECONDS", "2"));
      Process b = null;
      try {
        awaitHealthy(a, portA, "a.log");
        // The first jar starts the weekly send and, from its flag sweep, the digests (it keeps some of
        // each in flight while it has any left: it hears back from Slack only when its wait runs out).
        Map<String, List<String>> inFlight = new TreeMap<>();
        await(() -> heldKeysByKind(slack).keySet().containsAll(List.of("prompt", "digest")), Duration.ofSeconds(90),
            () -> "the first jar sent no prompt or no digest; log:\n" + log("a.log"));
        // Check-ins raising flags go to the first jar as Slack sends them (signed HTTP), each rep at once;
        // it posts the flags in the teams' channels.
        SlackRequests toA = new SlackRequests("http://127.0.0.1:" + portA, SECRET, clock, slack);
        ExecutorService repsAtOnce = Executors.newFixedThreadPool(TEAMS);
        try {
          List<Future<Answer>> answers = new ArrayList<>();
          for (Map.Entry<String, String> e : flagAccountRep.entrySet()) {
            answers.add(repsAtOnce.submit(() -> {
              Answer answer = Answer.NOT_SAVED;
              // Told "Couldn't save" (a busy machine missed the write's deadline), the rep submits again.
              for (int attempt = 0; attempt < 10 && answer == Answer.NOT_SAVED; attempt++) {
                answer = CheckInForms.answerOf(
                    CheckInForms.submit(toA, e.getValue(), "VSCALE" + e.getKey(), e.getKey(), weeks, week, 70));
              }
              return answer;
            }));
          }
          for (Future<Answer> f : answers) {
            assertThat(f.get(60, TimeUnit.SECONDS)).as("a check-in raising a flag").isEqualTo(Answer.SAVED);
          }
        } finally {
          repsAtOnce.shutdownNow();
        }

        // The second jar joins: it sends the rest of the prompts (it sweeps less often, so the digests
        // start on the first jar; it finishes them).
        b = start(slack, url, portB, TOKEN_B, "b.log", Map.of("RAPPORT_FLAG_SWEEP_SECONDS", "10"));
        awaitHealthy(b, portB, "b.log");

        // Kill the first jar once the second is sending prompts too, and the first has a prompt, a flag
        // and a digest in Slack it never heard back about, and every flag has been raised.
        await(() -> {
          inFlight.clear();
          inFlight.putAll(heldKeysByKind(slack));
          return inFlight.keySet().containsAll(List.of("prompt", "flag", "digest")) && openFlags(url) == TEAMS
              && promptsPostedBy(slack, TOKEN_B) > 0;
        }, Duration.ofSeconds(60),
            () -> "the first jar never had a prompt, a flag and a digest in flight at once (held: " + inFlight
                + ", flags raised: " + openFlags(url) + "); logs:\n" + log("a.log") + "\n" + log("b.log"));
        a.destroyForcibly();
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        int promptsSentAtKill = sentRows(url, "prompt:");
        long promptsOfBAtKill = promptsPostedBy(slack, TOKEN_B);

        // The survivor finishes: every outbox row sent, none left leased or waiting.
        await(() -> unsentRows(url).isEmpty() && sentRows(url, "prompt:") == REPS
                && sentRows(url, "flag:") >= TEAMS && sentRows(url, "digest:") == TEAMS,
            Duration.ofSeconds(150), () -> "the second jar did not finish; unsent: " + unsentRows(url)
                + "; its log:\n" + log("b.log"));

        Map<String, List<Call>> postsByKey = postsByKey(slack);
        Map<String, Integer> repeated = postsByKey.entrySet().stream().filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
        assertThat(repeated).as("no message is in Slack twice").isEmpty();
        assertThat(postsOfKind(postsByKey, "prompt")).as("one prompt per rep").hasSize(REPS);
        for (String rep : reps) {
          assertThat(topLevelPostsTo(slack, "D" + rep)).as("the DM of %s", rep).hasSize(1);
        }
        assertThat(postsOfKind(postsByKey, "flag")).as("one post per flag").hasSize(TEAMS);
        for (String channel : channels) {
          assertThat(topLevelPostsTo(slack, channel)).as("the flag in %s", channel).hasSize(1);
        }
        assertThat(postsOfKind(postsByKey, "digest")).as("one digest per manager").hasSize(TEAMS);
        for (String manager : managers) {
          assertThat(topLevelPostsTo(slack, "D" + manager)).as("the digest of %s", manager).hasSize(1);
        }
        assertThat(postedFlags(url)).as("every flag recorded as posted").isEqualTo(TEAMS);

        // What the dead jar had in flight was found in Slack, not posted again; the survivor did the rest.
        List<String> held = inFlight.values().stream().flatMap(List::stream).toList();
        for (String key : held) {
          assertThat(postsByKey.get(key)).as("%s, in Slack when the first jar died", key).hasSize(1);
          assertThat(postsByKey.get(key).get(0).authorization()).isEqualTo("Bearer " + TOKEN_A);
        }
        assertThat(slack.calls("conversations.history").stream()
            .filter(c -> ("Bearer " + TOKEN_B).equals(c.authorization())).count())
            .as("the survivor looked in the history before taking over").isGreaterThanOrEqualTo(1);
        System.out.printf("MEASURE scale-out kill: in flight at the kill %s; prompts then: %d recorded sent, %d"
                + " posted by the survivor; of %d%n",
            inFlight.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())),
            promptsSentAtKill, promptsOfBAtKill, REPS);
      } finally {
        a.destroyForcibly();
        if (b != null) {
          b.destroy();
          b.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  /** Waits until {@code condition} holds; fails with {@code message} (read then) after {@code timeout}. */
  private static void await(java.util.function.BooleanSupplier condition, Duration timeout,
      java.util.function.Supplier<String> message) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(message.get());
      }
      Thread.sleep(50);
    }
  }

  /** The first jar's posts that Slack carried out and has not answered, their outbox keys by kind. */
  private static Map<String, List<String>> heldKeysByKind(FakeSlack slack) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Call c : slack.carriedOutAwaitingAnswer()) {
      if (("Bearer " + TOKEN_A).equals(c.authorization()) && key(c) != null) {
        out.computeIfAbsent(kind(key(c)), k -> new ArrayList<>()).add(key(c));
      }
    }
    return out;
  }

  private static long promptsPostedBy(FakeSlack slack, String token) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> ("Bearer " + token).equals(c.authorization()) && key(c) != null && kind(key(c)).equals("prompt"))
        .count();
  }

  /** The outbox key a post carries in its metadata, or null. */
  private static String key(Call post) {
    JsonNode metadata = post.jsonParam("metadata");
    return metadata == null ? null : metadata.path("event_payload").path("key").asText(null);
  }

  /** prompt, flag (a flag's own post), note (a flag's thread note), digest. */
  private static String kind(String key) {
    String[] parts = key.split(":");
    return parts[0].equals("flag") && parts.length > 2 ? "note" : parts[0];
  }

  private static Map<String, List<Call>> postsByKey(FakeSlack slack) {
    Map<String, List<Call>> out = new HashMap<>();
    for (Call c : slack.calls("chat.postMessage")) {
      String key = key(c);
      assertThat(key).as("every post carries its outbox key: %s", c.params()).isNotNull();
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  private static List<String> postsOfKind(Map<String, List<Call>> postsByKey, String kind) {
    return postsByKey.keySet().stream().filter(k -> kind(k).equals(kind)).toList();
  }

  private static List<Call> topLevelPostsTo(FakeSlack slack, String channel) {
    Predicate<Call> top = c -> channel.equals(c.param("channel")) && c.param("thread_ts") == null;
    return slack.calls("chat.postMessage").stream().filter(top).toList();
  }

  private static int sentRows(String url, String keyPrefix) {
    return count(url, "SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND message_key LIKE '" + keyPrefix + "%'");
  }

  private static List<String> unsentRows(String url) {
    List<String> rows = new ArrayList<>();
    query(url, "SELECT message_key, state FROM outbox WHERE state <> 'sent'", rs -> rows.add(rs.getString(1) + "=" + rs.getString(2)));
    return rows;
  }

  private static int openFlags(String url) {
    return count(url, "SELECT COUNT(*) FROM flags WHERE status = 'open'");
  }

  private static int postedFlags(String url) {
    return count(url, "SELECT COUNT(*) FROM flags WHERE status = 'open' AND post_status = 'posted'");
  }

  private static int count(String url, String sql) {
    int[] n = {0};
    query(url, sql, rs -> n[0] = rs.getInt(1));
    return n[0];
  }

  private interface Row {
    void read(ResultSet rs) throws Exception;
  }

  private static void query(String url, String sql, Row row) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        row.read(rs);
      }
    } catch (Exception e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  private Process start(FakeSlack slack, String url, int port, String token, String logName, Map<String, String> extra)
      throws IOException {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "SLACK_BOT_TOKEN", token,
        "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_API_URL", slack.apiUrl(),
        "PORT", Integer.toString(port),
        "DATABASE_URL", url,
        "RAPPORT_OUTBOX_LEASE_SECONDS", Integer.toString(LEASE_SECONDS)));
    env.putAll(extra);
    return ServedJar.start(JAR, dir, logName, env);
  }

  private void awaitHealthy(Process p, int port, String logName) throws Exception {
    ServedJar.awaitHealthy(p, port, dir.resolve(logName));
  }

  private String log(String name) {
    return ServedJar.log(dir.resolve(name));
  }

  private static int freePort() throws IOException {
    return ServedJar.freePort();
  }
}
