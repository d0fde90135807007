package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.team.Refusal;
import io.rapport.testing.TestDatabases;
import io.rapport.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A write in the ack path either committed or did not: never "not written" and stored later. */
class BoundedWritesTest {
  static final Duration SHORT = Duration.ofMillis(400);

  @TempDir Path dir;

  static List<Named<Kind>> kinds() {
    return TestDatabases.kinds();
  }

  int workspaces(Database db, String id) {
    return db.jdbi().onDemand(WorkspaceDao.class).count(id);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aWriteThatCommitsReturnsItsValue(Kind kind) {
    String url = TestDatabases.freshUrl(kind, dir);
    try (Database db = Database.open(url); BoundedWrites writes = new BoundedWrites(db, SHORT)) {
      String v = writes.writeTransaction("test", h -> {
        h.attach(WorkspaceDao.class).ensure("T1", 1);
        return "done";
      });
      assertThat(v).isEqualTo("done");
      assertThat(workspaces(db, "T1")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aRefusalComesBackAsItWasAndWritesNothing(Kind kind) {
    String url = TestDatabases.freshUrl(kind, dir);
    try (Database db = Database.open(url); BoundedWrites writes = new BoundedWrites(db, SHORT)) {
      assertThatThrownBy(() -> writes.write("test", () -> {
        throw new Refusal("not yours");
      })).isInstanceOf(Refusal.class).hasMessage("not yours");
      assertThatThrownBy(() -> writes.writeTransaction("test", h -> {
        h.attach(WorkspaceDao.class).ensure("T2", 1);
        throw new Refusal("changed my mind");
      })).isInstanceOf(Refusal.class);
      assertThat(workspaces(db, "T2")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aWriteSomebodyWaitsForGetsAConnectionWhileBackgroundWorkHoldsEveryOtherOne(Kind kind) {
    String url = TestDatabases.freshUrl(kind, dir);
    int shared = kind == Kind.SQLITE ? Database.SQLITE_POOL_SIZE : Database.POSTGRES_POOL_SIZE;
    List<org.jdbi.v3.core.Handle> background = new java.util.ArrayList<>();
    try (Database db = Database.open(url); BoundedWrites writes = new BoundedWrites(db, SHORT)) {
      // A burst of after-ack work: every connection of the shared pool is taken and kept.
      for (int i = 0; i < shared; i++) {
        org.jdbi.v3.core.Handle h = db.jdbi().open();
        h.createQuery("SELECT 1").mapTo(Integer.class).one();
        background.add(h);
      }
      String v = writes.write("check-in during a burst", () -> {
        // The checks read on their own handles, as CheckInService's do.
        assertThat(workspaces(db, "T5")).isZero();
        return h -> {
          h.attach(WorkspaceDao.class).ensure("T5", 1);
          return "stored";
        };
      });
      assertThat(v).isEqualTo("stored");
      background.forEach(org.jdbi.v3.core.Handle::close);
      background.clear();
      assertThat(workspaces(db, "T5")).isEqualTo(1);
    } finally {
      background.forEach(org.jdbi.v3.core.Handle::close);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aWriteBlockedByAnotherWritersLockIsNotWrittenWithinTheDeadline(Kind kind) throws Exception {
    String url = TestDatabases.freshUrl(kind, dir);
    try (Database db = Database.open(url); BoundedWrites writes = new BoundedWrites(db, SHORT);
        Connection lock = DriverManager.getConnection(url); Statement s = lock.createStatement()) {
      if (kind == Kind.SQLITE) {
        s.execute("BEGIN IMMEDIATE");
      } else {
        s.execute("BEGIN");
        s.execute("LOCK TABLE workspaces IN EXCLUSIVE MODE");
      }
      assertThatThrownBy(() -> writes.writeTransaction("blocked", h -> {
        h.attach(WorkspaceDao.class).ensure("T3", 1);
        return null;
      })).isInstanceOf(BoundedWrites.NotWritten.class);
      s.execute("ROLLBACK");
      writes.close();
      // The worker gave up inside the database too: nothing was written after the answer.
      assertThat(workspaces(db, "T3")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void workThatFinishesAfterItsDeadlineRollsBackInsteadOfCommitting(Kind kind) throws Exception {
    String url = TestDatabases.freshUrl(kind, dir);
    CountDownLatch release = new CountDownLatch(1);
    try (Database db = Database.open(url)) {
      BoundedWrites writes = new BoundedWrites(db, SHORT);
      assertThatThrownBy(() -> writes.writeTransaction("slow", h -> {
        h.attach(WorkspaceDao.class).ensure("T4", 1);
        try {
          // Held until the caller has been told "not written".
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      })).isInstanceOf(BoundedWrites.NotWritten.class);
      release.countDown();
      writes.close();
      assertThat(workspaces(db, "T4")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aWriteForARequestWhoseTimeIsUsedUpIsRefusedAtOnceAndWritesNothing(Kind kind) throws Exception {
    String url = TestDatabases.freshUrl(kind, dir);
    try (Database db = Database.open(url); BoundedWrites writes = new BoundedWrites(db, SHORT)) {
      // The request arrived longer ago than the deadline (a starved machine, a slow body): the rep
      // must hear "couldn't save" inside Slack's 3 seconds, not a late "saved".
      long arrivedLongAgo = System.nanoTime() - SHORT.toNanos() - TimeUnit.MILLISECONDS.toNanos(1);
      assertThatThrownBy(() -> RequestArrival.during(arrivedLongAgo, () ->
          writes.writeTransaction("test", h -> {
            h.attach(WorkspaceDao.class).ensure("T9", 1);
            return true;
          })))
          .isInstanceOf(BoundedWrites.NotWritten.class);
      assertThat(workspaces(db, "T9")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aWriteForARequestWithTimeLeftIsWritten(Kind kind) throws Exception {
    String url = TestDatabases.freshUrl(kind, dir);
    try (Database db = Database.open(url); BoundedWrites writes = new BoundedWrites(db, Duration.ofSeconds(30))) {
      long arrivedJustNow = System.nanoTime();
      RequestArrival.during(arrivedJustNow, () ->
          writes.writeTransaction("test", h -> {
            h.attach(WorkspaceDao.class).ensure("T8", 1);
            return true;
          }));
      assertThat(workspaces(db, "T8")).isEqualTo(1);
      assertThat(RequestArrival.nanos()).as("cleared after the request").isEmpty();
    }
  }
}
