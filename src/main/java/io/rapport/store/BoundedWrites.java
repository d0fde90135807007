package io.rapport.store;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes made while somebody waits for an answer: a check-in the modal will call "saved", a plan,
 * a false-alarm reason. Each runs as one transaction on a small bounded pool and has its own
 * deadline, well inside Slack's 3 seconds, so the answer is always one of two:
 *
 * <ul>
 *   <li>the value of a <b>committed</b> transaction, or
 *   <li>{@link NotWritten}: the transaction did not commit (the lock wait ran out, the database
 *       failed, the pool was full), so the caller tells the person to try again.
 * </ul>
 *
 * <p>The lock wait is bounded inside the database (SQLite's busy timeout, PostgreSQL's {@code
 * lock_timeout} and {@code statement_timeout}) to what is left of the deadline. A transaction
 * that finishes its work after the caller gave up rolls back instead of committing, so "not
 * written" means not written. The one exception is a commit already under way when the deadline
 * passes: the caller waits a little longer for it, and if even that runs out the outcome is
 * unknown; callers key their writes naturally (a modal's view id, an account and week) so the
 * person's retry is then a harmless repeat.
 */
public final class BoundedWrites implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedWrites.class);
  /** The deadline of a write in Slack's ack path: leaves a second of the 3 for the network. */
  public static final Duration ACK_PATH = Duration.ofMillis(2_000);
  /** How long a commit already under way at the deadline is waited for. */
  static final Duration COMMIT_GRACE = Duration.ofMillis(500);
  private static final int THREADS = 8;
  private static final int QUEUE = 256;

  private static final int PENDING = 0;
  private static final int COMMITTING = 1;
  private static final int ABANDONED = 2;

  /** The write did not commit; {@code getMessage()} says why, for the log. */
  public static final class NotWritten extends RuntimeException {
    public NotWritten(String why, Throwable cause) {
      super(why, cause);
    }
  }

  /** The work of one transaction, given its handle. */
  @FunctionalInterface
  public interface Work<T> {
    T inTransaction(Handle handle);
  }

  /**
   * Reads and checks made before the transaction (on their own handles, so a transaction never
   * waits for a second connection), returning the transaction's work; may throw a refusal.
   */
  @FunctionalInterface
  public interface Checked<T> {
    Work<T> check();
  }

  private final Database database;
  private final Duration deadline;
  private final ThreadPoolExecutor executor;

  public BoundedWrites(Database database, Duration deadline) {
    this.database = database;
    this.deadline = deadline;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(QUEUE), r -> {
          // Its own connections: background work holding the shared pool cannot make it miss its deadline.
          Thread t = new Thread(Database.reservedFor(r), "bounded-write-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.executor.allowCoreThreadTimeOut(true);
  }

  public Duration deadline() {
    return deadline;
  }

  /** {@link #write(String, Checked)} without checks before the transaction. */
  public <T> T writeTransaction(String what, Work<T> work) {
    return write(what, () -> work);
  }

  /**
   * Runs {@code checked}, then its work as one transaction, within the deadline, and returns the
   * work's value once committed. Throws {@link NotWritten} when it did not commit in time; any
   * other exception the checks or the work throw (a refusal) comes back as it was, with nothing
   * written. {@code what} names the write in the log.
   */
  public <T> T write(String what, Checked<T> checked) {
    // From the request's arrival when answering one: the rep's answer is due 3 s after that.
    long start = RequestArrival.nanos().orElseGet(System::nanoTime);
    long deadlineNanos = start + deadline.toNanos();
    AtomicInteger state = new AtomicInteger(PENDING);
    Future<T> future;
    try {
      future = executor.submit(() -> run(checked, deadlineNanos, state));
    } catch (RejectedExecutionException e) {
      LOG.warn("Not written (too many writes waiting): {}", what);
      throw new NotWritten("too many writes waiting", e);
    }
    try {
      return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (state.compareAndSet(PENDING, ABANDONED)) {
        LOG.warn("Not written within {} ms (the database is busy): {}", deadline.toMillis(), what);
        throw new NotWritten("the database did not answer in time", e);
      }
      return awaitCommit(what, future);
    } catch (ExecutionException e) {
      throw unwrap(what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      state.compareAndSet(PENDING, ABANDONED);
      throw new NotWritten("interrupted", e);
    }
  }

  private <T> T awaitCommit(String what, Future<T> future) {
    try {
      return future.get(COMMIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("A commit outlasted its deadline; the outcome is unknown until it ends: {}", what);
      throw new NotWritten("the commit did not finish in time", e);
    } catch (ExecutionException e) {
      throw unwrap(what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotWritten("interrupted", e);
    }
  }

  private RuntimeException unwrap(String what, Throwable cause) {
    if (cause instanceof NotWritten n) {
      return n;
    }
    if (cause instanceof JdbiException) {
      LOG.warn("Not written (database: {}): {}", rootMessage(cause), what);
      return new NotWritten("the database refused the write", cause);
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private <T> T run(Checked<T> checked, long deadlineNanos, AtomicInteger state) {
    if (deadlineNanos - System.nanoTime() <= 0 || state.get() == ABANDONED) {
      throw new NotWritten("waited too long to start", null);
    }
    Work<T> work = checked.check();
    long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (leftMillis <= 0 || state.get() == ABANDONED) {
      throw new NotWritten("the checks took too long", null);
    }
    int waitMillis = (int) Math.max(1, leftMillis);
    return database.jdbi().withHandle(h -> {
      if (database.dialect() == Dialect.SQLITE) {
        // BEGIN IMMEDIATE takes the write lock, so the wait is bounded before the transaction.
        h.execute("PRAGMA busy_timeout = " + waitMillis);
        try {
          return h.inTransaction(tx -> commitOnlyIfAwaited(work, tx, state));
        } finally {
          h.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
        }
      }
      return h.inTransaction(tx -> {
        tx.execute("SET LOCAL lock_timeout = '" + waitMillis + "ms'");
        tx.execute("SET LOCAL statement_timeout = '" + waitMillis + "ms'");
        return commitOnlyIfAwaited(work, tx, state);
      });
    });
  }

  private static <T> T commitOnlyIfAwaited(Work<T> work, Handle tx, AtomicInteger state) {
    T value = work.inTransaction(tx);
    if (!state.compareAndSet(PENDING, COMMITTING)) {
      // Nobody waits for this answer any more: roll back rather than commit unannounced.
      throw new NotWritten("finished after its deadline; rolled back", null);
    }
    return value;
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(deadline.toMillis() + COMMIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
