package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.SlackRequests;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slack → Jetty → Bolt → reply, through real signed HTTP against a fake Slack Web API. */
class FoundationEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static RapportUnderTest rapport;

  @BeforeAll
  static void start() throws Exception {
    rapport = RapportUnderTest.start();
  }

  @AfterAll
  static void stop() throws Exception {
    rapport.close();
  }

  @Test
  void healthzAnswersOkWhenTheDatabaseAnswers() throws Exception {
    HttpResponse<String> r = rapport.get("/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertThat(rapport.get("/admin").statusCode()).isEqualTo(404);
    assertThat(rapport.get("/slack/events").statusCode()).isEqualTo(405);
  }

  @Test
  void relationshipHelpRepliesEphemerallyWithBlocks() throws Exception {
    HttpResponse<String> r = rapport.slack().command("/relationship-help", "", "U0REP0001");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.path("blocks").size()).isGreaterThan(3);
    assertThat(r.body()).contains("Learn to say no").contains("/checkin");
  }

  @Test
  void anUnsignedRequestIs401() {
    String body = SlackRequests.formBody(rapport.slack().commandForm(
        "T0RAPPORT", "/relationship-help", "", "U0REP0001"));
    HttpResponse<String> r = rapport.slack().sendRaw(body, "application/x-www-form-urlencoded", null, null);
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void aTamperedRequestIs401() {
    SlackRequests slack = rapport.slack();
    String body = SlackRequests.formBody(slack.commandForm("T0RAPPORT", "/relationship-help", "", "U0REP0001"));
    String ts = Long.toString(rapport.clock().instant().getEpochSecond());
    String signature = slack.sign(ts, body);
    HttpResponse<String> r = slack.sendRaw(body.replace("U0REP0001", "U0ADMIN01"),
        "application/x-www-form-urlencoded", ts, signature);
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void aStaleOrFutureRequestIs401() {
    SlackRequests slack = rapport.slack();
    String body = SlackRequests.formBody(slack.commandForm("T0RAPPORT", "/relationship-help", "", "U0REP0001"));
    long now = rapport.clock().instant().getEpochSecond();
    for (long ts : new long[] {now - 6 * 60, now + 6 * 60}) {
      String t = Long.toString(ts);
      HttpResponse<String> r = slack.sendRaw(body, "application/x-www-form-urlencoded", t, slack.sign(t, body));
      assertThat(r.statusCode()).as("timestamp %s", t).isEqualTo(401);
    }
  }

  @Test
  void aSignedRequestThatIsNotFromSlackIs400NotAStackTrace() {
    HttpResponse<String> r = rapport.slack().send("hello", "text/plain");
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(r.body()).doesNotContain("Exception");
  }

  @Test
  void anOversizedBodyIs413() {
    String body = "text=" + "x".repeat(2 * 1024 * 1024);
    HttpResponse<String> r = rapport.slack().send(body, "application/x-www-form-urlencoded");
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void anOversizedChunkedBodyWithoutALengthIs413() throws Exception {
    byte[] body = ("text=" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(rapport.baseUrl() + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            // Headers as Slack sends them: without them the request is refused before its body is read.
            .header("X-Slack-Request-Timestamp", Long.toString(rapport.clock().instant().getEpochSecond()))
            .header("X-Slack-Signature", "v0=" + "0".repeat(64))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void urlVerificationIsAnsweredByBolt() throws Exception {
    HttpResponse<String> r = rapport.slack().sendJson(
        "{\"token\":\"t\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("c-123");
  }

  @Test
  void anEventNobodyListensToIsAcknowledgedSoSlackDoesNotRetry() throws Exception {
    var event = JSON.createObjectNode().put("type", "reaction_added").put("user", "U0REP0001")
        .put("reaction", "thumbsup").put("event_ts", "1700000000.000300");
    HttpResponse<String> r = rapport.slack().event(event, "Ev-unheard-1");
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
