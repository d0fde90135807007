package io.rapport.prompt;

import io.rapport.store.Dialect;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one of this process's prompt writers at a time into SQLite. SQLite has a single writer;
 * when several connections of one process race for it, the losers sleep in SQLite's busy handler
 * (1 ms, 2 ms, 5 ms … 100 ms) and a weekly send slows to a crawl. Queuing on a Java lock instead
 * hands the writer lock over without sleeping. PostgreSQL needs no gate. Other processes sharing
 * the SQLite file still meet at SQLite's own lock.
 */
public final class WriteGate {
  private final ReentrantLock lock;

  public WriteGate(Dialect dialect) {
    this.lock = dialect == Dialect.SQLITE ? new ReentrantLock() : null;
  }

  public <T> T write(Supplier<T> write) {
    if (lock == null) {
      return write.get();
    }
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }
}
