package io.rapport.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The framework-free half of the Jetty–Bolt adapter: a raw HTTP request (path, query, headers,
 * UTF-8 body) in, Bolt's {@link Response} out. Kept apart from Jetty so the translation is easy to
 * read and to test.
 */
public final class BoltAdapter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoltAdapter.class);
  private final App app;
  private final SlackRequestParser parser;

  public BoltAdapter(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  /**
   * Runs the request through Bolt.
   *
   * @param headers header names in lower case
   * @return Bolt's response, or 400 when the body is not a Slack request at all
   */
  public Response handle(
      String path, String query, Map<String, List<String>> headers, String body, String remote)
      throws Exception {
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri(path)
            .queryString(QueryStringParser.toMap(query))
            .headers(new RequestHeaders(headers))
            .requestBody(body)
            .remoteAddress(remote)
            .build();
    Request<?> request;
    try {
      request = isSlashCommandForm(body) ? slashCommand(raw) : parser.parse(raw);
    } catch (RuntimeException malformed) {
      // A signed body Bolt cannot read (a field missing or of the wrong type): one quiet line,
      // never the body, which holds what people typed.
      LOG.debug("A signed request Bolt could not read: {}", malformed.toString());
      request = null;
    }
    if (request == null) {
      return Response.json(400, Map.of("error", "not a Slack request"));
    }
    return app.run(request);
  }

  /**
   * A slash command goes straight to its Bolt request. {@link SlackRequestParser} would first try
   * the body as JSON and as an interactive {@code payload}, then split and URL-decode every field
   * to find {@code command}: a fifth of the ack path's CPU in a profile. The fields are read by
   * {@link SlashCommandForm}, as the SDK reads them but without its per-field regular expression.
   * Everything after the construction is what the parser does too (context, query string, client
   * address).
   */
  Request<?> slashCommand(SlackRequestParser.HttpRequest raw) {
    SlashCommandRequest request = new SlashCommandRequest(
        raw.getRequestBody(), SlashCommandForm.parse(raw.getRequestBody()), raw.getHeaders());
    request.updateContext(app.config());
    if (raw.getQueryString() != null) {
      raw.getQueryString()
          .forEach(
              (name, values) ->
                  request
                      .getQueryString()
                      .computeIfAbsent(name, k -> new ArrayList<>())
                      .addAll(values));
    }
    String forwardedFor = raw.getHeaders().getFirstValue("X-FORWARDED-FOR");
    request.setClientIpAddress(forwardedFor != null ? forwardedFor : raw.getRemoteAddress());
    return request;
  }

  /**
   * True when the body is a form with a {@code command=/...} field and no {@code payload} field,
   * read without decoding (Slack never encodes these keys). Anything unusual answers false and
   * goes through {@link SlackRequestParser}, which then decides as it always did.
   */
  static boolean isSlashCommandForm(String body) {
    if (body.isEmpty() || body.charAt(0) == '{' || body.charAt(0) == ' ') {
      return false;
    }
    boolean command = false;
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('&', start);
      if (end < 0) {
        end = body.length();
      }
      int eq = body.indexOf('=', start);
      int keyEnd = eq < 0 || eq > end ? end : eq;
      if (body.startsWith("payload", start) && keyEnd - start == "payload".length()) {
        return false;
      }
      if (body.startsWith("command=", start) && keyEnd - start == "command".length()) {
        command = body.startsWith("%2F", keyEnd + 1) || body.startsWith("/", keyEnd + 1);
      }
      start = end + 1;
    }
    return command;
  }
}
