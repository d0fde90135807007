package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthzTest {
  @TempDir Path dir;

  static HttpResponse<String> get(HttpServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzIs503OnceTheDatabaseIsGone() throws Exception {
    Path dbDir = Files.createDirectory(dir.resolve("data"));
    Database db = Database.open("jdbc:sqlite:" + dbDir.resolve("r.db"));
    try (HttpServer server = new HttpServer(0, RapportHandler.healthOnly(db::isHealthy)).start()) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      db.close();
      try (Stream<Path> files = Files.walk(dbDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      HttpResponse<String> down = get(server, "/healthz");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("unavailable");
    }
  }
}
