package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.flag.FlagService;
import io.rapport.slack.AfterAck;
import io.rapport.logs.LogText;
import io.rapport.slack.views.FlagMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag's "Show notes" button ({@code flag.show_notes}, value = flag id): the account's check-in
 * notes, answered ephemerally (only the person who pressed sees them) to the rep, the team's
 * manager or an admin. Anyone else is refused politely and reads nothing. The notes never go into
 * a message others can see.
 */
public final class FlagNotesAction implements BlockActionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FlagNotesAction.class);

  private final FlagService flags;
  private final AfterAck afterAck;

  public FlagNotesAction(FlagService flags, AfterAck afterAck) {
    this.flags = flags;
    this.afterAck = afterAck;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String workspaceId = ctx.getTeamId();
    String userId = p.getUser() == null ? null : p.getUser().getId();
    String flagId = p.getActions() == null ? null : p.getActions().stream()
        .filter(a -> FlagMessages.SHOW_NOTES.equals(a.getActionId())).map(BlockActionPayload.Action::getValue)
        .filter(v -> v != null).findFirst().orElse(null);
    if (workspaceId == null || userId == null) {
      return ctx.ack();
    }
    afterAck.run(FlagMessages.SHOW_NOTES + " by " + userId + " in " + workspaceId, () -> {
      FlagService.Notes notes = flags.notes(workspaceId, userId, flagId);
      String text = switch (notes.outcome()) {
        case NOT_FOUND -> FlagMessages.GONE;
        case REFUSED -> {
          LOG.info("{} on flag {} refused to {} in {}", FlagMessages.SHOW_NOTES, LogText.id(flagId), userId, workspaceId);
          yield FlagMessages.notesRefusal(notes.flag());
        }
        default -> null;
      };
      if (text != null) {
        ActionReplies.ephemeral(ctx, p, text);
      } else {
        FlagMessages.Content c = FlagMessages.notes(notes.accountName(), notes.weeks(), notes.notes());
        ActionReplies.answer(ctx, p, c.text(), c.blocks(), false);
      }
    });
    return ctx.ack();
  }
}
