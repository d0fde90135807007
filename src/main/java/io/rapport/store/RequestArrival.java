package io.rapport.store;

import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * When the Slack request being answered on this thread arrived ({@link System#nanoTime()}), so a
 * write in the ack path keeps to what is left of Slack's 3 seconds rather than starting its own
 * clock late (a starved machine, a slow body): {@link BoundedWrites} counts its deadline from here.
 * Set by the HTTP edge around the synchronous part of a request; empty elsewhere (Socket Mode,
 * background work), where a write's deadline starts when the write does.
 */
public final class RequestArrival {
  private static final ThreadLocal<Long> ARRIVED = new ThreadLocal<>();

  private RequestArrival() {}

  /** Runs {@code work} on this thread as the answer to a request that arrived at {@code arrivedNanos}. */
  public static <T> T during(long arrivedNanos, Callable<T> work) throws Exception {
    Long outer = ARRIVED.get();
    ARRIVED.set(arrivedNanos);
    try {
      return work.call();
    } finally {
      if (outer == null) {
        ARRIVED.remove();
      } else {
        ARRIVED.set(outer);
      }
    }
  }

  /** When the request answered on this thread arrived, if one is. */
  public static OptionalLong nanos() {
    Long at = ARRIVED.get();
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }
}
