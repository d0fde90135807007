package io.rapport.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;

/**
 * The framework-free half of the Jetty–Bolt adapter: a raw HTTP request (path, query, headers,
 * UTF-8 body) in, Bolt's {@link Response} out. Kept apart from Jetty so the translation is easy to
 * read and to test.
 */
public final class BoltAdapter {
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
    Request<?> request = parser.parse(raw);
    if (request == null) {
      return Response.json(400, Map.of("error", "not a Slack request"));
    }
    return app.run(request);
  }
}
