package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.checkin.CheckInListener;
import io.rapport.flag.FlagDelivery;
import io.rapport.flag.FlagService;
import io.rapport.flag.FlagSweep;
import io.rapport.flag.ManagerDigest;
import io.rapport.flag.PlanReminders;
import io.rapport.flag.TeamPolicies;
import io.rapport.slack.listeners.actions.FlagButtonAction;
import io.rapport.slack.listeners.actions.FlagNotesAction;
import io.rapport.slack.listeners.commands.admin.FlagsTeamVerb;
import io.rapport.slack.listeners.commands.admin.PolicyTeamVerb;
import io.rapport.slack.listeners.commands.admin.TeamVerb;
import io.rapport.slack.listeners.views.FlagFalseAlarmSubmission;
import io.rapport.slack.listeners.views.FlagPlanSubmission;
import io.rapport.slack.views.FlagMessages;
import java.util.List;

/**
 * Flags: judging an account after each check-in, posting flags where their audience may read
 * them, the flag buttons and modals, the hourly sweep (deliveries, plan reminders, the manager
 * digest), and the team verbs {@code policy} and {@code flags}.
 */
public final class FlagsModule implements Module {
  private final Foundation foundation;
  private final FlagService service;
  private final FlagSweep sweep;

  public FlagsModule(Foundation foundation, AwayModule away) {
    this.foundation = foundation;
    var store = foundation.store();
    var timeZones = foundation.timeZones();
    var clock = foundation.clock();
    var outbox = foundation.outbox();
    FlagDelivery delivery = new FlagDelivery(store, outbox, clock);
    this.service = new FlagService(store, foundation.access(), timeZones, delivery, away.service(), clock,
        foundation.writes(), foundation.background(), foundation.config().currency());
    this.sweep = new FlagSweep(service, delivery, new PlanReminders(store, outbox, timeZones, clock),
        new ManagerDigest(store, outbox, timeZones, away.service(), clock, foundation.completions()), clock);
    io.rapport.store.ExpiringClaims claims = new io.rapport.store.ExpiringClaims(store, clock);
    this.sweep.alsoDaily(claims::prune);
    // Old sent, skipped and failed messages go, except those a capability still needs.
    this.sweep.alsoDaily(outbox::prune);
  }

  /** Judging accounts and the flag workflow (open flags, plans, false alarms, audiences). */
  public FlagService service() {
    return service;
  }

  /** Judges the account again after a check-in (a check-in subscriber). */
  public CheckInListener judging() {
    return service;
  }

  /** Adds work every tick of the hourly sweep also does (e.g. sending owed messages). */
  public void alsoEveryTick(Runnable chore) {
    sweep.alsoEveryTick(chore);
  }

  /** Adds work the daily sweep also does (e.g. forgetting what has expired). */
  public void alsoDaily(Runnable chore) {
    sweep.alsoDaily(chore);
  }

  /** One sweep now: judge, deliver, remind, digest (tests call this instead of the hourly timer). */
  public FlagSweep.Report sweep() {
    return sweep.sweep();
  }

  /** {@code /relationship-admin team NAME policy …} and {@code … flags …}. */
  public List<TeamVerb> teamVerbs() {
    return List.of(
        new PolicyTeamVerb(new TeamPolicies(foundation.store()), service.audiences()),
        new FlagsTeamVerb(service.audiences()));
  }

  @Override
  public void register(Routes routes) {
    var afterAck = foundation.afterAck();
    var clock = foundation.clock();
    for (FlagButtonAction.Button b : FlagButtonAction.Button.values()) {
      routes.blockAction(b.actionId(), new FlagButtonAction(b, service, foundation.timeZones(), afterAck, clock));
    }
    routes.blockAction(FlagMessages.SHOW_NOTES, new FlagNotesAction(service, afterAck));
    routes.viewSubmission(FlagMessages.PLAN, new FlagPlanSubmission(service, clock));
    routes.viewSubmission(FlagMessages.FALSE_ALARM, new FlagFalseAlarmSubmission(service));
  }

  @Override
  public void start() {
    sweep.start(foundation.config().flagSweepEvery());
  }

  @Override
  public void close() {
    sweep.close();
  }
}
