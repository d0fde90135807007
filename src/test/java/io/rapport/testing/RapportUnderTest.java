package io.rapport.testing;

import io.rapport.Rapport;
import io.rapport.config.Config;
import io.rapport.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Rapport's real server on a free port, with a real SQLite file in a temp directory and the Slack
 * Web API replaced by a {@link FakeSlack}. Tests talk to it only through signed HTTP ({@link
 * #slack()} to send, {@link #fake()} to see what Rapport sent to Slack).
 *
 * <pre>{@code
 * try (RapportUnderTest rapport = RapportUnderTest.start()) {
 *   var reply = rapport.slack().command("/relationship-help", "", "U1");
 * }
 * }</pre>
 */
public final class RapportUnderTest implements AutoCloseable {
  public static final String BOT_TOKEN = "xoxb-test-0000-SECRET-TOKEN";
  public static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
  public static final String ADMIN = "UADMIN01";
  /** Put {@code "on"} under this key in the extra environment to run the prompts' background timer. */
  public static final String PROMPT_TIMER = "TEST_PROMPT_TIMER";
  /** Put a workspace id under this key in the extra environment to bind Rapport to it instead of {@link FakeSlack#TEAM_ID}. */
  public static final String WORKSPACE = "TEST_WORKSPACE";

  private final FakeSlack fake;
  private final MutableClock clock;
  private final Path dir;
  private final Rapport rapport;
  private final SlackRequests requests;

  private RapportUnderTest(Map<String, String> extraEnv, MutableClock clock, FakeSlack fake, Path dir)
      throws Exception {
    this.fake = fake;
    this.clock = clock;
    this.dir = dir;
    Map<String, String> env = new HashMap<>();
    env.put(Config.SLACK_BOT_TOKEN, BOT_TOKEN);
    env.put(Config.SLACK_SIGNING_SECRET, SIGNING_SECRET);
    env.put(Config.SLACK_API_URL, fake.apiUrl());
    env.put(Config.PORT, "0");
    env.put(Config.DATABASE_URL, "jdbc:sqlite:" + dir.resolve("rapport.db"));
    env.put(Config.RAPPORT_ADMINS, ADMIN);
    env.putAll(extraEnv);
    Config config = Config.load(env, dir);
    Rapport created = Rapport.create(config, clock);
    if (!"on".equals(extraEnv.get(PROMPT_TIMER))) {
      created.withoutPromptTimer(); // prompts are sent only when a test runs a pass
    }
    this.rapport = created.startHttp();
    this.requests = new SlackRequests(baseUrl(), SIGNING_SECRET, clock, fake);
  }

  /** Starts with the clock at the current instant. */
  public static RapportUnderTest start() throws Exception {
    return start(Map.of(), new MutableClock(Instant.now()));
  }

  /** Starts on a fresh database of the given kind (see {@link TestDatabases}). */
  public static RapportUnderTest startOn(TestDatabases.Kind kind, MutableClock clock) throws Exception {
    return startOn(kind, clock, Map.of());
  }

  /** The same, with extra environment (e.g. {@link Config#RAPPORT_SLACK_TIMEOUT_SECONDS}). */
  public static RapportUnderTest startOn(TestDatabases.Kind kind, MutableClock clock, Map<String, String> extraEnv)
      throws Exception {
    Path dir = Files.createTempDirectory("rapport-test");
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put(Config.DATABASE_URL, TestDatabases.freshUrl(kind, dir));
    return start(env, clock);
  }

  public static RapportUnderTest start(Map<String, String> extraEnv, MutableClock clock) throws Exception {
    FakeSlack fake = new FakeSlack().teamId(extraEnv.getOrDefault(WORKSPACE, FakeSlack.TEAM_ID));
    Path dir = Files.createTempDirectory("rapport-test");
    try {
      return new RapportUnderTest(extraEnv, clock, fake, dir);
    } catch (Exception e) {
      fake.close();
      throw e;
    }
  }

  /** Signed requests as Slack sends them. */
  public SlackRequests slack() {
    return requests;
  }

  /** What Rapport sent to the Slack Web API. */
  public FakeSlack fake() {
    return fake;
  }

  public MutableClock clock() {
    return clock;
  }

  public Clock clockView() {
    return clock;
  }

  public Rapport rapport() {
    return rapport;
  }

  public Database database() {
    return rapport.foundation().database();
  }

  public Path directory() {
    return dir;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + rapport.httpPort();
  }

  /** A plain GET, e.g. {@code /healthz}. */
  public HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    try {
      rapport.close();
    } finally {
      fake.close();
    }
  }
}
