package io.rapport.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only requests a listener can act on: a command that says who typed it, a button
 * press that says who pressed what, a form submission that carries its form. Anything less is
 * answered at once and changes nothing: a command gets a short ephemeral answer, a press or a
 * submission the quiet 200 Slack expects (for a submission, the modal closes). Listeners may then
 * rely on the user, the pressed action and the view being there; the workspace they take from the
 * request context ({@code ctx.getTeamId()}), which {@link WorkspaceGuard} has already checked, so
 * a payload without {@code team} is served like any other.
 */
public final class PayloadShape implements Middleware {
  private static final Logger LOG = LoggerFactory.getLogger(PayloadShape.class);
  /** What a command that does not say who typed it is answered. */
  public static final String WHO_UNKNOWN =
      "Slack did not say who typed this command, so Rapport did nothing. Please type it again.";

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String missing = missing(req);
    if (missing == null) {
      return chain.next(req);
    }
    LOG.debug("A {} without {}; answered, nothing done", req.getRequestType(), missing);
    if (req instanceof SlashCommandRequest) {
      return Response.json(200, Map.of("response_type", "ephemeral", "text", WHO_UNKNOWN));
    }
    return Response.json(200, Map.of());
  }

  /** What the request lacks that its listener needs, or null when nothing does. */
  static String missing(Request<?> req) {
    if (req instanceof SlashCommandRequest c) {
      var p = c.getPayload();
      if (p == null || blank(p.getUserId())) {
        return "user_id";
      }
      return blank(p.getCommand()) ? "command" : null;
    }
    if (req instanceof BlockActionRequest a) {
      var p = a.getPayload();
      if (p == null || p.getUser() == null || blank(p.getUser().getId())) {
        return "user";
      }
      if (p.getActions() == null || p.getActions().isEmpty() || p.getActions().get(0) == null
          || blank(p.getActions().get(0).getActionId())) {
        return "actions";
      }
      return null;
    }
    if (req instanceof ViewSubmissionRequest v) {
      var p = v.getPayload();
      if (p == null || p.getUser() == null || blank(p.getUser().getId())) {
        return "user";
      }
      return p.getView() == null ? "view" : null;
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
