package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.rapport.domain.Flag;
import io.rapport.flag.FlagService;
import io.rapport.flag.FlagService.Outcome;
import io.rapport.flag.FlagService.Result;
import io.rapport.slack.AfterAck;
import io.rapport.logs.LogText;
import io.rapport.slack.views.FlagMessages;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four buttons on a flag ({@code flag.acknowledge}, {@code flag.plan}, {@code flag.false_alarm},
 * {@code flag.resolve}; value = flag id). Acknowledges at once; the work runs after the ack. A
 * stranger gets an ephemeral refusal and nothing changes; a repeated press changes nothing. On a
 * private (coaching or manager) flag only the manager or an admin may close it (False alarm,
 * Resolved); the rep is told so politely.
 */
public final class FlagButtonAction implements BlockActionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FlagButtonAction.class);

  /** Which button this handler serves. */
  public enum Button {
    ACKNOWLEDGE(FlagMessages.ACKNOWLEDGE),
    PLAN(FlagMessages.PLAN),
    FALSE_ALARM(FlagMessages.FALSE_ALARM),
    RESOLVE(FlagMessages.RESOLVE);

    private final String actionId;

    Button(String actionId) {
      this.actionId = actionId;
    }

    public String actionId() {
      return actionId;
    }
  }

  private final Button button;
  private final FlagService flags;
  private final UserTimeZones timeZones;
  private final AfterAck afterAck;
  private final Clock clock;

  public FlagButtonAction(Button button, FlagService flags, UserTimeZones timeZones, AfterAck afterAck, Clock clock) {
    this.button = button;
    this.flags = flags;
    this.timeZones = timeZones;
    this.afterAck = afterAck;
    this.clock = clock;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String workspaceId = ctx.getTeamId();
    String userId = p.getUser() == null ? null : p.getUser().getId();
    String flagId = p.getActions() == null ? null : p.getActions().stream()
        .filter(a -> button.actionId().equals(a.getActionId())).map(BlockActionPayload.Action::getValue)
        .filter(v -> v != null).findFirst().orElse(null);
    if (workspaceId == null || userId == null) {
      return ctx.ack();
    }
    String triggerId = p.getTriggerId();
    String what = button.actionId() + " by " + userId + " in " + workspaceId;
    Runnable work = () -> press(ctx, p, workspaceId, userId, flagId, triggerId);
    if (button == Button.PLAN || button == Button.FALSE_ALARM) {
      // Opens a modal: the interactive lane, never behind background work.
      afterAck.interactive(what, work);
    } else {
      afterAck.run(what, work);
    }
    return ctx.ack();
  }

  private void press(ActionContext ctx, BlockActionPayload p, String workspaceId, String userId, String flagId, String triggerId) {
    Result result = switch (button) {
      case ACKNOWLEDGE -> flags.acknowledge(workspaceId, userId, flagId);
      case RESOLVE -> flags.resolve(workspaceId, userId, flagId);
      case PLAN -> flags.check(workspaceId, userId, flagId);
      case FALSE_ALARM -> flags.checkClose(workspaceId, userId, flagId);
    };
    switch (result.outcome()) {
      case NOT_FOUND -> ActionReplies.ephemeral(ctx, p, FlagMessages.GONE);
      case REFUSED -> {
        LOG.info("{} on flag {} refused to {} in {}", button.actionId(), LogText.id(flagId), userId, workspaceId);
        ActionReplies.ephemeral(ctx, p, FlagMessages.refusal(result.flag(), button == Button.FALSE_ALARM || button == Button.RESOLVE));
      }
      case UNCHANGED -> {
        if (button == Button.PLAN || button == Button.FALSE_ALARM) {
          ActionReplies.ephemeral(ctx, p, FlagMessages.alreadyClosed(result.flag()));
        }
      }
      case DONE -> {
        if (button == Button.PLAN || button == Button.FALSE_ALARM) {
          openModal(ctx, p, workspaceId, userId, result.flag(), triggerId);
        }
      }
    }
  }

  private void openModal(ActionContext ctx, BlockActionPayload p, String workspaceId, String userId, Flag flag, String triggerId) {
    String accountName = flags.accountName(workspaceId, flag.accountId());
    View view;
    if (button == Button.PLAN) {
      ZoneId zone = timeZones.cachedZoneOf(workspaceId, userId).orElse(ZoneOffset.UTC);
      view = FlagMessages.planModal(flag, accountName, LocalDate.now(clock.withZone(zone)));
    } else {
      view = FlagMessages.falseAlarmModal(flag, accountName, flags.policyOf(flag).settings().falseAlarmWeeks());
    }
    try {
      ViewsOpenResponse r = ctx.client().viewsOpen(v -> v.triggerId(triggerId).view(view));
      if (!r.isOk()) {
        LOG.warn("Opening the {} modal for {} in {} failed: {}", button.actionId(), userId, workspaceId, r.getError());
        ActionReplies.ephemeral(ctx, p, "Sorry — Slack did not open the form. Please press the button again.");
      }
    } catch (Exception e) {
      LOG.warn("Opening the {} modal for {} in {} failed: {}", button.actionId(), userId, workspaceId, e.toString());
    }
  }


}
