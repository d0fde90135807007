package io.rapport.checkin;

import io.rapport.domain.DisplayText;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.store.AccountDao;
import io.rapport.store.BoundedWrites;
import io.rapport.store.CheckInDao;
import io.rapport.store.ProcessedRequestDao;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.NotAllowed;
import io.rapport.team.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores check-ins (SPEC §6): one per account and ISO week, a second one for the same week is an
 * edit. Checks who may record for the account (its rep, a manager of the rep's team, an admin),
 * stores, then tells every {@link CheckInListener}, in order, on the background lane it was given,
 * so the rep's confirmation, the account's judgement and App Home follow without delaying the
 * answer.
 *
 * <p>{@link #recordOnce} is the modal's path: it stores within {@link BoundedWrites}' deadline,
 * so the modal says "saved" only for a committed check-in and otherwise asks the rep to submit
 * again ({@link BoundedWrites.NotWritten}).
 */
public final class CheckInService {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInService.class);
  /** The {@code processed_requests} kind of a check-in modal's submission (key: the view id). */
  public static final String VIEW_SUBMISSION = "view_submission";

  /** What a stored check-in did. */
  public record Stored(Account account, CheckIn checkIn, boolean edited) {}

  private final Store store;
  private final Access access;
  private final Clock clock;
  private final List<CheckInListener> listeners;
  private final BoundedWrites writes;
  private final Executor background;

  /**
   * {@code listeners} are told in their order, one after another, on {@code background};
   * {@code writes} bounds the modal's store in time.
   */
  public CheckInService(Store store, Access access, Clock clock, List<CheckInListener> listeners,
      BoundedWrites writes, Executor background) {
    this.store = store;
    this.access = access;
    this.clock = clock;
    this.listeners = listeners;
    this.writes = writes;
    this.background = background;
  }

  /**
   * Records {@code checkIn} by {@code actorUserId}; the rep is the account's rep when the check-in
   * names none. Throws {@link NotAllowed} (nothing stored) when the actor may not record for the
   * account, {@link Refusal} when the account does not exist or was removed.
   */
  public Stored record(String workspaceId, String actorUserId, CheckIn checkIn) {
    BoundedWrites.Work<Optional<Stored>> work = prepare(workspaceId, actorUserId, checkIn, null);
    Stored stored = store.jdbi().inTransaction(work::inTransaction).orElseThrow();
    announce(workspaceId, actorUserId, stored);
    return stored;
  }

  /**
   * Records {@code checkIn} once for the outside request {@code (kind, key)} (e.g. a modal's view
   * id) within the ack path's deadline: a repeat of the same request stores nothing and returns
   * empty. The claim and the check-in are one transaction, so a crash between them cannot lose
   * the check-in, and a retry after {@link BoundedWrites.NotWritten} is safe. Throws {@link
   * BoundedWrites.NotWritten} when it was not stored in time (nothing stored: ask again), {@link
   * Refusal} when it may not be stored.
   */
  public Optional<Stored> recordOnce(
      String workspaceId, String actorUserId, CheckIn checkIn, String kind, String requestKey) {
    RequestKey once = new RequestKey(kind, requestKey);
    Optional<Stored> stored = writes.write("check-in " + once.key() + " by " + actorUserId + " in " + workspaceId,
        () -> prepare(workspaceId, actorUserId, checkIn, once));
    stored.ifPresentOrElse(s -> announce(workspaceId, actorUserId, s),
        () -> LOG.info("Repeated submission {} for account {} in {}: nothing new stored", once.key(),
            checkIn.account(), workspaceId));
    return stored;
  }

  private record RequestKey(String kind, String key) {}

  /** Reads and checks (outside any transaction); the returned work stores in one transaction. */
  private BoundedWrites.Work<Optional<Stored>> prepare(String workspaceId, String actorUserId, CheckIn checkIn, RequestKey once) {
    Account account = store.accounts().findActive(workspaceId, checkIn.account())
        .orElseThrow(() -> new Refusal("That account no longer exists (it may have been removed), so"
            + " the check-in was not saved."));
    if (!access.canManageAccount(workspaceId, actorUserId, account)) {
      LOG.info("Refused check-in by {} for account {} in {}", actorUserId, account.id(), workspaceId);
      throw NotAllowed.notYours();
    }
    CheckIn withRep = checkIn.rep() == null ? checkIn.toBuilder().rep(account.rep()).build() : checkIn;
    return h -> {
      long now = clock.millis();
      h.attach(io.rapport.store.WorkspaceDao.class).ensure(workspaceId, now);
      if (once != null
          && h.attach(ProcessedRequestDao.class).claim(workspaceId, once.kind(), once.key(), now) == 0) {
        return Optional.<Stored>empty();
      }
      CheckInDao checkIns = h.attach(CheckInDao.class);
      boolean edited = checkIns.find(workspaceId, account.id(), withRep.week().toString()).isPresent();
      checkIns.upsert(workspaceId, withRep, now);
      return Optional.of(new Stored(account, withRep, edited));
    };
  }

  /** Logs the stored check-in and tells the listeners, in order, on the background lane. */
  private void announce(String workspaceId, String actorUserId, Stored stored) {
    LOG.info("Stored check-in for account {} week {} by {} in {}{}", stored.account().id(), stored.checkIn().week(),
        actorUserId, workspaceId, stored.edited() ? " (edit)" : "");
    background.execute(() -> {
      for (CheckInListener listener : listeners) {
        try {
          listener.afterStored(workspaceId, actorUserId, stored);
        } catch (RuntimeException e) {
          LOG.error("A check-in listener failed for account {} in {}", stored.account().id(), workspaceId, e);
        }
      }
    });
  }

  /**
   * Records "nothing to report" for {@code week} on those of {@code accountIds} that are active
   * accounts of {@code repId} and have no answer for the week yet; other ids are skipped. Tells
   * the listeners about each account it stored. Returns the ids stored.
   */
  public List<String> nothingToReport(String workspaceId, String repId, List<String> accountIds, IsoWeek week) {
    long now = clock.millis();
    store.ensureWorkspace(workspaceId, now);
    List<String> stored = store.jdbi().inTransaction(h -> {
      AccountDao accounts = h.attach(AccountDao.class);
      CheckInDao checkIns = h.attach(CheckInDao.class);
      List<String> done = new ArrayList<>();
      for (String id : new LinkedHashSet<>(accountIds)) {
        Optional<Account> account = accounts.findActive(workspaceId, id);
        if (account.isEmpty() || !account.get().rep().equals(repId)) {
          LOG.info("Nothing-to-report by {} skipped account {} in {} (not theirs or removed)", repId, id, workspaceId);
          continue;
        }
        if (checkIns.markNothingToReport(workspaceId, id, repId, week.toString(), now) == 1) {
          done.add(id);
        }
      }
      return done;
    });
    if (!stored.isEmpty()) {
      background.execute(() -> stored.forEach(id -> notifyListeners(workspaceId, id)));
    }
    return stored;
  }

  /** The check-in of {@code accountId} for {@code week}, if there is one (for editing). */
  public Optional<CheckIn> find(String workspaceId, String accountId, IsoWeek week) {
    return store.checkIns().find(workspaceId, accountId, week.toString());
  }

  /** True when {@code accountId} has an answer for {@code week}: a check-in or "nothing to report". */
  public boolean answered(String workspaceId, String accountId, IsoWeek week) {
    return store.checkIns().isAnswered(workspaceId, accountId, week.toString());
  }

  /** The latest real check-in of the account before {@code week} (shown as a hint). */
  public Optional<CheckIn> latestBefore(String workspaceId, String accountId, IsoWeek week) {
    List<CheckIn> recent = store.checkIns().history(workspaceId, accountId, week.minusWeeks(12).toString());
    CheckIn latest = null;
    for (CheckIn c : recent) {
      if (c.week().compareTo(week) < 0) {
        latest = c;
      }
    }
    return Optional.ofNullable(latest);
  }

  private void notifyListeners(String workspaceId, String accountId) {
    for (CheckInListener listener : listeners) {
      try {
        listener.afterCheckIn(workspaceId, accountId);
      } catch (RuntimeException e) {
        LOG.error("A check-in listener failed for account {} in {}", accountId, workspaceId, e);
      }
    }
  }
}
