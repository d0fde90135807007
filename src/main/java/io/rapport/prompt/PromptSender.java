package io.rapport.prompt;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.outbox.Courier;
import io.rapport.outbox.Draft;
import io.rapport.outbox.Entry;
import io.rapport.outbox.Letter;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.slack.views.PromptMessage;
import io.rapport.slack.views.Rendered;
import io.rapport.store.AccountDao;
import io.rapport.store.CheckInDao;
import io.rapport.store.PromptDao;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import io.rapport.store.UserDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Weekly prompts, reminders and snoozes as messages of the {@link Outbox} (kind {@value #KIND},
 * key {@code prompt:<workspace>:<rep>:<week>:<kind>}, to the rep's DM). Every {@code prompts} row
 * still waiting is given its letter; the outbox leases, posts, recovers and retries, and this
 * courier renders the prompt when its turn comes — the accounts due then, in the rep's own words
 * for the day — or ends it: expired when its week is over, skipped when nothing is due any more or
 * a snooze cancelled it. The outcome is written to the prompt row with the outbox row.
 */
public final class PromptSender implements Courier {
  /** The outbox kind of prompts. */
  public static final String KIND = "prompt";
  private static final String PREFIX = KIND + ":";

  private final Store store;
  private final Outbox outbox;
  private final ZoneLookup zones;
  private final Clock clock;
  private final WriteGate gate;

  /** The rep's time zone as the sender sees it (cached; never blocks on Slack when it can avoid it). */
  @FunctionalInterface
  public interface ZoneLookup {
    ZoneId zoneOf(String workspaceId, String repId);
  }

  public PromptSender(Store store, Outbox outbox, ZoneLookup zones, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.zones = zones;
    this.clock = clock;
    this.gate = new WriteGate(store.database().dialect());
    outbox.register(KIND, this);
  }

  /** The gate the scheduler's writes go through (one SQLite writer of this process at a time). */
  public WriteGate gate() {
    return gate;
  }

  public String instanceId() {
    return outbox.instanceId();
  }

  /** The outbox key of a prompt row. */
  public static String key(PromptRow row) {
    return PREFIX + row.key();
  }

  /** The letter of a prompt row. */
  public static Letter letter(PromptRow row) {
    return Letter.of(key(row), row.workspaceId(), KIND, Letter.privately(List.of(row.repId())), row.dueAt());
  }

  /** Puts the row's letter in the outbox (once) and sends it on the outbox's workers. */
  public Future<Outcome> submit(PromptRow row) {
    outbox.enqueue(letter(row));
    return outbox.submit(key(row));
  }

  /** Sends every row (giving each its letter first) and waits; the outcome of each, by outbox key. */
  public Map<String, Outcome> deliverAll(List<PromptRow> rows) throws InterruptedException {
    List<String> keys = new ArrayList<>(rows.size());
    for (PromptRow row : rows) {
      outbox.enqueue(letter(row));
      keys.add(key(row));
    }
    return outbox.deliverAll(keys);
  }

  /**
   * Gives every waiting prompt row its letter (rows written by any path: the schedule, reminders,
   * snoozes, prompt-now, a run that died), then sends every prompt that is ready.
   */
  public Map<String, Outcome> sendReady() throws InterruptedException {
    for (PromptRow row : store.prompts().pendingWithoutLetter()) {
      outbox.enqueue(letter(row));
    }
    return outbox.deliverReady(List.of(KIND));
  }

  /** A prompt row skipped for "nothing due" goes out after all (in the caller's transaction). */
  static void reopen(Handle h, PromptRow row, long now) {
    Outbox.reopen(h, key(row), now);
  }

  /** The outbox's record of a prompt row, if it has one. */
  public Optional<Entry> entry(PromptRow row) {
    return outbox.find(key(row));
  }

  private static Optional<PromptRow> row(PromptDao dao, Entry entry) {
    String[] k = entry.key().substring(PREFIX.length()).split(":", 4);
    return k.length == 4 ? dao.find(k[0], k[1], k[2], k[3]) : Optional.empty();
  }

  @Override
  public Draft compose(Entry entry) {
    PromptDao dao = store.prompts();
    Optional<PromptRow> found = row(dao, entry);
    if (found.isEmpty()) {
      return Draft.skip("no prompt row");
    }
    PromptRow row = found.get();
    if (!"pending".equals(row.status()) && !"claimed".equals(row.status())) {
      return Draft.skip("the prompt is " + row.status());
    }
    String ws = row.workspaceId();
    String rep = row.repId();
    IsoWeek week = IsoWeek.parse(row.week());
    PromptKind kind = PromptKind.of(row.kind());
    ZoneId zone = zone(ws, rep);
    IsoWeek current = IsoWeek.of(clock.instant().atZone(zone).toLocalDate());
    // A weekly prompt a team holiday moved into the next week is still current in that week.
    boolean movedIntoThisWeek = kind == PromptKind.WEEKLY
        && IsoWeek.of(Instant.ofEpochMilli(row.dueAt()).atZone(zone).toLocalDate()).equals(current);
    if (!week.equals(current) && !movedIntoThisWeek) {
      return Draft.expire("week " + week + " had ended (now " + current + ")");
    }
    List<Account> due = DueAccounts.of(store.accounts(), store.checkIns(), ws, rep, week);
    if (due.isEmpty()) {
      return Draft.skip("nothing due");
    }
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    Rendered message = PromptMessage.promptMessage(row.key(), kind, week, due, today);
    return Draft.send(entry.target(), null, message.text(), message.blocks(), ids(due));
  }

  @Override
  public void sent(Handle h, Entry entry, String channelId, String ts, String memo, boolean recovered) {
    PromptDao dao = h.attach(PromptDao.class);
    row(dao, entry).ifPresent(row -> {
      String accounts = memo != null ? memo : ids(DueAccounts.of(h.attach(AccountDao.class),
          h.attach(CheckInDao.class), row.workspaceId(), row.repId(), IsoWeek.parse(row.week())));
      dao.markSent(row.workspaceId(), row.repId(), row.week(), row.kind(), outbox.instanceId(), channelId, ts,
          accounts, clock.millis());
    });
  }

  /** While its prompt row still waits to go, only the outbox row keeps it from being sent twice. */
  @Override
  public boolean stillNeeds(Entry entry) {
    return row(store.prompts(), entry).map(r -> "pending".equals(r.status()) || "claimed".equals(r.status()))
        .orElse(false);
  }

  @Override
  public void ended(Handle h, Entry entry, String state, String reason) {
    PromptDao dao = h.attach(PromptDao.class);
    row(dao, entry).ifPresent(row -> dao.finish(row.workspaceId(), row.repId(), row.week(), row.kind(),
        outbox.instanceId(), state, reason));
  }

  private ZoneId zone(String ws, String rep) {
    Optional<UserDao.TimeZoneRow> cached = store.users().timeZone(ws, rep);
    if (cached.isPresent()) {
      try {
        return ZoneId.of(cached.get().tz());
      } catch (java.time.DateTimeException e) {
        return java.time.ZoneOffset.UTC;
      }
    }
    return zones.zoneOf(ws, rep);
  }

  private static String ids(List<Account> due) {
    return due.stream().map(Account::id).collect(Collectors.joining(","));
  }
}
