package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.slack.http.RapportHandler;
import io.rapport.testing.RapportUnderTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that announce a body and then trickle it cannot starve the server: with 300 such
 * connections open (loopback only, closed at the end), {@code /healthz} and a validly signed
 * command still answer, and every trickling connection is answered 408 or 503 and closed instead
 * of holding a thread. Requests without Slack's headers or with a stale timestamp are refused
 * before their body is read.
 */
class SlowBodiesTest {
  static final int TRICKLERS = 300;

  @Test
  void tricklingBodiesLeaveTheServerAnswering() throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.start()) {
      int port = Integer.parseInt(rapport.baseUrl().substring(rapport.baseUrl().lastIndexOf(':') + 1));
      String ts = Long.toString(rapport.clock().instant().getEpochSecond());
      List<Socket> tricklers = new ArrayList<>();
      try {
        for (int i = 0; i < TRICKLERS; i++) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
          s.setSoTimeout((int) RapportHandler.READ_DEADLINE.toMillis() * 4);
          OutputStream out = s.getOutputStream();
          out.write(("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n"
              + "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: v0=" + "0".repeat(64) + "\r\n\r\nt")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          tricklers.add(s);
        }
        // A second byte from each, as a trickler would send, while the real requests come in.
        for (Socket s : tricklers) {
          if (!s.isClosed()) {
            try {
              s.getOutputStream().write('e');
            } catch (java.io.IOException alreadyAnswered) {
              // answered and closed by the server already
            }
          }
        }

        // Promptly: well within Jetty's 30-second idle timeout, which is what freed threads before.
        assertThat(java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(rapport.baseUrl() + "/healthz"))
                .timeout(java.time.Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> command = rapport.slack().command("/relationship-help", "", "U0REP0001");
        assertThat(command.statusCode()).isEqualTo(200);

        // Every trickler is answered (408 when cut off or out of time, 503 when no slot) and closed.
        int answered = 0;
        for (Socket s : tricklers) {
          String status = statusLine(s);
          assertThat(status).matches("HTTP/1\\.1 (408|503) .*");
          answered++;
        }
        assertThat(answered).isEqualTo(TRICKLERS);
        assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
      } finally {
        for (Socket s : tricklers) {
          s.close();
        }
      }
    }
  }

  @Test
  void requestsWithoutSlacksHeadersOrWithAStaleTimestampAreRefusedBeforeTheirBodyIsRead() throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.start()) {
      int port = Integer.parseInt(rapport.baseUrl().substring(rapport.baseUrl().lastIndexOf(':') + 1));
      String stale = Long.toString(rapport.clock().instant().getEpochSecond() - 600);
      for (String headers : List.of("",
          "X-Slack-Request-Timestamp: " + stale + "\r\nX-Slack-Signature: v0=" + "0".repeat(64) + "\r\n",
          "X-Slack-Request-Timestamp: " + stale.substring(0, 5) + "\r\nX-Slack-Signature: nonsense\r\n")) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
          s.setSoTimeout(10_000);
          // A body announced but never sent: the answer must not wait for it.
          s.getOutputStream().write(("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n"
              + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
          assertThat(statusLine(s)).startsWith("HTTP/1.1 401");
        }
      }
      assertThat(rapport.slack().command("/relationship-help", "", "U1").statusCode()).isEqualTo(200);
    }
  }

  /** The first line the server answered on {@code s}, or "no answer". */
  static String statusLine(Socket s) throws Exception {
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
