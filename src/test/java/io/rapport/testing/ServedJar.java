package io.rapport.testing;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as its own process ({@code java -jar rapport.jar serve}), for tests that kill
 * it: started with only the configuration given (nothing of the test machine's Slack, Rapport,
 * port or database variables), its output in a log file that failures quote.
 */
public final class ServedJar {
  private ServedJar() {}

  /** Starts {@code jar} in {@code dir} with {@code env}; its output goes to {@code dir/logName}. */
  public static Process start(Path jar, Path dir, String logName, Map<String, String> env) throws IOException {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toAbsolutePath().toString(), "serve");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(logName).toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("RAPPORT_") || k.equals("PORT")
        || k.equals("DATABASE_URL"));
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Waits (up to 90 s) until the jar answers {@code /healthz}; fails with its log if it dies or never does. */
  public static void awaitHealthy(Process p, int port, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the jar did not become healthy; output:\n" + log(log));
  }

  /** What the jar wrote, for a failure message. */
  public static String log(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** A port nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
