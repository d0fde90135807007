package io.rapport.slack;

import io.rapport.logs.LogText;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.rapport.team.WorkspaceBinding;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses every request and event that does not come from the workspace Rapport is bound to, before
 * any listener (and before Bolt's authorization, which would put the bound workspace in its
 * place). A slash command gets a short ephemeral refusal; events, buttons and modals get the quiet
 * 200 Slack expects, so nothing is retried, stored or sent. A request naming no workspace at all is
 * refused the same way.
 */
public final class WorkspaceGuard implements Middleware {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceGuard.class);
  public static final String REFUSAL =
      "Rapport is set up for another Slack workspace, so it can't do anything here. Nothing was changed.";

  private final WorkspaceBinding binding;

  public WorkspaceGuard(WorkspaceBinding binding) {
    this.binding = binding;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    RequestType type = req.getRequestType();
    if (type == RequestType.UrlVerification || type == RequestType.SSLCheck) {
      return chain.next(req);
    }
    String workspace = req.getContext().getTeamId();
    if (binding.serves(workspace)) {
      return chain.next(req);
    }
    LOG.info("Refused a {} from {} (Rapport serves {})", type,
        workspace == null ? "no workspace" : "workspace " + LogText.id(workspace), binding.workspaceId());
    if (type == RequestType.Command) {
      return Response.json(200, Map.of("response_type", "ephemeral", "text", REFUSAL));
    }
    return Response.json(200, Map.of());
  }
}
