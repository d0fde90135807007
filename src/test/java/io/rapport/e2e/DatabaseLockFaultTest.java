package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.e2e.CheckInForms.Answer;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault: the database's write lock is held by another connection for 15 s while reps submit
 * check-ins (SQLite: {@code BEGIN IMMEDIATE} on a second connection; PostgreSQL: a transaction
 * holding {@code LOCK TABLE checkins IN EXCLUSIVE MODE}). Every submission is either stored or the
 * rep is told in the modal to submit again; no "saved" without a stored row; nothing is lost.
 */
class DatabaseLockFaultTest {
  static final String WS = FakeSlack.TEAM_ID;
  static final Duration LOCK_HELD = Duration.ofSeconds(15);
  /** When each submission is sent, counted from the moment the lock is taken (the last straddles its release). */
  static final long[] SUBMIT_AT_MILLIS = {0, 1_500, 3_000, 5_000, 7_500, 10_000, 12_500, 14_200};

  /** One submission: when it was sent and answered (ms since the lock was taken) and the answer. */
  record Submitted(String rep, Account account, String viewId, long sentAt, long answeredAt, Answer answer,
      boolean storedWhenAnswered) {}

  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void aWriteLockHeldFor15SecondsNeverLosesACheckInAndNeverSaysSavedWithoutARow(TestDatabases.Kind kind)
      throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      List<IsoWeek> weeks = CheckInForms.weeksOfferedAt(rapport.clock().instant());
      IsoWeek week = weeks.get(0);
      long now = rapport.clock().millis();
      rapport.rapport().foundation().store().ensureWorkspace(WS, now);
      List<Account> accounts = new ArrayList<>();
      for (int i = 0; i < SUBMIT_AT_MILLIS.length + 1; i++) {
        String rep = String.format("UREPLK%02d", i);
        rapport.fake().userTimeZone(rep, "UTC");
        Account a = Account.of("lock-" + i, "Locked Account " + i, rep);
        rapport.rapport().foundation().store().accounts().upsert(WS, a, now);
        accounts.add(a);
      }

      // Before the fault: a submission is stored and closes the modal.
      Account control = accounts.get(SUBMIT_AT_MILLIS.length);
      assertThat(CheckInForms.answerOf(CheckInForms.submit(rapport.slack(), control.rep(), "VLOCKCONTROL",
          control.id(), weeks, week))).isEqualTo(Answer.SAVED);
      assertThat(stored(rapport, control, week)).isTrue();

      List<Submitted> results = new ArrayList<>();
      ExecutorService reps = Executors.newFixedThreadPool(SUBMIT_AT_MILLIS.length);
      long lockTaken;
      long lockReleased;
      try (Connection lock = DriverManager.getConnection(rapport.rapport().foundation().config().databaseUrl());
          Statement s = lock.createStatement()) {
        if (kind == TestDatabases.Kind.SQLITE) {
          s.execute("BEGIN IMMEDIATE");
        } else {
          s.execute("BEGIN");
          s.execute("LOCK TABLE checkins IN EXCLUSIVE MODE");
        }
        lockTaken = System.nanoTime();
        List<Future<Submitted>> sent = new ArrayList<>();
        for (int i = 0; i < SUBMIT_AT_MILLIS.length; i++) {
          Account a = accounts.get(i);
          long at = SUBMIT_AT_MILLIS[i];
          sent.add(reps.submit(() -> {
            sleepUntil(lockTaken, at);
            long sentAt = sinceMillis(lockTaken);
            var ack = CheckInForms.submit(rapport.slack(), a.rep(), "VLOCK" + a.id(), a.id(), weeks, week);
            long answeredAt = sinceMillis(lockTaken);
            Answer answer = CheckInForms.answerOf(ack);
            // Read at once, before anything else can happen: a "saved" answer must already have its row.
            return new Submitted(a.rep(), a, "VLOCK" + a.id(), sentAt, answeredAt, answer, stored(rapport, a, week));
          }));
        }
        // The fault itself: the lock stays held for 15 s, whatever the submissions do meanwhile.
        sleepUntil(lockTaken, LOCK_HELD.toMillis());
        s.execute("ROLLBACK");
        lockReleased = sinceMillis(lockTaken);
        for (Future<Submitted> f : sent) {
          results.add(f.get(60, TimeUnit.SECONDS));
        }
      } finally {
        reps.shutdownNow();
      }
      assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(30))).as("after-ack work finished").isTrue();

      for (Submitted r : results) {
        assertThat(r.answer()).as("%s: the modal either closed (saved) or asked to submit again", r)
            .isIn(Answer.SAVED, Answer.NOT_SAVED);
        if (r.answer() == Answer.SAVED) {
          assertThat(r.storedWhenAnswered()).as("%s: \"saved\" only with the row already stored", r).isTrue();
        } else {
          assertThat(stored(rapport, r.account(), week))
              .as("%s: told \"couldn't save\", so nothing was stored behind the rep's back", r).isFalse();
        }
      }
      final long released = lockReleased;
      List<Submitted> whollyInsideTheLock =
          results.stream().filter(r -> r.answeredAt() < released).toList();
      assertThat(whollyInsideTheLock).as("the fault was real: submissions answered while the lock was held")
          .hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(r -> assertThat(r.answer()).as("%s", r).isEqualTo(Answer.NOT_SAVED));

      // The reps who were told to submit again do so (the same modal): now stored, once.
      for (Submitted r : results) {
        if (r.answer() == Answer.NOT_SAVED) {
          assertThat(CheckInForms.answerOf(CheckInForms.submit(rapport.slack(), r.rep(), r.viewId(),
              r.account().id(), weeks, week))).as("%s submitted again", r).isEqualTo(Answer.SAVED);
        }
      }
      assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(30))).isTrue();
      for (Account a : accounts) {
        assertThat(stored(rapport, a, week)).as("%s stored in the end", a.id()).isTrue();
      }
      long rows = rapport.rapport().foundation().store().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM checkins WHERE workspace_id = :ws AND week = :week")
          .bind("ws", WS).bind("week", week.toString()).mapTo(Long.class).one());
      assertThat(rows).as("one check-in per account, none twice").isEqualTo(accounts.size());
    }
  }

  private static boolean stored(RapportUnderTest rapport, Account account, IsoWeek week) {
    return rapport.rapport().foundation().store().checkIns().find(WS, account.id(), week.toString()).isPresent();
  }

  private static long sinceMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Waits until {@code millis} after {@code startNanos}: the fault's schedule, not a wait for work. */
  private static void sleepUntil(long startNanos, long millis) throws InterruptedException {
    long left = millis - sinceMillis(startNanos);
    if (left > 0) {
      Thread.sleep(left);
    }
  }
}
