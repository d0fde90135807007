package io.rapport.prompt;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.out.SlackCallException;
import io.rapport.slack.out.SlackCalls;
import io.rapport.slack.out.Ticker;
import io.rapport.store.AccountDao;
import io.rapport.store.CheckInDao;
import io.rapport.store.PromptDao;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import io.rapport.store.UserDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends prompt rows exactly once: claims the row (one UPDATE that only one instance can win), opens
 * the DM, checks the DM's history first when an earlier attempt may have posted, posts the prompt
 * with metadata naming the prompt, and marks the row sent with the message ts. A permanent Slack
 * error ends the row as {@code failed}; a transient one gives it back for a later try. Rows are sent
 * by a small pool of workers, so one slow or failing rep never holds up the others.
 */
public final class PromptSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PromptSender.class);
  /** A claim not renewed for this long is taken to belong to a dead instance. */
  public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
  /** After this many claims, a row that still fails is given up on (recorded as failed). */
  static final int MAX_ATTEMPTS = 10;
  private static final int HISTORY_LIMIT = 100;
  /** Errors of a post to a remembered DM after which the DM is opened again. */
  private static final java.util.Set<String> STALE_DM_ERRORS =
      java.util.Set.of("channel_not_found", "is_archived", "not_in_channel");

  /** What became of one row. */
  public enum Outcome {
    /** Posted now. */
    SENT,
    /** An earlier attempt had posted it (found in the DM's history); recorded, not re-sent. */
    RECOVERED,
    /** Nothing was due any more when its turn came. */
    SKIPPED,
    /** Its week ended before it could go. */
    EXPIRED,
    /** A permanent error (recorded on the row). */
    FAILED,
    /** A transient failure; the row goes again later. */
    RETRY_LATER,
    /** Someone else holds or finished it. */
    NOT_CLAIMED
  }

  private final Store store;
  private final SlackCalls slack;
  private final ZoneLookup zones;
  private final Clock clock;
  private final Ticker ticker;
  private final String instanceId;
  private final ExecutorService workers;
  private final WriteGate gate;

  /** The rep's time zone as the sender sees it (cached; never blocks on Slack when it can avoid it). */
  @FunctionalInterface
  public interface ZoneLookup {
    ZoneId zoneOf(String workspaceId, String repId);
  }

  public PromptSender(Store store, SlackCalls slack, ZoneLookup zones, Clock clock,
      Ticker ticker, String instanceId, int workerCount) {
    this.store = store;
    this.slack = slack;
    this.zones = zones;
    this.clock = clock;
    this.ticker = ticker;
    this.instanceId = instanceId;
    this.gate = new WriteGate(store.database().dialect());
    this.daos = Daos.of(store);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workerCount, r -> {
      Thread t = new Thread(r, "prompt-sender-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The gate this sender's writes go through (the scheduler's writes use it too). */
  public WriteGate gate() {
    return gate;
  }

  public String instanceId() {
    return instanceId;
  }

  /** Sends {@code row} on the worker pool. */
  public Future<Outcome> submit(PromptRow row) {
    return workers.submit(() -> deliver(row));
  }

  /** The outcome of a submitted row (a failure inside counts as "try again later"). */
  public static Outcome await(String key, Future<Outcome> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      LOG.error("Sending prompt {} failed unexpectedly", key, e.getCause());
      return Outcome.RETRY_LATER;
    }
  }

  /** Sends every row on the worker pool and waits; returns the outcome of each, by row key. */
  public Map<String, Outcome> deliverAll(List<PromptRow> rows) throws InterruptedException {
    List<Future<Outcome>> futures = new ArrayList<>(rows.size());
    for (PromptRow row : rows) {
      futures.add(workers.submit(() -> deliver(row)));
    }
    Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      try {
        outcomes.put(rows.get(i).key(), futures.get(i).get());
      } catch (ExecutionException e) {
        LOG.error("Sending prompt {} failed unexpectedly", rows.get(i).key(), e.getCause());
        outcomes.put(rows.get(i).key(), Outcome.RETRY_LATER);
      }
    }
    return outcomes;
  }

  /** Counts of outcomes. */
  public static Map<Outcome, Integer> tally(Map<String, Outcome> outcomes) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    outcomes.values().forEach(o -> counts.merge(o, 1, Integer::sum));
    return counts;
  }

  /** Claims and sends one row (if nobody else has it). */
  public Outcome deliver(PromptRow row) {
    return deliver(daos, daos.prompts(), row);
  }

  /**
   * The DAOs the workers share, made once: each call borrows a pooled connection only for its
   * statement, so no connection is held while a worker waits on Slack.
   */
  private record Daos(PromptDao prompts, UserDao users, AccountDao accounts, CheckInDao checkIns) {
    static Daos of(Store store) {
      return new Daos(store.jdbi().onDemand(PromptDao.class), store.jdbi().onDemand(UserDao.class),
          store.jdbi().onDemand(AccountDao.class), store.jdbi().onDemand(CheckInDao.class));
    }
  }

  private final Daos daos;

  private Outcome deliver(Daos h, PromptDao dao, PromptRow row) {
    long now = clock.millis();
    if (gate.write(() -> dao.claim(row.workspaceId(), row.repId(), row.week(), row.kind(), instanceId, now,
        now - CLAIM_LEASE.toMillis())) == 0) {
      return Outcome.NOT_CLAIMED;
    }
    PromptRow claimed = dao.find(row.workspaceId(), row.repId(), row.week(), row.kind()).orElseThrow();
    try {
      return send(h, dao, claimed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(dao, claimed, "interrupted", Duration.ZERO);
      return Outcome.RETRY_LATER;
    } catch (RuntimeException e) {
      LOG.error("Sending prompt {} failed", claimed.key(), e);
      release(dao, claimed, "error: " + e.getClass().getSimpleName(), slack.backoff(claimed.attempts()));
      return Outcome.RETRY_LATER;
    }
  }

  private Outcome send(Daos h, PromptDao dao, PromptRow row) throws InterruptedException {
    String ws = row.workspaceId();
    String rep = row.repId();
    IsoWeek week = IsoWeek.parse(row.week());
    PromptKind kind = PromptKind.of(row.kind());
    ZoneId zone = h.users().timeZone(ws, rep).map(z -> parseZone(z.tz()))
        .orElseGet(() -> zones.zoneOf(ws, rep));
    IsoWeek current = IsoWeek.of(clock.instant().atZone(zone).toLocalDate());
    // A weekly prompt a team holiday moved into the next week is still current in that week.
    boolean movedIntoThisWeek = kind == PromptKind.WEEKLY
        && IsoWeek.of(Instant.ofEpochMilli(row.dueAt()).atZone(zone).toLocalDate()).equals(current);
    if (!week.equals(current) && !movedIntoThisWeek) {
      finish(dao, row, "expired", "week " + week + " had ended (now " + current + ")");
      return Outcome.EXPIRED;
    }
    if (row.attempts() > MAX_ATTEMPTS) {
      finish(dao, row, "failed", "gave up after " + MAX_ATTEMPTS + " tries: " + row.lastError());
      return Outcome.FAILED;
    }
    List<Account> due = DueAccounts.of(h.accounts(), h.checkIns(), ws, rep, week);
    if (due.isEmpty()) {
      finish(dao, row, "skipped", "nothing due");
      return Outcome.SKIPPED;
    }
    // The DM of an earlier prompt is reused: a rep's DM with the bot never changes, and
    // conversations.open is Tier 3 (~50 a minute) — the first week of a big workspace is paced by
    // it, later weeks need none.
    Optional<String> known = dao.knownDm(ws, rep);
    String channel;
    if (known.isPresent()) {
      channel = known.get();
    } else {
      try {
        channel = openDm(row);
      } catch (SlackCallException e) {
        return failed(dao, row, e);
      }
    }
    boolean reusedDm = known.isPresent();
    // A row claimed before may have been posted by the claimer that died or timed out.
    boolean mayHavePosted = row.attempts() > 1;
    int failures = 0;
    while (true) {
      if (mayHavePosted) {
        Optional<String> ts;
        try {
          ts = findPosted(channel, row.key());
        } catch (SlackCallException e) {
          return failed(dao, row, e);
        }
        if (ts.isPresent()) {
          markSent(dao, row, channel, ts.get(), due);
          LOG.info("Prompt {} had been posted before ({}); recorded, not re-sent", row.key(), ts.get());
          return Outcome.RECOVERED;
        }
      }
      // Keep the claim fresh across retries (the first try follows the claim at once).
      if ((mayHavePosted || failures > 0) && gate.write(() -> dao.renew(ws, rep, row.week(), row.kind(), instanceId,
          clock.millis())) == 0) {
        LOG.warn("Lost the claim on prompt {}; leaving it to its new owner", row.key());
        return Outcome.NOT_CLAIMED;
      }
      java.time.LocalDate today = clock.instant().atZone(zone).toLocalDate();
      List<LayoutBlock> blocks = PromptMessage.prompt(row.key(), kind, week, due, today);
      String text = PromptMessage.text(kind, week, due, today);
      String to = channel;
      try {
        ChatPostMessageResponse r = slack.callOnce("chat.postMessage", to, m -> m.chatPostMessage(req -> req
            .channel(to).text(text).blocks(blocks).metadata(PromptMessage.metadata(row.key()))
            .unfurlLinks(false).unfurlMedia(false)));
        return markSent(dao, row, to, r.getTs(), due) ? Outcome.SENT : Outcome.NOT_CLAIMED;
      } catch (SlackCallException e) {
        if (reusedDm && e.permanent() && STALE_DM_ERRORS.contains(e.error())) {
          // The remembered DM is gone (Slack does not say why): open it afresh, once.
          reusedDm = false;
          try {
            channel = openDm(row);
          } catch (SlackCallException openFailed) {
            return failed(dao, row, openFailed);
          }
          continue;
        }
        if (e.permanent() || !e.uncertain()) {
          return failed(dao, row, e);
        }
        failures++;
        mayHavePosted = true;
        if (failures >= slack.limiter().limits().transientAttempts()) {
          return failed(dao, row, e);
        }
        LOG.info("Posting prompt {} failed ({}); checking and trying again", row.key(), e.error());
        ticker.sleepNanos(slack.backoff(failures).toNanos());
      }
    }
  }

  private String openDm(PromptRow row) throws SlackCallException, InterruptedException {
    ConversationsOpenResponse r = slack.call("conversations.open", null,
        m -> m.conversationsOpen(req -> req.users(List.of(row.repId()))));
    if (r.getChannel() == null || r.getChannel().getId() == null) {
      throw new SlackCallException("conversations.open", "no_channel", false, false, null);
    }
    return r.getChannel().getId();
  }

  /** Looks for Rapport's message for {@code key} among the DM's recent messages. */
  Optional<String> findPosted(String channel, String key) throws SlackCallException, InterruptedException {
    ConversationsHistoryResponse r = slack.call("conversations.history", null,
        m -> m.conversationsHistory(req -> req.channel(channel).limit(HISTORY_LIMIT).includeAllMetadata(true)));
    if (r.getMessages() == null) {
      return Optional.empty();
    }
    for (Message message : r.getMessages()) {
      if (isPromptFor(message, key)) {
        return Optional.ofNullable(message.getTs());
      }
    }
    return Optional.empty();
  }

  static boolean isPromptFor(Message message, String key) {
    Message.Metadata metadata = message.getMetadata();
    if (metadata != null && PromptMessage.EVENT_TYPE.equals(metadata.getEventType())
        && metadata.getEventPayload() != null && key.equals(metadata.getEventPayload().get("key"))) {
      return true;
    }
    return message.getBlocks() != null && message.getBlocks().stream()
        .anyMatch(b -> Objects.equals(PromptMessage.BLOCK_ID_PREFIX + key, b.getBlockId()));
  }

  private boolean markSent(PromptDao dao, PromptRow row, String channel, String ts, List<Account> due) {
    String ids = due.stream().map(Account::id).collect(Collectors.joining(","));
    int n = gate.write(() -> dao.markSent(row.workspaceId(), row.repId(), row.week(), row.kind(), instanceId,
        channel, ts, ids, clock.millis()));
    if (n == 0) {
      LOG.warn("Prompt {} was posted ({}) but its claim had been taken over meanwhile", row.key(), ts);
    }
    return n == 1;
  }

  private Outcome failed(PromptDao dao, PromptRow row, SlackCallException e) {
    if (e.permanent()) {
      LOG.warn("Prompt {} cannot be sent: {} ({})", row.key(), e.error(), e.method());
      finish(dao, row, "failed", e.method() + ": " + e.error());
      return Outcome.FAILED;
    }
    Duration wait = slack.backoff(row.attempts()).plus(slack.limiter().limits().backoffBase());
    LOG.info("Prompt {} will be tried again: {} ({})", row.key(), e.error(), e.method());
    release(dao, row, e.method() + ": " + e.error(), wait);
    return Outcome.RETRY_LATER;
  }

  private void finish(PromptDao dao, PromptRow row, String status, String reason) {
    gate.write(() -> dao.finish(row.workspaceId(), row.repId(), row.week(), row.kind(), instanceId, status,
        truncate(reason)));
  }

  private void release(PromptDao dao, PromptRow row, String reason, Duration wait) {
    gate.write(() -> dao.release(row.workspaceId(), row.repId(), row.week(), row.kind(), instanceId,
        truncate(reason), clock.millis() + wait.toMillis()));
  }

  private static ZoneId parseZone(String tz) {
    try {
      return ZoneId.of(tz);
    } catch (java.time.DateTimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 250 ? s : s.substring(0, 250);
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
