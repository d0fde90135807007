package io.rapport.slack.subscribers;

import io.rapport.checkin.CheckInListener;
import io.rapport.checkin.CheckInService;
import io.rapport.checkin.CheckInService.Stored;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.outbox.Courier;
import io.rapport.outbox.Draft;
import io.rapport.outbox.Entry;
import io.rapport.outbox.Outbox;
import io.rapport.slack.views.CheckInEditMessage;
import io.rapport.slack.views.Rendered;
import io.rapport.store.CheckInDao;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DM to a rep whose check-in a manager or an admin changed. {@link CheckInService} puts it in
 * the outbox (kind {@link CheckInService#EDIT_NOTICE}, key {@code checkin-edited:<ws>:<account>:<week>:<version>})
 * in the transaction that stores the change; this subscriber sends it after the ack, and its
 * courier renders it from the kept versions when it goes: the version before and the version the
 * change made, who made it. A check-in that has since been forgotten is not told about.
 */
public final class CheckInEditNotices implements CheckInListener {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInEditNotices.class);

  private final Store store;
  private final Outbox outbox;
  private final Clock clock;
  private final io.rapport.team.UserTimeZones timeZones;

  public CheckInEditNotices(Store store, Outbox outbox, Clock clock, io.rapport.team.UserTimeZones timeZones) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
    this.timeZones = timeZones;
    outbox.register(CheckInService.EDIT_NOTICE, new NoticeCourier());
  }

  @Override
  public void afterCheckIn(String workspaceId, String accountId) {}

  @Override
  public void afterStored(String workspaceId, String actorUserId, Stored stored) {
    if (stored.editNotice() != null) {
      Outbox.Outcome outcome = outbox.deliver(stored.editNotice());
      LOG.info("Told rep {} that {} changed their check-in of account {} in {}: {}", stored.checkIn().rep(),
          actorUserId, stored.account().id(), workspaceId, outcome);
    }
  }

  /** Sends the notices still owed (a failed first try); the hourly sweep calls it. */
  public int deliverOwed() {
    try {
      return (int) outbox.deliverReady(List.of(CheckInService.EDIT_NOTICE)).values().stream()
          .filter(o -> o == Outbox.Outcome.SENT || o == Outbox.Outcome.RECOVERED).count();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Renders the notice from the kept versions when it is sent. */
  private final class NoticeCourier implements Courier {
    /** Kept (not pruned): the row is the only record of where the DM went, which forgetting deletes. */
    @Override
    public boolean stillNeeds(Entry entry) {
      return true;
    }

    @Override
    public Draft compose(Entry entry) {
      // checkin-edited:<ws>:<account>:<week>:<version>; account ids may hold ':' so read from both ends.
      String rest = entry.key().substring((CheckInService.EDIT_NOTICE + ":" + entry.workspaceId() + ":").length());
      int lastColon = rest.lastIndexOf(':');
      int weekColon = rest.lastIndexOf(':', lastColon - 1);
      if (lastColon < 0 || weekColon < 0) {
        return Draft.fail("unreadable key");
      }
      String accountId = rest.substring(0, weekColon);
      String week = rest.substring(weekColon + 1, lastColon);
      int version = Integer.parseInt(rest.substring(lastColon + 1));
      CheckInDao checkIns = store.jdbi().onDemand(CheckInDao.class);
      Optional<CheckInDao.Version> before = checkIns.version(entry.workspaceId(), accountId, week, version - 1);
      Optional<CheckIn> after = checkIns.version(entry.workspaceId(), accountId, week, version)
          .map(CheckInDao.Version::checkIn)
          .or(() -> checkIns.current(entry.workspaceId(), accountId, week)
              .filter(c -> c.version() == version).map(CheckInDao.Current::checkIn));
      if (before.isEmpty() || after.isEmpty()) {
        return Draft.skip("the check-in is gone");
      }
      String accountName = store.accounts().find(entry.workspaceId(), accountId).map(Account::name).orElse(accountId);
      // The week as the rep reads it: "last week" in the rep's own time zone.
      String rep = after.get().rep();
      IsoWeek current = IsoWeek.of(LocalDate.now(clock.withZone(
          rep == null ? ZoneOffset.UTC : timeZones.zoneOf(entry.workspaceId(), rep))));
      Rendered r = CheckInEditMessage.notice(accountName, IsoWeek.parse(week), current, before.get().replacedBy(),
          before.get().nothingToReport() ? null : before.get().checkIn(), after.get());
      return Draft.send(entry.target(), null, r.text(), r.blocks(), null);
    }
  }
}
