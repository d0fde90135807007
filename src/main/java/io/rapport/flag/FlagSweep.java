package io.rapport.flag;

import io.rapport.logs.LogText;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flags' clockwork. {@link #sweep()} is the daily run: judge every account (so flags follow
 * imports and quiet weeks even without check-ins), retry owed posts, send due plan reminders and
 * manager digests. In production a timer calls {@link #tick()} every hour: the full judgement runs
 * once per UTC day, the rest every hour (reminders and digests are due at local times). Every step
 * is keyed in the database, so several instances or a restart never send anything twice.
 */
public final class FlagSweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlagSweep.class);
  public static final Duration PERIOD = Duration.ofHours(1);
  public static final Duration FIRST_TICK = Duration.ofMinutes(5);

  /** What one sweep did. */
  public record Report(int accountsJudged, int deliveries, int reminders, int digests) {}

  private final FlagService flags;
  private final FlagDelivery delivery;
  private final PlanReminders reminders;
  private final ManagerDigest digest;
  private final Clock clock;
  private volatile LocalDate lastJudged;
  private ScheduledExecutorService timer;

  public FlagSweep(FlagService flags, FlagDelivery delivery, PlanReminders reminders, ManagerDigest digest, Clock clock) {
    this.flags = flags;
    this.delivery = delivery;
    this.reminders = reminders;
    this.digest = digest;
    this.clock = clock;
  }

  private final List<Runnable> dailyChores = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds work the daily sweep also does (e.g. forgetting what has expired), after the flags. */
  public void alsoDaily(Runnable chore) {
    dailyChores.add(chore);
  }

  private final List<Runnable> tickChores = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds work every tick (and the daily sweep) also does, e.g. sending messages still owed. */
  public void alsoEveryTick(Runnable chore) {
    tickChores.add(chore);
  }

  private static void run(List<Runnable> chores) {
    for (Runnable chore : chores) {
      try {
        chore.run();
      } catch (RuntimeException e) {
        LOG.error("A sweep chore failed ({}); the next sweep tries again", e.getClass().getSimpleName());
        LOG.debug("The failure of a sweep chore", e);
      }
    }
  }

  /** The daily sweep, run now. */
  public synchronized Report sweep() {
    run(dailyChores);
    run(tickChores);
    List<String> workspaces = flags.workspaces();
    int judged = 0;
    for (String ws : workspaces) {
      judged += flags.judgeWorkspace(ws);
    }
    lastJudged = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new Report(judged, delivery.deliverOwed(), reminders.sendDue(), digest.sendDue(workspaces));
  }

  /** One timer tick: the daily sweep on a new UTC day, otherwise retries, reminders and digests. */
  public synchronized Report tick() {
    if (!LocalDate.now(clock.withZone(ZoneOffset.UTC)).equals(lastJudged)) {
      return sweep();
    }
    run(tickChores);
    return new Report(0, delivery.deliverOwed(), reminders.sendDue(), digest.sendDue(flags.workspaces()));
  }

  /** Starts the hourly timer (first tick after {@link #FIRST_TICK}). */
  public synchronized void start() {
    start(PERIOD);
  }

  /** Starts the timer, a tick every {@code period} ({@code RAPPORT_FLAG_SWEEP_SECONDS}), the first after at most {@link #FIRST_TICK}. */
  public synchronized void start(Duration period) {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "flag-sweep");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        Report r = tick();
        LOG.info("Flag sweep: {} accounts judged, {} deliveries, {} reminders, {} digests",
            r.accountsJudged(), r.deliveries(), r.reminders(), r.digests());
      } catch (RuntimeException e) {
        LOG.error("Flag sweep failed", LogText.withoutMessages(e));
      }
    }, Math.min(FIRST_TICK.toSeconds(), period.toSeconds()), period.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
