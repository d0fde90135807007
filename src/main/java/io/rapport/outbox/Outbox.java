package io.rapport.outbox;

import io.rapport.logs.LogText;
import io.rapport.outbox.Transport.Posted;
import io.rapport.outbox.Transport.Refused;
import io.rapport.store.Dialect;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one outbox: every Slack message Rapport must send exactly once goes through here.
 *
 * <p>A message is a row named by its natural key ({@link #enqueue}: the same key again is a no-op).
 * To send it, an instance leases the row (one conditional UPDATE; on one PostgreSQL database shared
 * by several instances exactly one wins), asks the kind's {@link Courier} for the message, records
 * where it is posting and that Slack may have it from now on, posts it through the {@link
 * Transport} with the key in the message metadata — only while its lease still has {@link
 * #MARGIN} to run, so a lease that runs out never overlaps a post — and marks the row sent with
 * the ts (the courier records the outcome in its own tables in the same transaction).
 *
 * <p>After a crash or a lost answer, a row whose lease ran out while a post may have reached Slack
 * is looked up in the conversation's (or thread's) history by its key BEFORE anything is posted
 * again: found, it is recorded as sent; not found, it is sent once. Transient failures give the row
 * back with a backoff; permanent ones (as the courier judges them) end it {@code failed}.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  /** A lease not renewed for this long belongs to an instance that died (the default). */
  public static final Duration LEASE = Duration.ofMinutes(2);
  /**
   * A post starts only while its lease has at least this long to run (the HTTP call's own timeout);
   * with a lease shorter than 35 s, the lease less 5 s.
   */
  public static final Duration MARGIN = Duration.ofSeconds(30);
  private static final int BATCH = 200;
  /**
   * How long a done row (sent, skipped, failed) is kept after it was last due, tried or sent: long
   * enough for every key a capability may still write again (a prompt's week, last week's digest)
   * and for looking into what happened; its courier may keep it longer ({@link Courier#stillNeeds}).
   */
  public static final Duration KEEP_DONE = Duration.ofDays(30);
  /** Errors of a post to a remembered private conversation after which it is opened afresh. */
  private static final Set<String> STALE_CONVERSATION = Set.of("channel_not_found", "is_archived", "not_in_channel");

  /** What became of one row when its turn came. */
  public enum Outcome {
    /** Posted now. */
    SENT,
    /** An earlier attempt had posted it (found in history); recorded, not posted again. */
    RECOVERED,
    /** Nothing to send any more (its courier said so). */
    SKIPPED,
    /** Its time passed before it could go. */
    EXPIRED,
    /** A permanent error (recorded on the row). */
    FAILED,
    /** A transient failure; the row goes again later. */
    RETRY_LATER,
    /** Not ready yet (waits for something else); the try is not counted. */
    WAITING,
    /** Someone else holds it, or it is done, or not due. */
    NOT_CLAIMED
  }

  private final Store store;
  private final Transport transport;
  private final Clock clock;
  private final String instanceId;
  private final OutboxDao dao;
  private final Map<String, Courier> couriers = new ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final ReentrantLock sqliteWriter;
  private final Duration lease;
  private final Duration margin;

  public Outbox(Store store, Transport transport, Clock clock, String instanceId, int workerCount) {
    this(store, transport, clock, instanceId, workerCount, LEASE);
  }

  /** With leases of {@code lease} ({@code RAPPORT_OUTBOX_LEASE_SECONDS}; at least 10 s). */
  public Outbox(Store store, Transport transport, Clock clock, String instanceId, int workerCount, Duration lease) {
    if (lease.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("an outbox lease is at least 10 s, got " + lease);
    }
    this.lease = lease;
    Duration shorter = lease.minusSeconds(5);
    this.margin = shorter.compareTo(MARGIN) < 0 ? shorter : MARGIN;
    this.store = store;
    this.transport = transport;
    this.clock = clock;
    this.instanceId = instanceId;
    this.dao = store.jdbi().onDemand(OutboxDao.class);
    // SQLite has one writer: this process's writers queue on a Java lock rather than sleeping in
    // SQLite's busy handler. Other processes on the same file still meet at SQLite's own lock.
    this.sqliteWriter = store.database().dialect() == Dialect.SQLITE ? new ReentrantLock() : null;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workerCount, r -> {
      Thread t = new Thread(r, "outbox-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Registers how messages of {@code kind} are rendered and recorded. */
  public Outbox register(String kind, Courier courier) {
    couriers.put(kind, courier);
    return this;
  }

  public String instanceId() {
    return instanceId;
  }

  /** Puts the letter in the outbox unless its key is there already; true when it was added. */
  public boolean enqueue(Letter letter) {
    return write(() -> dao.insert(letter.key(), letter.workspaceId(), letter.kind(), letter.target(), letter.text(),
        letter.blocks(), letter.dueAt(), clock.millis())) == 1;
  }

  /** The same, inside the caller's transaction (with the capability's own rows). */
  public static boolean enqueue(org.jdbi.v3.core.Handle handle, Letter letter, long nowMillis) {
    return handle.attach(OutboxDao.class).insert(letter.key(), letter.workspaceId(), letter.kind(), letter.target(),
        letter.text(), letter.blocks(), letter.dueAt(), nowMillis) == 1;
  }

  public Optional<Entry> find(String key) {
    return dao.find(key);
  }

  /** A skipped row goes out after all (due now); true when it was reopened. */
  public boolean reopen(String key) {
    return write(() -> dao.reopen(key, clock.millis())) == 1;
  }

  /** The same, inside the caller's transaction. */
  public static boolean reopen(org.jdbi.v3.core.Handle handle, String key, long nowMillis) {
    return handle.attach(OutboxDao.class).reopen(key, nowMillis) == 1;
  }

  /** A row waiting for a retry may go at once (what it waited for has changed). */
  public void readyNow(String key) {
    write(() -> dao.readyNow(key));
  }


  /**
   * Deletes the done rows older than {@link #KEEP_DONE} that their kind's courier no longer needs
   * (the daily sweep); rows of a kind without a courier stay. Returns how many went.
   */
  public int prune() {
    long before = clock.millis() - KEEP_DONE.toMillis();
    int deleted = 0;
    String after = "";
    List<Entry> batch;
    do {
      batch = dao.doneBefore(before, after, BATCH);
      for (Entry entry : batch) {
        // A kind no courier speaks for (sent as written) is kept: nothing says it is not needed.
        Courier courier = couriers.get(entry.kind());
        if (courier != null && !courier.stillNeeds(entry)) {
          deleted += write(() -> dao.deleteDone(entry.key(), before));
        }
      }
      after = batch.isEmpty() ? after : batch.get(batch.size() - 1).key();
    } while (batch.size() == BATCH);
    if (deleted > 0) {
      LOG.info("Outbox: deleted {} done messages older than {} days", deleted, KEEP_DONE.toDays());
    }
    return deleted;
  }

  /** The transport, for the few calls that are not sends (replacing a message's content). */
  public Transport transport() {
    return transport;
  }

  /** Sends {@code key} on the worker pool. */
  public Future<Outcome> submit(String key) {
    return workers.submit(() -> deliver(key));
  }

  /** The outcome of a submitted row (a failure inside counts as "try again later"). */
  public static Outcome await(String key, Future<Outcome> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      LOG.error("Sending {} failed unexpectedly", key, LogText.withoutMessages(e.getCause()));
      return Outcome.RETRY_LATER;
    }
  }

  /**
   * Sends every ready row of {@code kinds} on the worker pool, batch by batch, until none is left
   * that this instance can take; the outcome of each, by key.
   */
  public Map<String, Outcome> deliverReady(List<String> kinds) throws InterruptedException {
    Map<String, Outcome> all = new LinkedHashMap<>();
    while (true) {
      List<String> ready = dao.ready(kinds, clock.millis(), BATCH).stream().filter(k -> !all.containsKey(k)).toList();
      if (ready.isEmpty()) {
        return all;
      }
      Map<String, Outcome> outcomes = deliverAll(ready);
      all.putAll(outcomes);
      if (outcomes.values().stream().allMatch(o -> o == Outcome.NOT_CLAIMED)) {
        return all;
      }
    }
  }

  /** Sends the rows on the worker pool and waits; the outcome of each, by key. */
  public Map<String, Outcome> deliverAll(List<String> keys) throws InterruptedException {
    List<Future<Outcome>> futures = new ArrayList<>(keys.size());
    for (String key : keys) {
      futures.add(submit(key));
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      outcomes.put(keys.get(i), await(keys.get(i), futures.get(i)));
    }
    return outcomes;
  }

  /** Counts of outcomes. */
  public static Map<Outcome, Integer> tally(Map<String, Outcome> outcomes) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    outcomes.values().forEach(o -> counts.merge(o, 1, Integer::sum));
    return counts;
  }

  /** Leases and sends one row on this thread (if it is ready and nobody else has it). */
  public Outcome deliver(String key) {
    long now = clock.millis();
    if (write(() -> dao.lease(key, instanceId, now, now + lease.toMillis())) == 0) {
      return Outcome.NOT_CLAIMED;
    }
    Entry entry = dao.find(key).orElseThrow();
    try {
      return send(entry);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(entry, "interrupted", Duration.ZERO, false);
      return Outcome.RETRY_LATER;
    } catch (RuntimeException e) {
      LOG.error("Sending {} failed", key, LogText.withoutMessages(e));
      release(entry, "error: " + e.getClass().getSimpleName(), transport.backoff(entry.attempts()), false);
      return Outcome.RETRY_LATER;
    }
  }

  private Courier courier(Entry entry) {
    Courier c = couriers.get(entry.kind());
    return c != null ? c : FIXED;
  }

  /** Kinds without a courier send what the row holds. */
  private static final Courier FIXED = entry -> entry.text() == null
      ? Draft.fail("no courier for kind " + entry.kind() + " and no content")
      : Draft.send(entry.target(), entry.threadTs(), entry.text(), entry.blocks(), null);

  private Outcome send(Entry entry) throws InterruptedException {
    Courier courier = courier(entry);
    // Recovery comes before anything else: a row that may be in Slack is looked for there first.
    if (entry.mayHaveBeenPosted()) {
      Optional<String> found;
      try {
        found = transport.find(entry.channelId(), entry.threadTs(), entry.key(), entry.postingSince());
      } catch (Refused e) {
        return refused(entry, courier, e, true);
      }
      if (found.isPresent()) {
        LOG.info("{} had been posted before ({}); recorded, not posted again", entry.key(), found.get());
        return markSent(entry, courier, entry.channelId(), found.get(), null, true)
            ? Outcome.RECOVERED : Outcome.NOT_CLAIMED;
      }
      notPosted(entry);
    }
    if (entry.attempts() > courier.maxAttempts()) {
      return end(entry, courier, Entry.FAILED, "gave up after " + courier.maxAttempts() + " tries: "
          + entry.lastError(), Outcome.FAILED);
    }
    Draft draft = courier.compose(entry);
    switch (draft.kind()) {
      case SKIP -> {
        return end(entry, courier, draft.endState(), draft.reason(),
            "expired".equals(draft.endState()) ? Outcome.EXPIRED : Outcome.SKIPPED);
      }
      case FAIL -> {
        return end(entry, courier, Entry.FAILED, draft.reason(), Outcome.FAILED);
      }
      case LATER -> {
        release(entry, draft.reason(), draft.retryAfter(), true);
        return Outcome.WAITING;
      }
      default -> {
        return post(entry, courier, draft);
      }
    }
  }

  private Outcome post(Entry entry, Courier courier, Draft draft) throws InterruptedException {
    Optional<List<String>> people = Entry.people(draft.target());
    Optional<String> known = people.isPresent()
        ? dao.knownConversation(entry.workspaceId(), draft.target()) : Optional.empty();
    String channel;
    try {
      channel = people.isEmpty() ? draft.target() : known.isPresent() ? known.get() : transport.open(people.get());
    } catch (Refused e) {
      return refused(entry, courier, e, false);
    }
    boolean reused = known.isPresent();
    int failures = 0;
    boolean checkFirst = false;
    long since = 0;
    while (true) {
      if (checkFirst) {
        Optional<String> found;
        try {
          found = transport.find(channel, draft.threadTs(), entry.key(), since);
        } catch (Refused e) {
          return refused(entry, courier, e, true);
        }
        if (found.isPresent()) {
          return markSent(entry, courier, channel, found.get(), draft.memo(), true)
              ? Outcome.RECOVERED : Outcome.NOT_CLAIMED;
        }
      }
      long now = clock.millis();
      long until = now + lease.toMillis();
      if (!checkFirst) {
        since = now;
      }
      String to = channel;
      if (write(() -> dao.posting(entry.key(), instanceId, to, draft.threadTs(), draft.text(), draft.blocks(), now,
          until)) == 0) {
        LOG.warn("Lost the lease on {}; leaving it to its new holder", entry.key());
        return Outcome.NOT_CLAIMED;
      }
      try {
        Posted posted = transport.post(to, draft.threadTs(), entry.key(), draft.text(), draft.blocks(),
            lease.minus(margin));
        return markSent(entry, courier, posted.channelId() == null ? to : posted.channelId(), posted.ts(),
            draft.memo(), false) ? Outcome.SENT : Outcome.NOT_CLAIMED;
      } catch (Refused e) {
        if (!e.uncertain()) {
          notPosted(entry);
        }
        if (reused && e.permanent() && STALE_CONVERSATION.contains(e.error())) {
          // The remembered conversation is gone (Slack does not say why): open it afresh, once.
          reused = false;
          try {
            channel = transport.open(people.orElseThrow());
          } catch (Refused openFailed) {
            return refused(entry, courier, openFailed, false);
          }
          continue;
        }
        if (courier.givesUpOn(e.error(), e.permanent()) || !e.uncertain()) {
          return refused(entry, courier, e, false);
        }
        failures++;
        checkFirst = true;
        if (failures >= transport.attemptsPerTurn()) {
          return refused(entry, courier, e, false);
        }
        LOG.info("Posting {} failed ({}); checking and trying again", entry.key(), e.error());
        Thread.sleep(transport.backoff(failures).toMillis());
      }
    }
  }

  private boolean markSent(Entry entry, Courier courier, String channel, String ts, String memo, boolean recovered) {
    boolean marked = write(() -> store.jdbi().inTransaction(h -> {
      if (h.attach(OutboxDao.class).sent(entry.key(), instanceId, channel, ts, clock.millis()) != 1) {
        return false;
      }
      courier.sent(h, entry, channel, ts, memo, recovered);
      return true;
    }));
    if (!marked) {
      LOG.warn("{} was posted ({}) but its lease had been taken over meanwhile", entry.key(), ts);
    }
    return marked;
  }

  private Outcome refused(Entry entry, Courier courier, Refused e, boolean lookingUp) {
    if (!lookingUp && courier.givesUpOn(e.error(), e.permanent())) {
      LOG.warn("{} cannot be sent: {}", entry.key(), e.getMessage());
      return end(entry, courier, Entry.FAILED, e.getMessage(), Outcome.FAILED);
    }
    Duration wait = courier.retryWait(transport.backoff(entry.attempts()).plus(transport.backoff(1)));
    LOG.info("{} will be tried again: {}", entry.key(), e.getMessage());
    release(entry, e.getMessage(), wait, false);
    return Outcome.RETRY_LATER;
  }

  private Outcome end(Entry entry, Courier courier, String state, String reason, Outcome outcome) {
    String why = truncate(reason);
    String stored = "expired".equals(state) ? Entry.SKIPPED : state;
    boolean ended = write(() -> store.jdbi().inTransaction(h -> {
      if (h.attach(OutboxDao.class).end(entry.key(), instanceId, stored, why) != 1) {
        return false;
      }
      courier.ended(h, entry, state, why);
      return true;
    }));
    return ended ? outcome : Outcome.NOT_CLAIMED;
  }

  private void release(Entry entry, String reason, Duration wait, boolean uncount) {
    write(() -> dao.release(entry.key(), instanceId, truncate(reason), clock.millis() + wait.toMillis(),
        uncount ? 1 : 0));
  }

  private void notPosted(Entry entry) {
    write(() -> dao.notPosted(entry.key(), instanceId));
  }

  private <T> T write(Supplier<T> write) {
    if (sqliteWriter == null) {
      return write.get();
    }
    sqliteWriter.lock();
    try {
      return write.get();
    } finally {
      sqliteWriter.unlock();
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 250 ? s : s.substring(0, 250);
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
