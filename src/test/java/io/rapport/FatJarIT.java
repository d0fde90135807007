package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.testing.FakeSlack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/rapport.jar} as a real process, as a newcomer or an operator runs it. */
class FatJarIT {
  static final Path JAR = Path.of("target", "rapport.jar");
  static final String TOKEN = "xoxb-it-1234-DO-NOT-LOG";
  static final String SECRET = "it-signing-secret-DO-NOT-LOG";
  @TempDir Path dir;

  private Process start(Map<String, String> env, String... args) throws IOException {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.equals("PORT")
        || k.equals("DATABASE_URL") || k.equals("RAPPORT_ADMINS"));
    pb.environment().putAll(env);
    return pb.start();
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
  }

  @Test
  void serveWithoutCredentialsExits2NamingTheMissingVariables() throws Exception {
    Process p = start(Map.of(), "serve");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output()).contains("SLACK_BOT_TOKEN").contains("SLACK_SIGNING_SECRET").contains("demo")
        .doesNotContain("Exception");
  }

  @Test
  void noArgumentsWithoutCredentialsRunsTheDemoThenSaysHowToConnectSlack() throws Exception {
    Process p = start(Map.of());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = output();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("RELATIONSHIP REPORT").contains("AT RISK").contains("Terms dictated")
        .contains("SLACK_BOT_TOKEN").doesNotContain("Exception");
    for (String f : new String[] {"report.json", "report.csv", "health-trend.png"}) {
      assertThat(dir.resolve("rapport-demo").resolve(f)).isNotEmptyFile();
    }
  }

  @Test
  void invalidConfigurationExits2WithTheVariableNamed() throws Exception {
    Process p = start(Map.of("PORT", "http"), "serve");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output()).contains("PORT must be a whole number").doesNotContain("Exception");
  }

  @Test
  void aTokenSlackRefusesStopsWithExit2AndSaysWhatToDo() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.handle("auth.test", c -> FakeSlack.Reply.error("token_revoked"));
      Process p = start(Map.of(
          "SLACK_BOT_TOKEN", TOKEN,
          "SLACK_SIGNING_SECRET", SECRET,
          "SLACK_API_URL", slack.apiUrl(),
          "PORT", "0",
          "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("it.db")), "serve");
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = output();
      assertThat(p.exitValue()).as(out).isEqualTo(2);
      assertThat(out).contains("Slack refused SLACK_BOT_TOKEN (token_revoked)").contains("Reinstall the app")
          .doesNotContain("Exception").doesNotContain(TOKEN).doesNotContain("Rapport is listening");
    }
  }

  @Test
  void servesHealthzAndStopsGracefullyOnSigtermWithoutLoggingSecrets() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (FakeSlack slack = new FakeSlack()) {
      Process p = start(Map.of(
          "SLACK_BOT_TOKEN", TOKEN,
          "SLACK_SIGNING_SECRET", SECRET,
          "SLACK_API_URL", slack.apiUrl(),
          "PORT", Integer.toString(port),
          "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("it.db")), "serve");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (health == null && System.nanoTime() < deadline && p.isAlive()) {
        try {
          health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
              .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYet) {
          Thread.sleep(200);
        }
      }
      assertThat(health).as("healthz answered; output:%n%s", output()).isNotNull();
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/slack/events"))
          .POST(HttpRequest.BodyPublishers.ofString("command=%2Frelationship-help")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode()).isEqualTo(401);

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = output();
      assertThat(out).contains("Rapport is listening").contains("Rapport stopped")
          .contains("Rapport is connected to the Slack workspace \"Rapport Test\"")
          .contains("https://YOUR-HOST/slack/events").contains("http://localhost:" + port);
      assertThat(out).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain("DO-NOT-LOG");
    }
  }
}
