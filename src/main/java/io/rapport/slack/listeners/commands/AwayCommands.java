package io.rapport.slack.listeners.commands;

import io.rapport.command.UsageException;
import io.rapport.command.CommandArgs;
import io.rapport.away.AwayPeriod;
import io.rapport.away.AwayService;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.listeners.commands.DeferredCommand.Work;
import io.rapport.slack.out.SlackCallException;
import io.rapport.slack.out.SlackCalls;
import io.rapport.slack.views.AwayMessages;
import io.rapport.slack.views.Reply;
import io.rapport.slack.views.SlackText;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /checkin away …|back} for oneself and {@code /relationship-admin away @rep …|back @rep}
 * for a manager's own teams (or an admin): reads the words, asks to confirm a period longer than
 * six weeks, stores it through {@link AwayService}, answers with the weeks skipped and tells the
 * rep by DM when someone else marked them.
 */
public final class AwayCommands {
  private static final Logger LOG = LoggerFactory.getLogger(AwayCommands.class);

  private final AwayService away;
  private final UserTimeZones timeZones;
  private final SlackCalls slack;
  private final Clock clock;

  public AwayCommands(AwayService away, UserTimeZones timeZones, SlackCalls slack, Clock clock) {
    this.away = away;
    this.timeZones = timeZones;
    this.slack = slack;
    this.clock = clock;
  }

  /** True for {@code away …} and a lone {@code back}: what {@code /checkin} hands here. */
  public static boolean isAwayCommand(CommandArgs args) {
    return !args.isEmpty() && (args.get(0).is("away") || (args.size() == 1 && args.get(0).is("back")));
  }

  /** {@code away …} or {@code back} by the rep themself. */
  public Work self(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    String ws = request.workspaceId();
    String user = request.userId();
    if (args.get(0).is("back")) {
      return () -> back(ws, user, user);
    }
    String text = args.rest(1);
    if (text.isBlank()) {
      throw new UsageException("Until when are you away? " + AwayMessages.SELF_USAGE);
    }
    return () -> mark(ws, user, user, text, AwayMessages.SELF_USAGE);
  }

  /** {@code away @rep …} or {@code back @rep} by a manager or admin ({@code args} start at the verb). */
  public Work forOther(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    boolean back = args.get(0).is("back");
    if (args.size() < 2 || args.get(1).userId().isEmpty()) {
      throw new UsageException("Mention the rep with @, so Slack turns it into a mention. " + AwayMessages.ADMIN_USAGE);
    }
    String rep = args.get(1).userId().get();
    String ws = request.workspaceId();
    String actor = request.userId();
    if (back) {
      if (args.size() > 2) {
        throw new UsageException("`back` takes only the rep. " + AwayMessages.ADMIN_USAGE);
      }
      return Politely.run(() -> back(ws, actor, rep));
    }
    String text = args.rest(2);
    if (text.isBlank()) {
      throw new UsageException("Until when is <@" + rep + "> away? " + AwayMessages.ADMIN_USAGE);
    }
    return Politely.run(() -> {
      away.checkMayMark(ws, actor, rep);
      return mark(ws, actor, rep, text, AwayMessages.ADMIN_USAGE);
    });
  }

  private Reply mark(String ws, String actor, String rep, String text, String usage) throws UsageException {
    ZoneId zone = timeZones.zoneOf(ws, rep);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    IsoWeek current = IsoWeek.of(today);
    AwayPeriod period;
    try {
      period = AwayPeriod.parse(text, today);
    } catch (AwayPeriod.Invalid e) {
      throw new UsageException(SlackText.escape(e.getMessage()) + "\n" + usage);
    }
    boolean self = actor.equals(rep);
    if (period.needsConfirmation()) {
      return AwayMessages.confirm(rep, self, period, away.weeksSkipped(ws, rep, period), today, current);
    }
    return Reply.text(store(ws, actor, rep, period));
  }

  /** Stores a period (after a confirmation too) and returns the answer for {@code actor}. */
  public String store(String ws, String actor, String rep, AwayPeriod period) {
    ZoneId zone = timeZones.zoneOf(ws, rep);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    IsoWeek current = IsoWeek.of(today);
    AwayService.Marked marked = away.markAway(ws, actor, rep, period);
    boolean self = actor.equals(rep);
    if (!self) {
      dm(rep, AwayMessages.toldAway(actor, period, marked.weeks(), today, current));
    }
    return AwayMessages.marked(self ? null : rep, period, marked.weeks(), today, current);
  }

  private Reply back(String ws, String actor, String rep) {
    IsoWeek current = timeZones.currentWeek(ws, rep);
    AwayService.Back back = away.back(ws, actor, rep, current);
    boolean self = actor.equals(rep);
    if (!self) {
      dm(rep, AwayMessages.toldBack(actor, current));
    }
    return Reply.text(AwayMessages.back(self ? null : rep, back.removed(), current));
  }

  /** Tells {@code rep} by DM; a failure is logged (the change is stored either way). */
  private void dm(String rep, String text) {
    try {
      var open = slack.call("conversations.open", null,
          m -> m.conversationsOpen(q -> q.users(List.of(rep))));
      String channel = open.getChannel().getId();
      slack.call("chat.postMessage", channel, m -> m.chatPostMessage(q -> q.channel(channel).text(text)));
    } catch (SlackCallException e) {
      LOG.warn("Could not tell {} by DM that they were marked away or back: {}", rep, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
