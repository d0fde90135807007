package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import io.rapport.slack.Routes;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.slack.views.PromptMessage;
import io.rapport.prompt.PromptResponses;
import io.rapport.prompt.PromptResponses.Answer;
import io.rapport.slack.AfterAck;

/**
 * The prompt's own buttons ({@code prompt.nothing_to_report}, {@code prompt.snooze}; value: the
 * week): acknowledged at once, the work done after the ack by {@link PromptResponses}. When the
 * pressed message could not be updated, the answer goes back to the rep alone ({@link ActionReplies}).
 */
public final class PromptButtons {

  private interface Press {
    Answer apply(String ws, String rep, String week, String channel, String ts);
  }

  private final AfterAck afterAck;
  private final PromptResponses responses;

  public PromptButtons(AfterAck afterAck, PromptResponses responses) {
    this.afterAck = afterAck;
    this.responses = responses;
  }

  public void register(Routes routes) {
    routes.blockAction(PromptMessage.NOTHING_TO_REPORT, (req, ctx) -> handle(req, ctx, responses::nothingToReport));
    routes.blockAction(PromptMessage.SNOOZE, (req, ctx) -> handle(req, ctx, responses::snooze));
  }

  private Response handle(BlockActionRequest req, ActionContext ctx, Press press) {
    BlockActionPayload p = req.getPayload();
    String ws = ctx.getTeamId();
    String rep = p.getUser().getId();
    String week = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
    String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
    String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
    String action = p.getActions() == null || p.getActions().isEmpty() ? "?" : p.getActions().get(0).getActionId();
    afterAck.run(action + " by " + rep + " in " + ws, () -> {
      Answer answer = press.apply(ws, rep, week, channel, ts);
      if (!answer.messageUpdated()) {
        ActionReplies.ephemeral(ctx, p, answer.text());
      }
    });
    return ctx.ack();
  }
}
