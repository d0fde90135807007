package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import io.rapport.slack.Routes;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.model.view.ViewState;
import io.rapport.slack.listeners.events.HomeTabPublisher;
import java.util.Map;
import com.slack.api.bolt.response.Response;
import io.rapport.away.AwayPeriod;
import io.rapport.away.AwayService;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.AfterAck;
import io.rapport.slack.listeners.commands.AwayCommands;
import io.rapport.slack.views.AwayMessages;
import io.rapport.team.Refusal;
import io.rapport.team.UserTimeZones;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The away buttons: {@code away.confirm} under a long period's confirmation (value "rep first
 * last"; the presser must be the rep or allowed to mark them) and {@code away.this_week} on the
 * weekly prompt (value = the week; the presser is marked away for that week); on App Home
 * {@code away.open} (opens the away modal, whose submission {@code away.modal} stores the period)
 * and {@code away.back}. App Home is published again after a change there.
 */
public final class AwayButtons {
  private static final Logger LOG = LoggerFactory.getLogger(AwayButtons.class);

  private final AfterAck afterAck;
  private final AwayService away;
  private final AwayCommands commands;
  private final UserTimeZones timeZones;
  private final HomeTabPublisher homeTab;

  public AwayButtons(AfterAck afterAck, AwayService away, AwayCommands commands, UserTimeZones timeZones,
      HomeTabPublisher homeTab) {
    this.homeTab = homeTab;
    this.afterAck = afterAck;
    this.away = away;
    this.commands = commands;
    this.timeZones = timeZones;
  }

  public void register(Routes routes) {
    routes.blockAction(AwayMessages.CONFIRM, this::confirm);
    routes.blockAction(AwayMessages.THIS_WEEK, this::thisWeek);
    routes.blockAction(AwayMessages.OPEN, this::open);
    routes.blockAction(AwayMessages.BACK, this::back);
    routes.viewSubmission(AwayMessages.MODAL, this::submit);
  }

  private Response open(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String ws = ctx.getTeamId();
    String rep = p.getUser().getId();
    String trigger = p.getTriggerId();
    afterAck.run(AwayMessages.OPEN + " by " + rep + " in " + ws, () -> {
      try {
        var r = ctx.client().viewsOpen(v -> v.triggerId(trigger)
            .view(AwayMessages.modal(away.today(timeZones.zoneOf(ws, rep)))));
        if (!r.isOk()) {
          LOG.warn("views.open of the away modal for {} gave {}", rep, r.getError());
        }
      } catch (IOException | com.slack.api.methods.SlackApiException e) {
        LOG.warn("views.open of the away modal for {} failed: {}", rep, e.toString());
      }
    });
    return ctx.ack();
  }

  private Response back(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String ws = ctx.getTeamId();
    String rep = p.getUser().getId();
    afterAck.run(AwayMessages.BACK + " by " + rep + " in " + ws, () -> {
      away.back(ws, rep, rep, timeZones.currentWeek(ws, rep));
      homeTab.publish(ws, rep);
    });
    return ctx.ack();
  }

  private Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    String ws = ctx.getTeamId();
    String rep = p.getUser().getId();
    Map<String, Map<String, ViewState.Value>> values =
        p.getView().getState() == null ? Map.of() : p.getView().getState().getValues();
    String first = date(values, AwayMessages.FIRST_BLOCK);
    String last = date(values, AwayMessages.LAST_BLOCK);
    if (first == null || last == null) {
      return ctx.ackWithErrors(Map.of(first == null ? AwayMessages.FIRST_BLOCK : AwayMessages.LAST_BLOCK,
          "Choose a day."));
    }
    ViewState.Value confirm = values.getOrDefault(AwayMessages.CONFIRM_BLOCK, Map.of()).get(AwayMessages.LONG);
    boolean confirmed = confirm != null && confirm.getSelectedOptions() != null && !confirm.getSelectedOptions().isEmpty();
    AwayPeriod period;
    try {
      // The rep's zone is cached by now (App Home was published with it); UTC when it is not.
      java.time.ZoneId zone = timeZones.cachedZoneOf(ws, rep).orElse(java.time.ZoneOffset.UTC);
      period = AwayPeriod.parse(first + " to " + last, away.today(zone));
    } catch (AwayPeriod.Invalid e) {
      return ctx.ackWithErrors(Map.of(AwayMessages.LAST_BLOCK, e.getMessage()));
    }
    if (period.needsConfirmation() && !confirmed) {
      return ctx.ackWithErrors(Map.of(AwayMessages.CONFIRM_BLOCK, AwayMessages.confirmInModal(period)));
    }
    away.markAway(ws, rep, rep, period);
    afterAck.run(AwayMessages.MODAL + " by " + rep + " in " + ws, () -> homeTab.publish(ws, rep));
    return ctx.ack();
  }

  private static String date(Map<String, Map<String, ViewState.Value>> values, String block) {
    ViewState.Value v = values.getOrDefault(block, Map.of()).get(AwayMessages.DATE);
    return v == null ? null : v.getSelectedDate();
  }

  private Response confirm(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String ws = ctx.getTeamId();
    String actor = p.getUser().getId();
    String value = value(p, AwayMessages.CONFIRM);
    afterAck.run(AwayMessages.CONFIRM + " by " + actor + " in " + ws, () -> {
      String answer;
      try {
        String[] parts = value == null ? new String[0] : value.split(" ");
        if (parts.length != 3) {
          answer = "That button is out of date; run the command again.";
        } else {
          AwayPeriod period = new AwayPeriod(LocalDate.parse(parts[1]), LocalDate.parse(parts[2]));
          answer = commands.store(ws, actor, parts[0], period);
        }
      } catch (Refusal r) {
        answer = r.getMessage();
      } catch (DateTimeParseException | IllegalArgumentException e) {
        answer = "That button is out of date; run the command again.";
      }
      String text = answer;
      ActionReplies.answer(ctx, p, text, null, true);
    });
    return ctx.ack();
  }

  private Response thisWeek(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String ws = ctx.getTeamId();
    String rep = p.getUser().getId();
    String value = value(p, AwayMessages.THIS_WEEK);
    afterAck.run(AwayMessages.THIS_WEEK + " by " + rep + " in " + ws, () -> {
      IsoWeek week;
      try {
        week = IsoWeek.parse(value);
      } catch (InvalidFieldException e) {
        ActionReplies.ephemeral(ctx, p, "That button is out of date.");
        return;
      }
      IsoWeek current = timeZones.currentWeek(ws, rep);
      if (week.compareTo(current) < 0) {
        ActionReplies.ephemeral(ctx, p, "That week is over; nothing to change.");
        return;
      }
      away.markAway(ws, rep, rep, new AwayPeriod(week.monday(), week.day(DayOfWeek.SUNDAY)));
      ActionReplies.ephemeral(ctx, p, AwayMessages.awayThisWeek(week, current));
    });
    return ctx.ack();
  }

  private static String value(BlockActionPayload p, String actionId) {
    return p.getActions().stream().filter(a -> actionId.equals(a.getActionId()))
        .map(BlockActionPayload.Action::getValue).filter(v -> v != null).findFirst().orElse(null);
  }
}
