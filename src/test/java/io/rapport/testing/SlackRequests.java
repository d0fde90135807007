package io.rapport.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.slack.http.SlackSignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Sends real, signed HTTP requests to Rapport's {@code /slack/events} as Slack would: slash
 * commands, block actions, view submissions and Events API callbacks.
 */
public final class SlackRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String eventsUrl;
  private final SlackSignatureVerifier signer;
  private final Clock clock;
  private final FakeSlack slack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong sequence = new AtomicLong();

  public SlackRequests(String baseUrl, String signingSecret, Clock clock, FakeSlack slack) {
    this.eventsUrl = baseUrl + "/slack/events";
    this.signer = new SlackSignatureVerifier(signingSecret, clock);
    this.clock = clock;
    this.slack = slack;
  }

  /** A slash command from {@code userId} in the default workspace, with a fresh response_url. */
  public HttpResponse<String> command(String command, String text, String userId) {
    return command(FakeSlack.TEAM_ID, command, text, userId);
  }

  public HttpResponse<String> command(String teamId, String command, String text, String userId) {
    return sendForm(commandForm(teamId, command, text, userId));
  }

  /** The form fields of a slash command, for tests that want to alter one before sending. */
  public Map<String, String> commandForm(String teamId, String command, String text, String userId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-verification-token");
    form.put("team_id", teamId);
    form.put("team_domain", "rapport-test");
    form.put("channel_id", "CCOMMAND");
    form.put("channel_name", "sales");
    form.put("user_id", userId);
    form.put("user_name", userId.toLowerCase());
    form.put("command", command);
    form.put("text", text);
    form.put("api_app_id", "ARAPPORT");
    form.put("is_enterprise_install", "false");
    form.put("response_url", slack.responseUrl());
    form.put("trigger_id", "trigger-" + sequence.incrementAndGet());
    return form;
  }

  /** A block action payload: a button press by {@code userId}. */
  public HttpResponse<String> blockAction(String userId, String actionId, String value, ObjectNode container) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", FakeSlack.TEAM_ID);
    payload.putObject("team").put("id", FakeSlack.TEAM_ID).put("domain", "rapport-test");
    payload.put("api_app_id", "ARAPPORT");
    payload.put("token", "legacy-verification-token");
    payload.put("trigger_id", "trigger-" + sequence.incrementAndGet());
    payload.put("response_url", slack.responseUrl());
    if (container != null) {
      payload.set("container", container);
    }
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", actionId).put("block_id", "b-" + actionId).put("type", "button")
        .put("value", value).put("action_ts", "1700000000." + String.format("%06d", sequence.incrementAndGet()));
    return payload(payload);
  }

  /**
   * A view submission of a modal with {@code callbackId}, {@code viewId} and state {@code values}
   * ({@code block_id -> action_id -> value object}, as Slack sends it).
   */
  public HttpResponse<String> viewSubmission(String userId, String callbackId, String viewId,
      String privateMetadata, ObjectNode values) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "view_submission");
    payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", FakeSlack.TEAM_ID);
    payload.putObject("team").put("id", FakeSlack.TEAM_ID).put("domain", "rapport-test");
    payload.put("api_app_id", "ARAPPORT");
    payload.put("token", "legacy-verification-token");
    payload.put("trigger_id", "trigger-" + sequence.incrementAndGet());
    ObjectNode view = payload.putObject("view");
    view.put("id", viewId).put("team_id", FakeSlack.TEAM_ID).put("type", "modal")
        .put("callback_id", callbackId).put("private_metadata", privateMetadata == null ? "" : privateMetadata)
        .put("hash", "h-" + viewId).put("app_id", "ARAPPORT").put("bot_id", "BRAPPORT");
    view.putObject("state").set("values", values == null ? JSON.createObjectNode() : values);
    return payload(payload);
  }

  /** An Events API callback wrapping {@code event} with {@code eventId}. */
  public HttpResponse<String> event(ObjectNode event, String eventId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("token", "legacy-verification-token");
    body.put("team_id", FakeSlack.TEAM_ID);
    body.put("api_app_id", "ARAPPORT");
    body.set("event", event);
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", clock.instant().getEpochSecond());
    return sendJson(body.toString());
  }

  /** An {@code app_home_opened} event for {@code userId}. */
  public HttpResponse<String> appHomeOpened(String userId, String eventId) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "app_home_opened").put("user", userId).put("channel", "D" + userId)
        .put("tab", "home").put("event_ts", "1700000000.000200");
    return event(event, eventId);
  }

  public HttpResponse<String> payload(ObjectNode payload) {
    return sendForm(Map.of("payload", payload.toString()));
  }

  public HttpResponse<String> sendForm(Map<String, String> form) {
    return send(formBody(form), "application/x-www-form-urlencoded");
  }

  public HttpResponse<String> sendJson(String json) {
    return send(json, "application/json");
  }

  /** Sends {@code body} signed with the current time. */
  public HttpResponse<String> send(String body, String contentType) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    return sendRaw(body, contentType, ts, signer.sign(ts, body));
  }

  /** Sends with the given timestamp and signature headers (null leaves a header out). */
  public HttpResponse<String> sendRaw(String body, String contentType, String timestamp, String signature) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(eventsUrl))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (timestamp != null) {
      req.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      req.header("X-Slack-Signature", signature);
    }
    try {
      return http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("request to Rapport failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public String sign(String timestamp, String body) {
    return signer.sign(timestamp, body);
  }

  public static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
