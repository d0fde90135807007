package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.rapport.slack.AfterAck;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.SetupChecklistView;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.SetupProgress.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A step button of the admin's setup checklist: opens that step's modal (admins only). */
public final class SetupStepAction implements BlockActionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SetupStepAction.class);
  public static final java.util.regex.Pattern ACTION_IDS =
      java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(SetupChecklistView.ACTION_PREFIX) + "[A-Z_]+$");

  private final AfterAck afterAck;
  private final Access access;
  private final Store store;
  private final SlackApi slack;

  public SetupStepAction(AfterAck afterAck, Access access, Store store, SlackApi slack) {
    this.afterAck = afterAck;
    this.access = access;
    this.store = store;
    this.slack = slack;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String actionId = p.getActions().isEmpty() ? "" : p.getActions().get(0).getActionId();
    Step step;
    try {
      step = Step.valueOf(actionId.substring(SetupChecklistView.ACTION_PREFIX.length()));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return ctx.ack();
    }
    String ws = ctx.getTeamId();
    String user = p.getUser().getId();
    String trigger = p.getTriggerId();
    afterAck.run("setup step " + step + " by " + user + " in " + ws, () -> {
      if (!access.isAdmin(ws, user)) {
        LOG.info("Setup button {} pressed by {} in {}, who is not an admin; ignored", step, user, ws);
        return;
      }
      try {
        ViewsOpenResponse r = slack.methods().viewsOpen(v -> v.triggerId(trigger)
            .view(SetupChecklistView.modal(step, store.teams().all(ws))));
        if (!r.isOk()) {
          LOG.warn("views.open for setup step {} failed for {}: {}", step, user, r.getError());
        }
      } catch (Exception e) {
        LOG.warn("views.open for setup step {} failed for {}: {}", step, user, e.toString());
      }
    });
    return ctx.ack();
  }
}
