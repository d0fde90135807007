package io.rapport.checkin;

import io.rapport.logs.LogText;
import io.rapport.domain.DisplayText;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.outbox.Letter;
import io.rapport.outbox.Outbox;
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

  /** The outbox kind of the DM telling a rep that someone else changed their check-in. */
  public static final String EDIT_NOTICE = "checkin-edited";

  /**
   * What a stored check-in did: {@code edited} when the week had an answer before, {@code version}
   * the check-in's version now (1 when first recorded; unchanged when the values were the same),
   * {@code editNotice} the outbox key of the DM to the rep when someone else changed it (else null).
   */
  public record Stored(Account account, CheckIn checkIn, boolean edited, int version, String editNotice) {
    public Stored(Account account, CheckIn checkIn, boolean edited) {
      this(account, checkIn, edited, 1, null);
    }
  }

  /** The outbox key of the DM about version {@code version} of a check-in (one per change). */
  public static String editNoticeKey(String workspaceId, String accountId, IsoWeek week, int version) {
    return EDIT_NOTICE + ":" + workspaceId + ":" + accountId + ":" + week + ":" + version;
  }

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
      return Optional.of(store(h, workspaceId, actorUserId, account, withRep, now));
    };
  }

  /**
   * The one way a person's check-in is written (the rep's own, or a manager's or admin's change):
   * the first answer of the week is recorded by the actor; a later one keeps the stored version in
   * {@code checkin_versions} and writes the new values as the next version, in the caller's
   * transaction. When someone other than the rep changed it, the DM telling the rep is put in the
   * outbox in the same transaction. The same values again store nothing new.
   */
  private Stored store(org.jdbi.v3.core.Handle h, String workspaceId, String actorUserId, Account account,
      CheckIn checkIn, long now) {
    CheckInDao checkIns = h.attach(CheckInDao.class);
    String week = checkIn.week().toString();
    // Two changes at once: the loser's conditional write finds a new version and reads it again.
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<CheckInDao.Current> before = checkIns.current(workspaceId, account.id(), week);
      if (before.isEmpty()) {
        if (checkIns.insertFirst(workspaceId, checkIn, actorUserId, now)) {
          return new Stored(account, checkIn, false, 1, null);
        }
        continue;
      }
      CheckInDao.Current current = before.get();
      if (!current.nothingToReport() && current.checkIn().equals(checkIn)) {
        return new Stored(account, checkIn, true, current.version(), null);
      }
      checkIns.keepVersion(workspaceId, account.id(), week, current.version(), actorUserId, now);
      if (!checkIns.replace(workspaceId, checkIn, actorUserId, current.version(), now)) {
        continue;
      }
      int version = current.version() + 1;
      String notice = null;
      if (!actorUserId.equals(checkIn.rep())) {
        notice = editNoticeKey(workspaceId, account.id(), checkIn.week(), version);
        Outbox.enqueue(h, Letter.of(notice, workspaceId, EDIT_NOTICE, Letter.privately(List.of(checkIn.rep())), now),
            now);
      }
      return new Stored(account, checkIn, true, version, notice);
    }
    throw new IllegalStateException("the check-in kept changing while it was being stored");
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
          LOG.error("A check-in listener failed for account {} in {}", stored.account().id(), workspaceId, LogText.withoutMessages(e));
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
        LOG.error("A check-in listener failed for account {} in {}", accountId, workspaceId, LogText.withoutMessages(e));
      }
    }
  }
}
