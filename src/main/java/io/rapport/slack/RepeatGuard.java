package io.rapport.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.slack.out.SlackApi;
import io.rapport.store.ProcessedRequestDao;
import io.rapport.store.Store;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command or a button press that arrives a second time — the same user with the same {@code
 * trigger_id} (a command) or the same {@code action_ts} (a press), e.g. a request replayed within
 * the signature's five minutes — does nothing new: the first one claims its key in {@code
 * processed_requests}, a repeat finds it taken and is told so where the user can see it (the
 * command's answer, or the press's {@code response_url}). Read-only commands skip the claim so the
 * ack path stays free of writes for them.
 */
public final class RepeatGuard implements Middleware {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatGuard.class);
  public static final String COMMAND_KIND = "command";
  public static final String ACTION_KIND = "action";
  public static final String REPEATED =
      "I already handled exactly this request a moment ago, so I did nothing new.";
  /** Commands that change nothing: a repeat is harmless and costs no database write. */
  private static final Set<String> READ_ONLY = Set.of("/relationship-help");

  private final Store store;
  private final AfterAck afterAck;
  private final SlackApi slack;
  private final Clock clock;

  public RepeatGuard(Store store, AfterAck afterAck, SlackApi slack, Clock clock) {
    this.store = store;
    this.afterAck = afterAck;
    this.slack = slack;
    this.clock = clock;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req instanceof SlashCommandRequest command) {
      var p = command.getPayload();
      if (p == null || READ_ONLY.contains(p.getCommand()) || p.getTriggerId() == null || p.getUserId() == null) {
        return chain.next(req);
      }
      if (claim(p.getTeamId(), COMMAND_KIND, p.getUserId() + ":" + p.getTriggerId())) {
        return chain.next(req);
      }
      return Response.json(200, Map.of("response_type", "ephemeral", "text", REPEATED));
    }
    if (req instanceof BlockActionRequest action) {
      var p = action.getPayload();
      if (p == null || p.getUser() == null || p.getActions() == null || p.getActions().isEmpty()
          || p.getActions().get(0).getActionTs() == null) {
        return chain.next(req);
      }
      var a = p.getActions().get(0);
      String key = p.getUser().getId() + ":" + a.getActionId() + ":" + a.getActionTs();
      if (claim(req.getContext().getTeamId(), ACTION_KIND, key)) {
        return chain.next(req);
      }
      String responseUrl = p.getResponseUrl();
      if (ReplyRoute.usable(responseUrl)) {
        afterAck.run("telling " + p.getUser().getId() + " of a repeated press", () -> {
          try {
            slack.slack().send(responseUrl, "{\"response_type\":\"ephemeral\",\"replace_original\":false,\"text\":\""
                + REPEATED + "\"}");
          } catch (Exception e) {
            LOG.debug("Could not tell the user about a repeated press: {}", e.toString());
          }
        });
      }
      return Response.json(200, Map.of());
    }
    return chain.next(req);
  }

  private boolean claim(String workspaceId, String kind, String key) {
    String k = key.length() > 255 ? key.substring(0, 255) : key;
    return store.jdbi().onDemand(ProcessedRequestDao.class).claim(workspaceId, kind, k, clock.millis()) == 1;
  }
}
