package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.Rapport;
import io.rapport.config.Config;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Reply;
import io.rapport.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code SLACK_APP_TOKEN} set, Rapport opens a Socket Mode connection (apps.connections.open
 * with the app-level token) and answers Slack's envelopes over the websocket with the same App.
 */
class SocketModeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** A stand-in for Slack's Socket Mode websocket endpoint. */
  static final class FakeSocketSlack extends WebSocketServer {
    final CountDownLatch connected = new CountDownLatch(1);
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    volatile WebSocket client;

    FakeSocketSlack() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      client = conn;
      conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"ARAPPORT\"}}");
      connected.countDown();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {}
  }

  @Test
  void aSlashCommandOverTheWebsocketIsAnsweredInItsEnvelope() throws Exception {
    FakeSocketSlack socket = new FakeSocketSlack();
    socket.start();
    try (FakeSlack fake = new FakeSlack()) {
      fake.handle("apps.connections.open", call -> Reply.ok(
          "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=t1\"}"));
      Config config = Config.load(Map.of(
          "SLACK_BOT_TOKEN", "xoxb-socket-test",
          "SLACK_APP_TOKEN", "xapp-socket-test",
          "SLACK_API_URL", fake.apiUrl(),
          "PORT", "0",
          "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("s.db")), dir);
      try (Rapport rapport = Rapport.create(config, new MutableClock(Instant.now())).startSocketMode()) {
        assertThat(socket.connected.await(20, TimeUnit.SECONDS)).as("Rapport connected").isTrue();
        assertThat(fake.awaitCall("apps.connections.open").authorization()).isEqualTo("Bearer xapp-socket-test");

        String payload = JSON.createObjectNode()
            .put("token", "t").put("team_id", FakeSlack.TEAM_ID).put("team_domain", "rapport-test")
            .put("channel_id", "C1").put("channel_name", "sales").put("user_id", "U0REP0001")
            .put("user_name", "rep").put("command", "/relationship-help").put("text", "")
            .put("api_app_id", "ARAPPORT").put("response_url", fake.responseUrl())
            .put("trigger_id", "1.2.3").toString();
        socket.client.send("{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
            + "\"payload\":" + payload + "}");

        String answer = socket.received.poll(20, TimeUnit.SECONDS);
        assertThat(answer).as("an answer over the websocket").isNotNull();
        JsonNode envelope = JSON.readTree(answer);
        assertThat(envelope.path("envelope_id").asText()).isEqualTo("env-1");
        assertThat(envelope.path("payload").path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(envelope.path("payload").path("blocks").size()).isGreaterThan(3);

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + rapport.httpPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/slack/events"))
            .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
      }
    } finally {
      socket.stop(1000);
    }
  }
}
