// A minimal stand-in for the Slack Web API for benchmarks: answers every method with ok:true
// (auth.test with a team id, which Bolt's single-workspace authorization needs at start-up).
// Run: java bench/FakeSlackApi.java PORT
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

public class FakeSlackApi {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String body = "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\",\"user\":\"rapport\","
          + "\"team_id\":\"T0BENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\",\"channel\":{\"id\":\"D1\"},\"ts\":\"1.1\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    System.out.println("fake Slack API on " + port);
  }
}
