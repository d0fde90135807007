package io.rapport.flag;

import io.rapport.logs.LogText;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagPlan;
import io.rapport.outbox.Courier;
import io.rapport.outbox.Draft;
import io.rapport.outbox.Entry;
import io.rapport.outbox.Letter;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.slack.views.Rendered;
import java.util.List;
import org.jdbi.v3.core.Handle;
import io.rapport.slack.views.FlagMessages;
import io.rapport.store.FlagDao;
import io.rapport.store.FlagPlanDao;
import io.rapport.store.Store;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The due-date reminder of a flag's plan: one DM to the plan's owner on the due date (in the
 * owner's time zone), a message of the outbox (key {@code plan-reminder:<workspace>:<plan>}) so it
 * is sent once. Plans of closed flags are not
 * reminded.
 */
public final class PlanReminders {
  private static final Logger LOG = LoggerFactory.getLogger(PlanReminders.class);

  private final Store store;
  /** The outbox kind of plan reminders. */
  public static final String KIND = "plan-reminder";
  private final Outbox outbox;
  private final UserTimeZones timeZones;
  private final Clock clock;

  public PlanReminders(Store store, Outbox outbox, UserTimeZones timeZones, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    outbox.register(KIND, new ReminderCourier());
    this.timeZones = timeZones;
    this.clock = clock;
  }

  /** Sends every reminder that is due now; returns how many were sent. */
  public int sendDue() {
    FlagPlanDao plans = store.jdbi().onDemand(FlagPlanDao.class);
    FlagDao flags = store.jdbi().onDemand(FlagDao.class);
    // The latest date anywhere on Earth: no plan due later can be due in any time zone.
    LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.ofHours(14)));
    int sent = 0;
    for (FlagPlan plan : plans.remindersDueBy(latest.toString())) {
      try {
        Optional<Flag> flag = flags.find(plan.workspaceId(), plan.flagId());
        if (flag.isEmpty() || !flag.get().isOpen()) {
          plans.cancelReminders(plan.workspaceId(), plan.flagId());
          continue;
        }
        LocalDate ownerToday = LocalDate.now(clock.withZone(timeZones.zoneOf(plan.workspaceId(), plan.ownerId())));
        if (ownerToday.isBefore(plan.dueDate())) {
          continue;
        }
        if (send(plans, plan, flag.get())) {
          sent++;
        }
      } catch (RuntimeException e) {
        LOG.error("Reminder of plan {} (flag {}) in {} failed", plan.id(), plan.flagId(), plan.workspaceId(), LogText.withoutMessages(e));
      }
    }
    return sent;
  }

  private boolean send(FlagPlanDao plans, FlagPlan plan, Flag flag) {
    String key = "plan-reminder:" + plan.workspaceId() + ":" + plan.id();
    if (outbox.find(key).isEmpty()) {
      String accountName = store.accounts().find(plan.workspaceId(), flag.accountId())
          .map(io.rapport.domain.Account::name).orElse(flag.accountId());
      Rendered content = FlagMessages.planReminder(plan, FlagMessages.patternTitle(flag.pattern()), accountName,
          flag.channelId()).rendered();
      outbox.enqueue(Letter.of(key, plan.workspaceId(), KIND, Letter.privately(List.of(plan.ownerId())),
          clock.millis()).withContent(content.text(), content.blocks()));
    }
    Outcome outcome = outbox.deliver(key);
    if (outcome == Outcome.SENT || outcome == Outcome.RECOVERED) {
      LOG.info("Reminded {} of plan {} (flag {}) in {}", plan.ownerId(), plan.id(), flag.id(), plan.workspaceId());
      return true;
    }
    return false;
  }

  /** Sends what was written (the reminder is fixed), unless the flag closed meanwhile; records it on the plan. */
  private final class ReminderCourier implements Courier {
    /** While the plan's reminder is still to be sent, only the row keeps it from going twice. */
    @Override
    public boolean stillNeeds(Entry entry) {
      String planId = entry.key().substring(("plan-reminder:" + entry.workspaceId() + ":").length());
      return store.jdbi().onDemand(FlagPlanDao.class).find(entry.workspaceId(), planId)
          .map(p -> p.reminderStatus().equals("pending") || p.reminderStatus().equals("claimed")).orElse(false);
    }

    @Override
    public Draft compose(Entry entry) {
      String planId = entry.key().substring(("plan-reminder:" + entry.workspaceId() + ":").length());
      Optional<FlagPlan> plan = store.jdbi().onDemand(FlagPlanDao.class).find(entry.workspaceId(), planId);
      Optional<Flag> flag = plan.flatMap(p -> store.jdbi().onDemand(FlagDao.class).find(p.workspaceId(), p.flagId()));
      if (flag.isEmpty() || !flag.get().isOpen()) {
        return Draft.skip("the flag is closed");
      }
      return Draft.send(entry.target(), null, entry.text(), entry.blocks(), null);
    }

    @Override
    public void sent(Handle h, Entry entry, String channelId, String ts, String memo, boolean recovered) {
      String planId = entry.key().substring(("plan-reminder:" + entry.workspaceId() + ":").length());
      h.attach(FlagPlanDao.class).markReminded(entry.workspaceId(), planId, channelId, ts);
    }
  }
}
