package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import io.rapport.slack.Routes;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.AfterAck;
import io.rapport.slack.views.CheckInModal;
import io.rapport.slack.views.CheckInModal.Draft;
import io.rapport.slack.views.CheckInModal.Metadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens inside an open check-in modal: a tick in the events list reveals its follow-up,
 * <b>More details</b> shows every signal (both redraw the same modal with {@code views.update},
 * keeping what was typed), and <b>Nothing to report for this account</b> records a quiet week for
 * it and moves on to the next account of the sitting. Acknowledged at once; the work runs after.
 */
public final class CheckInModalActions {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInModalActions.class);

  private final AfterAck afterAck;
  private final CheckInModalOpener opener;
  private final CheckInService checkIns;

  public CheckInModalActions(AfterAck afterAck, CheckInModalOpener opener, CheckInService checkIns) {
    this.afterAck = afterAck;
    this.opener = opener;
    this.checkIns = checkIns;
  }

  public void register(Routes routes) {
    routes.blockAction(CheckInModal.EVENTS_ACTION, (req, ctx) -> redraw(req, ctx, false));
    routes.blockAction(CheckInModal.MORE_ACTION, (req, ctx) -> redraw(req, ctx, true));
    routes.blockAction(CheckInModal.NOTHING_ACTION, this::nothingToReport);
  }

  private record Pressed(String workspaceId, String userId, View view, Metadata metadata) {}

  private static Optional<Pressed> pressed(BlockActionRequest req) {
    String ws = req.getContext().getTeamId();
    BlockActionPayload p = req.getPayload();
    View view = p.getView();
    if (view == null || ws == null || !CheckInModal.CALLBACK_ID.equals(view.getCallbackId())) {
      return Optional.empty();
    }
    return Metadata.parse(view.getPrivateMetadata()).map(m -> new Pressed(ws, p.getUser().getId(), view, m));
  }

  private Response redraw(BlockActionRequest req, ActionContext ctx, boolean details) {
    Optional<Pressed> pressed = pressed(req);
    pressed.ifPresent(p -> afterAck.run("check-in modal redraw for " + p.userId() + " in " + p.workspaceId(), () -> {
      Metadata m = details ? p.metadata().withDetails() : p.metadata();
      Draft draft = Draft.fromState(state(p.view()));
      opener.redraw(p.workspaceId(), p.userId(), m, draft)
          .ifPresent(v -> opener.update(p.userId(), p.view().getId(), p.view().getHash(), v));
    }));
    return ctx.ack();
  }

  private Response nothingToReport(BlockActionRequest req, ActionContext ctx) {
    Optional<Pressed> pressed = pressed(req);
    pressed.ifPresent(p -> afterAck.run("check-in modal nothing-to-report by " + p.userId() + " in " + p.workspaceId(),
        () -> {
          Metadata m = p.metadata();
          IsoWeek week = CheckInModal.chosenWeek(state(p.view()), m).orElse(m.weeks().get(0));
          List<String> stored = checkIns.nothingToReport(p.workspaceId(), p.userId(), List.of(m.accountId()), week);
          View next;
          if (stored.isEmpty() && !checkIns.answered(p.workspaceId(), m.accountId(), week)) {
            LOG.info("Nothing-to-report for {} by {} in {} not recorded (not the rep's)", m.accountId(), p.userId(),
                p.workspaceId());
            next = CheckInModal.notice("Check-in", CheckInModal.nothingNotRecorded());
          } else if (m.queue().isEmpty() && m.saved() == 0) {
            next = CheckInModal.sittingDone(1, week);
          } else {
            // Recorded for the current week: carry on with the next account due this week.
            next = opener.next(p.workspaceId(), p.userId(), m.weeks(), m.queue(), m.saved() + 1);
          }
          opener.update(p.userId(), p.view().getId(), null, next);
        }));
    return ctx.ack();
  }

  private static Map<String, Map<String, com.slack.api.model.view.ViewState.Value>> state(View view) {
    return view.getState() == null ? null : view.getState().getValues();
  }
}
