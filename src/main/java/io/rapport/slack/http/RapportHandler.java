package io.rapport.slack.http;

import io.rapport.slack.http.SlackSignatureVerifier.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapport's HTTP surface (SPEC §4) as one Jetty 12 core handler: {@code POST /slack/events} for
 * everything from Slack, {@code GET /healthz}, and 404 for anything else.
 *
 * <p>Every request to {@code /slack/events} is verified here before Bolt sees it; a request that
 * fails gets 401 and reaches no listener, so it changes nothing. A body over {@link
 * HttpServer#MAX_REQUEST_BYTES} gets 413, whether it announces its length or arrives chunked.
 */
public final class RapportHandler extends Handler.Abstract {
  public static final String EVENTS_PATH = "/slack/events";
  public static final String HEALTH_PATH = "/healthz";
  private static final Logger LOG = LoggerFactory.getLogger(RapportHandler.class);
  private static final String JSON = "application/json; charset=utf-8";
  private static final String TOO_LARGE = "{\"error\":\"request too large\"}";
  private static final String UNREADABLE = "{\"error\":\"unreadable body\"}";
  private static final String FAILED =
      "{\"response_type\":\"ephemeral\",\"text\":\"Sorry, something went wrong on Rapport's side. Please try again in a moment.\"}";
  /** How much of an oversized body is read and discarded before the connection is given up. */
  private static final long DRAIN_BYTES = 8L * HttpServer.MAX_REQUEST_BYTES;

  private final BoltAdapter bolt;
  private final SlackSignatureVerifier verifier;
  private final BooleanSupplier healthy;

  public RapportHandler(BoltAdapter bolt, SlackSignatureVerifier verifier, BooleanSupplier healthy) {
    this.bolt = bolt;
    this.verifier = verifier;
    this.healthy = healthy;
  }

  /** Only {@code /healthz}: for Socket Mode, where Slack's requests do not come over HTTP. */
  public static RapportHandler healthOnly(BooleanSupplier healthy) {
    return new RapportHandler(null, null, healthy);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (EVENTS_PATH.equals(path)) {
      if (bolt == null) {
        return reply(response, callback, HttpStatus.NOT_FOUND_404,
            "{\"error\":\"Rapport is in Socket Mode: Slack's requests arrive over the websocket\"}");
      }
      if (!HttpMethod.POST.is(method)) {
        return reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "{\"error\":\"use POST\"}");
      }
      return slack(request, response, callback);
    }
    if (HEALTH_PATH.equals(path) && (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))) {
      return healthy.getAsBoolean()
          ? reply(response, callback, HttpStatus.OK_200, "{\"status\":\"ok\"}")
          : reply(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "{\"status\":\"unavailable\"}");
    }
    return reply(response, callback, HttpStatus.NOT_FOUND_404, "{\"error\":\"not found\"}");
  }

  private boolean slack(Request request, Response response, Callback callback) throws Exception {
    byte[] bytes;
    long length = request.getLength();
    if (length >= 0 && length <= HttpServer.MAX_REQUEST_BYTES) {
      try {
        bytes = Content.Source.asByteArrayAsync(request, (int) length).get();
      } catch (ExecutionException brokenUpload) {
        return reply(response, callback, HttpStatus.BAD_REQUEST_400, UNREADABLE);
      }
    } else {
      try {
        bytes = readBounded(request);
      } catch (IOException brokenUpload) {
        return reply(response, callback, HttpStatus.BAD_REQUEST_400, UNREADABLE);
      }
      if (bytes == null) {
        return reply(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, TOO_LARGE);
      }
    }
    Verdict verdict =
        verifier.verify(
            request.getHeaders().get("X-Slack-Request-Timestamp"),
            request.getHeaders().get("X-Slack-Signature"),
            bytes);
    if (verdict != Verdict.OK) {
      LOG.warn(
          "Refused a request to {} from {}: {}",
          EVENTS_PATH,
          Request.getRemoteAddr(request),
          verdict.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      return reply(response, callback, HttpStatus.UNAUTHORIZED_401, "{\"error\":\"invalid request\"}");
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers
          .computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>(1))
          .add(field.getValue());
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    com.slack.api.bolt.response.Response out;
    try {
      out = bolt.handle(EVENTS_PATH, request.getHttpURI().getQuery(), headers, body, Request.getRemoteAddr(request));
    } catch (Exception e) {
      // Never a 500 or a stack trace to Slack: one line here (no body: it holds what people typed),
      // the trace at DEBUG for whoever investigates.
      LOG.warn("A verified Slack request failed in its listener: {}", e.getClass().getName());
      LOG.debug("The failure of a verified Slack request", e);
      return reply(response, callback, HttpStatus.OK_200, FAILED);
    }
    response.setStatus(out.getStatusCode() == null ? 200 : out.getStatusCode());
    if (out.getHeaders() != null) {
      out.getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
    }
    if (out.getContentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.getContentType());
    }
    return write(response, callback, out.getBody() == null ? "" : out.getBody());
  }

  /**
   * Reads a body of unknown or excessive length: its bytes when it stays within the limit, null when
   * it does not. An oversized body is read on and discarded (up to {@link #DRAIN_BYTES}) so that the
   * client, still sending, receives the 413 instead of a reset connection.
   */
  private static byte[] readBounded(Request request) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    try (InputStream in = Content.Source.asInputStream(request)) {
      for (int n; total <= DRAIN_BYTES && (n = in.read(buffer)) >= 0; total += n) {
        if (total + n <= HttpServer.MAX_REQUEST_BYTES) {
          body.write(buffer, 0, n);
        }
      }
    }
    return total <= HttpServer.MAX_REQUEST_BYTES ? body.toByteArray() : null;
  }

  private static boolean reply(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    return write(response, callback, json);
  }

  /**
   * Encodes the body once into bytes and writes them with a Content-Length, instead of handing
   * Jetty a string it would re-encode on the way out (measured as the hottest spot of the ack path).
   */
  private static boolean write(Response response, Callback callback, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }
}
