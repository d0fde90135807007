package io.rapport.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of a Slack request after the listener has acknowledged it: database writes
 * that may wait on a lock, analysis, Web API calls. A failure is logged with what was being done
 * and never reaches the user as a stack trace.
 */
public final class AfterAck implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);

  private final ExecutorService executor;
  private final AtomicInteger inFlight = new AtomicInteger();

  public AfterAck(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "after-ack-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newFixedThreadPool(threads, factory);
  }

  /** Runs {@code work} soon; {@code what} names it in the log if it fails. */
  public void run(String what, Runnable work) {
    inFlight.incrementAndGet();
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException | Error e) {
              LOG.error("Failed after acknowledging: {}", what, e);
            } finally {
              inFlight.decrementAndGet();
            }
          });
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /**
   * Waits until no work is queued or running, up to {@code timeout}; true when idle. For tests
   * that must know a request's after-ack work has finished before asserting that nothing changed.
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
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
    executor.shutdown();
    executor.awaitTermination(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      drain(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
