package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
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
 * weekly prompt (value = the week; the presser is marked away for that week).
 */
public final class AwayButtons {
  private static final Logger LOG = LoggerFactory.getLogger(AwayButtons.class);

  private final AfterAck afterAck;
  private final AwayService away;
  private final AwayCommands commands;
  private final UserTimeZones timeZones;

  public AwayButtons(AfterAck afterAck, AwayService away, AwayCommands commands, UserTimeZones timeZones) {
    this.afterAck = afterAck;
    this.away = away;
    this.commands = commands;
    this.timeZones = timeZones;
  }

  public void register(App app) {
    app.blockAction(AwayMessages.CONFIRM, this::confirm);
    app.blockAction(AwayMessages.THIS_WEEK, this::thisWeek);
  }

  private Response confirm(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String ws = workspace(p);
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
      try {
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).text(text));
      } catch (IOException e) {
        LOG.warn("Could not answer {} through response_url: {}", AwayMessages.CONFIRM, e.toString());
      }
    });
    return ctx.ack();
  }

  private Response thisWeek(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String ws = workspace(p);
    String rep = p.getUser().getId();
    String value = value(p, AwayMessages.THIS_WEEK);
    afterAck.run(AwayMessages.THIS_WEEK + " by " + rep + " in " + ws, () -> {
      IsoWeek week;
      try {
        week = IsoWeek.parse(value);
      } catch (InvalidFieldException e) {
        ActionReplies.ephemeral(ctx, "That button is out of date.");
        return;
      }
      IsoWeek current = timeZones.currentWeek(ws, rep);
      if (week.compareTo(current) < 0) {
        ActionReplies.ephemeral(ctx, "That week is over; nothing to change.");
        return;
      }
      away.markAway(ws, rep, rep, new AwayPeriod(week.monday(), week.day(DayOfWeek.SUNDAY)));
      ActionReplies.ephemeral(ctx, AwayMessages.awayThisWeek(week, current));
    });
    return ctx.ack();
  }

  private static String workspace(BlockActionPayload p) {
    return p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
  }

  private static String value(BlockActionPayload p, String actionId) {
    return p.getActions().stream().filter(a -> actionId.equals(a.getActionId()))
        .map(BlockActionPayload.Action::getValue).filter(v -> v != null).findFirst().orElse(null);
  }
}
