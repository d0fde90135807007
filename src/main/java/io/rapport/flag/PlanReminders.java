package io.rapport.flag;

import io.rapport.domain.Flag;
import io.rapport.domain.FlagPlan;
import io.rapport.flag.FlagPoster.DeliveryException;
import io.rapport.flag.FlagPoster.Posted;
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
 * owner's time zone), claimed before it is sent so it is sent once. Plans of closed flags are not
 * reminded.
 */
public final class PlanReminders {
  private static final Logger LOG = LoggerFactory.getLogger(PlanReminders.class);

  private final Store store;
  private final FlagPoster poster;
  private final UserTimeZones timeZones;
  private final Clock clock;

  public PlanReminders(Store store, FlagPoster poster, UserTimeZones timeZones, Clock clock) {
    this.store = store;
    this.poster = poster;
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
        LOG.error("Reminder of plan {} (flag {}) in {} failed", plan.id(), plan.flagId(), plan.workspaceId(), e);
      }
    }
    return sent;
  }

  private boolean send(FlagPlanDao plans, FlagPlan plan, Flag flag) {
    long now = clock.millis();
    boolean recovering = "claimed".equals(plan.reminderStatus());
    if (plans.claimReminder(plan.workspaceId(), plan.id(), now, now - FlagDelivery.CLAIM_STALE.toMillis()) != 1) {
      return false;
    }
    String accountName = store.accounts().find(plan.workspaceId(), flag.accountId())
        .map(io.rapport.domain.Account::name).orElse(flag.accountId());
    FlagMessages.Content content = FlagMessages.planReminder(plan, FlagMessages.patternTitle(flag.pattern()),
        accountName, flag.channelId());
    try {
      String dm = poster.openDm(plan.ownerId());
      Posted posted = poster.post(dm, null, "plan-reminder:" + plan.id(), content.text(), content.blocks(),
          recovering ? plan.reminderClaimedAt() : null);
      plans.markReminded(plan.workspaceId(), plan.id(), posted.channelId(), posted.ts());
      LOG.info("Reminded {} of plan {} (flag {}) in {}", plan.ownerId(), plan.id(), flag.id(), plan.workspaceId());
      return true;
    } catch (DeliveryException e) {
      LOG.warn("Reminding {} of plan {} in {} failed: {}", plan.ownerId(), plan.id(), plan.workspaceId(), e.getMessage());
      if (!e.maybeDelivered()) {
        plans.releaseReminder(plan.workspaceId(), plan.id());
      }
      return false;
    }
  }
}
