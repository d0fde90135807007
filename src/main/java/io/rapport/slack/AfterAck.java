package io.rapport.slack;

import io.rapport.logs.LogText;
import io.rapport.slack.out.SlackCalls;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the part of a Slack request that comes after the listener has acknowledged it, in two
 * lanes:
 *
 * <ul>
 *   <li><b>interactive</b> ({@link #interactive}): work a person is looking at and that holds a
 *       trigger id living 3 seconds — opening a modal, an ephemeral answer. Its own threads, so
 *       it never waits behind background work;
 *   <li><b>background</b> ({@link #run}): database work that may wait on a lock, analysis,
 *       reports, Web API calls that can take their time. A bounded queue: when it is full the
 *       work is refused ({@link Busy}) and the caller says "busy, please try again" instead of
 *       piling up.
 * </ul>
 *
 * A failure is logged in one line, with what was being done and the failure's classes (the trace
 * only at DEBUG), and never reaches the user as a stack trace.
 */
public final class AfterAck implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);
  /** What a person is told when the background lane is full. */
  public static final String BUSY = "Rapport is busy just now: please try again in a minute.";
  static final int INTERACTIVE_THREADS = 4;
  static final int INTERACTIVE_QUEUE = 256;
  static final int BACKGROUND_QUEUE = 5_000;

  /** The lane refused the work: it is full. Nothing was started. */
  public static final class Busy extends RuntimeException {
    Busy(String lane) {
      super("the " + lane + " lane is full");
    }
  }

  private final ThreadPoolExecutor background;
  private final ThreadPoolExecutor interactive;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** {@code threads} run background work; the interactive lane has its own. */
  public AfterAck(int threads) {
    this(threads, BACKGROUND_QUEUE);
  }

  AfterAck(int threads, int backgroundQueue) {
    this.background = pool("after-ack-", threads, backgroundQueue);
    this.interactive = pool("interactive-", INTERACTIVE_THREADS, INTERACTIVE_QUEUE);
  }

  private static ThreadPoolExecutor pool(String name, int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queue), r -> {
      Thread t = new Thread(r, name + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code work} on the background lane soon; {@code what} names it in the log if it fails.
   * Throws {@link Busy} when the lane is full (nothing started).
   */
  public void run(String what, Runnable work) {
    submit(background, "background", what, work);
  }

  /**
   * Runs {@code work} on the interactive lane (modal opens, ephemeral answers): never queued
   * behind background work. Throws {@link Busy} when even this lane is full.
   */
  public void interactive(String what, Runnable work) {
    long deadline = System.nanoTime() + SlackCalls.TRIGGER_LIFE.toNanos();
    submit(interactive, "interactive", what, () -> {
      if (System.nanoTime() > deadline) {
        LOG.warn("Gave up (its trigger is older than {} ms): {}", SlackCalls.TRIGGER_LIFE.toMillis(), what);
        return;
      }
      SlackCalls.withDeadline(deadline, work);
    });
  }

  private void submit(ThreadPoolExecutor lane, String laneName, String what, Runnable work) {
    inFlight.incrementAndGet();
    try {
      lane.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException | Error e) {
          // One line (what and the failure's classes); the trace only at DEBUG: its messages can
          // quote what people typed.
          LOG.error("Failed after acknowledging: {} ({})", what, LogText.failure(e));
          LOG.debug("The failure after acknowledging {}", what, e);
        } finally {
          inFlight.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      LOG.warn("The {} lane is full; refused: {}", laneName, what);
      throw new Busy(laneName);
    }
  }

  /**
   * Waits until no work is queued or running in either lane — including work that queued more
   * work — up to {@code timeout}; true when idle. For tests that must know a request's after-ack
   * work has finished before asserting.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Waits up to {@code seconds} for queued work to finish. */
  public void drain(long seconds) throws InterruptedException {
    interactive.shutdown();
    background.shutdown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    interactive.awaitTermination(seconds, TimeUnit.SECONDS);
    background.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    try {
      drain(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    interactive.shutdownNow();
    background.shutdownNow();
  }
}
