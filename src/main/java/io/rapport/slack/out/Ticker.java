package io.rapport.slack.out;

/**
 * The monotonic time and the waiting that rate limiting uses; the system one in production, a
 * virtual one in tests, so waits can be checked without sleeping.
 */
public interface Ticker {
  long nanoTime();

  /** Waits {@code nanos}; returns early only when interrupted (then the interrupt flag is set). */
  void sleepNanos(long nanos) throws InterruptedException;

  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }
      };
}
