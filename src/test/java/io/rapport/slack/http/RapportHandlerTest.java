package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge on its own (Jetty, the handler and a Bolt app with one command and no middleware):
 * bodies exactly at the size limit and one byte over, with a length or chunked; signatures one byte
 * off; slow bodies cut off; and every other path and method answered without reaching Bolt.
 */
class RapportHandlerTest {
  private static final String SECRET = "edge-test-secret";
  private static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");
  private static final int LIMIT = HttpServer.MAX_REQUEST_BYTES;
  private static final String FORM_HEAD = "token=t&team_id=T1&user_id=U1&command=%2Fecho&text=";

  private final SlackSignatureVerifier verifier =
      new SlackSignatureVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private HttpServer server;

  private void start(Duration readDeadline, int slots) throws Exception {
    App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-edge").signingSecret(SECRET)
        .requestVerificationEnabled(false).build(), List.of());
    // Answers with the length of the text it received, so a test sees the whole body arrived.
    app.command("/echo", (req, ctx) -> {
      String text = req.getPayload().getText();
      if ("fail".equals(text)) {
        throw new IllegalStateException("a listener failed");
      }
      return ctx.ack("received " + (text == null ? 0 : text.length()));
    });
    // A listener that shapes its own answer, as one that asks Slack not to retry does.
    app.command("/noretry", (req, ctx) -> com.slack.api.bolt.response.Response.builder().statusCode(202)
        .contentType("text/plain; charset=utf-8").headers(java.util.Map.of("X-Slack-No-Retry", List.of("1")))
        .body("noted").build());
    // Says whether the ack path knows when its request arrived (the ack-path writes' clock).
    app.command("/arrived", (req, ctx) -> ctx.ack(io.rapport.store.RequestArrival.nanos().isPresent()
        && io.rapport.store.RequestArrival.nanos().getAsLong() <= System.nanoTime() ? "arrival known" : "no arrival"));
    RapportHandler handler = new RapportHandler(new BoltAdapter(app), verifier, healthy::get, readDeadline, slots);
    server = new HttpServer(0, handler).start();
  }

  private void start() throws Exception {
    start(RapportHandler.READ_DEADLINE, RapportHandler.MAX_UNVERIFIED_READS);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static String ts() {
    return Long.toString(NOW.getEpochSecond());
  }

  /** A slash-command form whose whole body is exactly {@code size} bytes. */
  private static String formOfSize(int size) {
    return FORM_HEAD + "x".repeat(size - FORM_HEAD.length());
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body, String timestamp, String signature) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(RapportHandler.EVENTS_PATH)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(body);
    if (timestamp != null) {
      b.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      b.header("X-Slack-Signature", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signed(String body) throws Exception {
    return send(HttpRequest.BodyPublishers.ofString(body), ts(), verifier.sign(ts(), body));
  }

  /** Sent chunked (no Content-Length), in pieces of a few kilobytes. */
  private HttpResponse<String> signedChunked(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), ts(),
        verifier.sign(ts(), body));
  }

  private HttpResponse<String> get(String path, String method) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedCommandReachesBoltAndItsAnswerComesBack() throws Exception {
    start();
    String body = FORM_HEAD + URLEncoder.encode("Café ✓", StandardCharsets.UTF_8);

    HttpResponse<String> r = signed(body);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("received 6");
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void theAckPathKnowsWhenItsRequestArrivedAndForgetsItAfterwards() throws Exception {
    start();
    String body = "token=t&team_id=T1&user_id=U1&command=%2Farrived&text=";

    HttpResponse<String> r = signed(body);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("arrival known");
    assertThat(io.rapport.store.RequestArrival.nanos()).isEmpty();
  }

  @Test
  void aBodyExactlyAtTheLimitIsReadWholeAndOneByteMoreIs413() throws Exception {
    start();

    HttpResponse<String> atLimit = signed(formOfSize(LIMIT));
    HttpResponse<String> over = signed(formOfSize(LIMIT + 1));

    assertThat(atLimit.statusCode()).isEqualTo(200);
    assertThat(atLimit.body()).contains("received " + (LIMIT - FORM_HEAD.length()));
    assertThat(over.statusCode()).isEqualTo(413);
  }

  @Test
  void aChunkedBodyExactlyAtTheLimitIsReadWholeAndOneByteMoreIs413() throws Exception {
    start();

    HttpResponse<String> atLimit = signedChunked(formOfSize(LIMIT));
    HttpResponse<String> over = signedChunked(formOfSize(LIMIT + 1));

    assertThat(atLimit.statusCode()).isEqualTo(200);
    assertThat(atLimit.body()).contains("received " + (LIMIT - FORM_HEAD.length()));
    assertThat(over.statusCode()).isEqualTo(413);
  }

  @Test
  void aSmallChunkedBodyArrivesByteForByte() throws Exception {
    start();

    HttpResponse<String> r = signedChunked(formOfSize(10_000));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("received " + (10_000 - FORM_HEAD.length()));
  }

  @Test
  void aSignatureOneByteOffIsRefusedBeforeBoltAndTheGenuineOneIsNot() throws Exception {
    start();
    String body = FORM_HEAD + "hello";
    String genuine = verifier.sign(ts(), body);
    String last = genuine.substring(genuine.length() - 1);
    String oneOff = genuine.substring(0, genuine.length() - 1) + ("0".equals(last) ? "1" : "0");
    String tamperedBody = FORM_HEAD + "hellp";

    assertThat(send(HttpRequest.BodyPublishers.ofString(body), ts(), oneOff).statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.BodyPublishers.ofString(tamperedBody), ts(), genuine).statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.BodyPublishers.ofString(body), ts(), null).statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.BodyPublishers.ofString(body), ts(), genuine).statusCode()).isEqualTo(200);
  }

  @Test
  void aTimestampExactlyAtTheWindowIsAcceptedAndOneSecondOutsideIsNot() throws Exception {
    start();
    String body = FORM_HEAD + "hello";
    long window = SlackSignatureVerifier.MAX_SKEW.toSeconds();
    String edge = Long.toString(NOW.getEpochSecond() - window);
    String outside = Long.toString(NOW.getEpochSecond() - window - 1);

    HttpResponse<String> atEdge = send(HttpRequest.BodyPublishers.ofString(body), edge, verifier.sign(edge, body));
    HttpResponse<String> beyond = send(HttpRequest.BodyPublishers.ofString(body), outside, verifier.sign(outside, body));

    assertThat(atEdge.statusCode()).isEqualTo(200);
    assertThat(beyond.statusCode()).isEqualTo(401);
    assertThat(beyond.body()).doesNotContain("received");
  }

  @Test
  void aFailingListenerGetsAPoliteAnswerNotA500() throws Exception {
    start();

    HttpResponse<String> r = signed(FORM_HEAD + "fail");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ephemeral").doesNotContain("Exception").doesNotContain("IllegalState");
  }

  @Test
  void aListenersOwnStatusHeadersAndContentTypeReachSlackUnchanged() throws Exception {
    start();

    HttpResponse<String> r = signed("token=t&team_id=T1&user_id=U1&command=%2Fnoretry&text=");

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.headers().firstValue("X-Slack-No-Retry")).hasValue("1");
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body()).isEqualTo("noted");
  }

  @Test
  void aSignedBodyThatIsNotASlackRequestIs400() throws Exception {
    start();

    HttpResponse<String> r = signed("hello");

    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void otherPathsAndMethodsAreAnsweredWithoutBolt() throws Exception {
    start();

    assertThat(get(RapportHandler.EVENTS_PATH, "GET").statusCode()).isEqualTo(405);
    assertThat(get("/admin", "GET").statusCode()).isEqualTo(404);
    assertThat(get(RapportHandler.HEALTH_PATH, "POST").statusCode()).isEqualTo(404);
    assertThat(get(RapportHandler.HEALTH_PATH, "HEAD").statusCode()).isEqualTo(200);
    HttpResponse<String> ok = get(RapportHandler.HEALTH_PATH, "GET");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("ok");
    healthy.set(false);
    assertThat(get(RapportHandler.HEALTH_PATH, "GET").statusCode()).isEqualTo(503);
  }

  @Test
  void inSocketModeTheEventsPathIsNotServed() throws Exception {
    server = new HttpServer(0, RapportHandler.healthOnly(healthy::get)).start();

    HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofString("x"), ts(), verifier.sign(ts(), "x"));

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Socket Mode");
    assertThat(get(RapportHandler.HEALTH_PATH, "GET").statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyAnnouncedFarOverTheLimitIsRefusedWithoutWaitingForIt() throws Exception {
    start();
    try (Socket s = rawRequest(8L * LIMIT + 1, "")) {
      assertThat(statusLine(s)).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void aBodyExactlyAtTheDrainAllowanceIsReadThroughAndTheConnectionStaysUsable() throws Exception {
    start();
    long drain = RapportHandler.DRAIN_BYTES;
    try (Socket s = rawRequest(drain, "")) {
      OutputStream out = s.getOutputStream();
      byte[] block = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      for (long sent = 0; sent < drain; sent += block.length) {
        out.write(block, 0, (int) Math.min(block.length, drain - sent));
      }
      out.flush();
      InputStream in = s.getInputStream();
      assertThat(statusLine(s)).startsWith("HTTP/1.1 413");
      long length = -1;
      for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
        assertThat(header.toLowerCase(java.util.Locale.ROOT)).isNotEqualTo("connection: close");
        if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Long.parseLong(header.substring("content-length:".length()).trim());
        }
      }
      assertThat(in.readNBytes((int) length)).hasSize((int) length);

      out.write(("GET " + RapportHandler.HEALTH_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(statusLine(s)).as("the same connection answers the next request").startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aClientThatGivesUpHalfwayThroughItsBodyGetsA400NotAHang() throws Exception {
    start();
    try (Socket s = rawRequest(1000, "text=")) {
      s.shutdownOutput(); // the body ends 995 bytes early
      assertThat(statusLine(s)).startsWith("HTTP/1.1 400");
    }
  }

  @Test
  void aBodyThatStopsArrivingIsAnswered408() throws Exception {
    start(Duration.ofMillis(300), RapportHandler.MAX_UNVERIFIED_READS);
    try (Socket s = rawRequest(1000, "text=")) {
      assertThat(statusLine(s)).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  void whenNoSlotCanBeFreedASlowBodyIsToldToTryAgainAtOnce() throws Exception {
    // No slot at all and none waiting to be cut off: the 503 comes at once, not after the deadline.
    start(Duration.ofMinutes(5), 0);
    try (Socket s = rawRequest(1000, "text=")) {
      assertThat(statusLine(s)).startsWith("HTTP/1.1 503");
      InputStream in = s.getInputStream();
      boolean closes = false;
      for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
        closes |= header.equalsIgnoreCase("connection: close");
      }
      assertThat(closes).as("the connection is closed: the client may still be sending").isTrue();
    }
  }

  @Test
  void whenEverySlotIsTakenTheLongestWaitingReadIsCutOffForTheNewOne() throws Exception {
    // One slot and a deadline far beyond the test: a 408 can only be the cut-off.
    start(Duration.ofMinutes(5), 1);
    try (Socket a = rawRequest(1000, "text="); Socket b = rawRequest(1000, "text=")) {
      Socket cut = null;
      for (int polls = 0; cut == null && polls < 200; polls++) {
        for (Socket s : List.of(a, b)) {
          s.setSoTimeout(100);
          String line = statusLine(s);
          if (!line.equals("no answer")) {
            assertThat(line).startsWith("HTTP/1.1 408");
            cut = s;
            break;
          }
        }
      }
      assertThat(cut).as("one of two waiting reads cut off for the other").isNotNull();
      Socket held = cut == a ? b : a;
      held.setSoTimeout(20_000);
      held.getOutputStream().write("x".repeat(995).getBytes(StandardCharsets.US_ASCII));
      assertThat(statusLine(held)).startsWith("HTTP/1.1 401"); // its whole body in, then the signature judged
    }
  }

  /** Headers that pass the checks before the body (fresh timestamp, a signature's shape) and part of a body. */
  private Socket rawRequest(long announced, String firstBytes) throws Exception {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
    s.setSoTimeout(20_000);
    OutputStream out = s.getOutputStream();
    out.write(("POST " + RapportHandler.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + announced + "\r\n"
        + "X-Slack-Request-Timestamp: " + ts() + "\r\nX-Slack-Signature: v0=" + "0".repeat(64) + "\r\n\r\n"
        + firstBytes).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
      line.append((char) c);
    }
    return line.toString().strip();
  }

  private static String statusLine(Socket s) throws Exception {
    try {
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
        line.append((char) c);
      }
      return line.toString().strip();
    } catch (SocketTimeoutException e) {
      return "no answer";
    }
  }
}
