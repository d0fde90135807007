package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.e2e.CheckInForms.Answer;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.ServedJar;
import io.rapport.testing.SlackRequests;
import io.rapport.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault: the packaged jar, run as a real process, is killed with SIGKILL ({@code kill -9}) right
 * after 20 reps were told their check-ins were saved. After a restart on the same database (a
 * SQLite file, or a PostgreSQL schema) all 20 are there, and the restarted server takes the next.
 */
class KillDuringCheckInsIT {
  static final Path JAR = Path.of("target", "rapport.jar");
  static final String TOKEN = "xoxb-it-kill-0000";
  static final String SECRET = "it-kill-signing-secret-0123456789";
  static final String WS = FakeSlack.TEAM_ID;
  static final int SUBMISSIONS = 20;
  /** Reps pressing Submit at the same moment. */
  static final int CONCURRENT_REPS = 5;
  /** How often a rep told "Couldn't save" presses Submit again before the test gives up. */
  static final int ATTEMPTS = 10;
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void allTwentyAckedCheckInsSurviveAKillNineAndARestart(TestDatabases.Kind kind) throws Exception {
    String url = TestDatabases.freshUrl(kind, dir);
    Clock clock = Clock.systemUTC();
    List<IsoWeek> weeks = CheckInForms.weeksOfferedAt(clock.instant());
    IsoWeek week = weeks.get(0);
    List<Account> accounts = new ArrayList<>();
    try (Database database = Database.open(url)) {
      Store store = new Store(database);
      long now = clock.millis();
      store.ensureWorkspace(WS, now);
      for (int i = 0; i < SUBMISSIONS + 1; i++) {
        // Four reps with five or six accounts each: several submissions of one rep land together.
        Account a = Account.of("kill-" + i, "Killed Account " + i, String.format("UREPKL%02d", i % 4));
        store.accounts().upsert(WS, a, now);
        accounts.add(a);
      }
    }

    try (FakeSlack slack = new FakeSlack()) {
      int port = freePort();
      Process first = start(slack, url, port, "first.log");
      SlackRequests requests;
      List<Answer> answers = new ArrayList<>();
      try {
        awaitHealthy(first, port, "first.log");
        requests = new SlackRequests("http://127.0.0.1:" + port, SECRET, clock, slack);
        ExecutorService reps = Executors.newFixedThreadPool(CONCURRENT_REPS);
        try {
          List<Future<Answer>> sent = new ArrayList<>();
          for (int i = 0; i < SUBMISSIONS; i++) {
            Account a = accounts.get(i);
            sent.add(reps.submit(() -> untilSaved(requests, a, weeks, week)));
          }
          for (Future<Answer> f : sent) {
            answers.add(f.get(120, TimeUnit.SECONDS));
          }
        } finally {
          reps.shutdownNow();
        }
      } finally {
        // kill -9 right after the last answer: no shutdown hook, no drain, nothing flushed on the way out.
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
      assertThat(answers).as("every check-in was acked as saved before the kill; log:%n%s", log("first.log"))
          .hasSize(SUBMISSIONS).containsOnly(Answer.SAVED);

      Process second = start(slack, url, port, "second.log");
      try {
        awaitHealthy(second, port, "second.log");
        Set<String> expected = new HashSet<>();
        accounts.subList(0, SUBMISSIONS).forEach(a -> expected.add(a.id()));
        assertThat(storedAccounts(url, week)).as("all %d acked check-ins after the restart", SUBMISSIONS)
            .isEqualTo(expected);
        // The restarted server takes the next check-in as usual. Its very first write runs on a cold
        // JVM, which on a starved machine can miss the write deadline: the rep is then told
        // "Couldn't save" and presses Submit again, as in the burst above.
        Account next = accounts.get(SUBMISSIONS);
        SlackRequests again = new SlackRequests("http://127.0.0.1:" + port, SECRET, clock, slack);
        assertThat(untilSaved(again, next, weeks, week)).as("log:%n%s", log("second.log")).isEqualTo(Answer.SAVED);
        assertThat(storedAccounts(url, week)).hasSize(SUBMISSIONS + 1);
      } finally {
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  /**
   * Submits as a rep does: told "Couldn't save: please submit again" (the machine is busy and the
   * write missed its deadline), the rep presses Submit again on the same modal. Returns the last
   * answer: SAVED unless every attempt was refused.
   */
  private static Answer untilSaved(SlackRequests requests, Account a, List<IsoWeek> weeks, IsoWeek week)
      throws Exception {
    Answer answer = Answer.OTHER;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      answer = CheckInForms.answerOf(CheckInForms.submit(requests, a.rep(), "VKILL" + a.id(), a.id(), weeks, week));
      if (answer != Answer.NOT_SAVED) {
        return answer;
      }
    }
    return answer;
  }

  private Set<String> storedAccounts(String url, IsoWeek week) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement q = c.prepareStatement(
            "SELECT account_id FROM checkins WHERE workspace_id = ? AND week = ?")) {
      q.setString(1, WS);
      q.setString(2, week.toString());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          assertThat(ids.add(rs.getString(1))).as("one row per account and week").isTrue();
        }
      }
    }
    return ids;
  }

  private Process start(FakeSlack slack, String url, int port, String logName) throws IOException {
    return ServedJar.start(JAR, dir, logName, Map.of(
        "SLACK_BOT_TOKEN", TOKEN,
        "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_API_URL", slack.apiUrl(),
        "PORT", Integer.toString(port),
        "DATABASE_URL", url));
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
