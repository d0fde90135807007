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
    executor.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException | Error e) {
            LOG.error("Failed after acknowledging: {}", what, e);
          }
        });
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
