package io.rapport.prompt;

import io.rapport.logs.LogText;
import io.rapport.away.AwayService;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.PromptDays;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.store.AccountDao;
import io.rapport.store.PromptDao;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import io.rapport.store.TeamDao;
import io.rapport.store.UserDao;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which prompts are due and has them sent. Each pass ({@link #runDue()}): for every rep of
 * a team that is not paused, the week's slot is the team's day and time in the rep's own Slack time
 * zone (computed as a {@link ZonedDateTime} each week, so daylight-saving changes and moves between
 * zones are followed); once it has passed, the week's {@code weekly} row is created. Weekly prompts
 * sent 24 hours ago with something still open get their one {@code reminder} row. Then every ready
 * row is sent by the {@link PromptSender} — including rows a crashed run left behind.
 *
 * <p>A team holiday on the schedule's day moves the slot to the next working day at the same time
 * (possibly into the next week: the row keeps the week it asks about). A rep who is away in the
 * week ({@link AwayService#awayAtPrompt}: an away period, or Slack's status read at the slot) gets
 * no row, so neither a prompt nor a reminder; a reminder whose week became an away week after the
 * prompt went is not created.
 *
 * <p>Passes run on a background timer in production ({@link #start}) and are called directly by
 * tests with a fixed clock. Everything a pass does is idempotent; several instances may run passes
 * against one database.
 */
public final class PromptScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PromptScheduler.class);
  public static final Duration REMINDER_AFTER = Duration.ofHours(24);
  /** Slots this close ahead refresh a stale time zone from Slack first (so at the slot it is still fresh). */
  private static final Duration REFRESH_ZONE_AHEAD = Duration.ofHours(20);

  /** What one pass did. */
  public record Pass(int created, int reminders, Map<Outcome, Integer> outcomes) {
    public int sent() {
      return outcomes.getOrDefault(Outcome.SENT, 0) + outcomes.getOrDefault(Outcome.RECOVERED, 0);
    }
  }

  private final Store store;
  private final DueAccounts dueAccounts;
  private final UserTimeZones timeZones;
  private final PromptSender sender;
  private final AwayService away;
  private final Clock clock;
  private final Object passLock = new Object();
  private ScheduledExecutorService timer;

  public PromptScheduler(Store store, DueAccounts dueAccounts, UserTimeZones timeZones, PromptSender sender,
      AwayService away, Clock clock) {
    this.store = store;
    this.dueAccounts = dueAccounts;
    this.timeZones = timeZones;
    this.sender = sender;
    this.away = away;
    this.clock = clock;
  }

  /** Runs a pass now, then every {@code period}: the first pass resumes whatever a previous run left. */
  public synchronized void start(Duration period) {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "prompt-scheduler");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        runDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("Prompt pass failed; the next one will try again", LogText.withoutMessages(e));
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass: create due rows, create reminders, send everything ready. */
  public Pass runDue() throws InterruptedException {
    synchronized (passLock) {
      // Rows go to the senders as soon as they are created, so sending overlaps the creation of
      // the rest; whatever is left (and anything a crashed run left) is picked up by sendReady.
      Map<String, java.util.concurrent.Future<Outcome>> early = new LinkedHashMap<>();
      int created = createDueWeeklyPrompts(row -> early.put(PromptSender.key(row), sender.submit(row)));
      created += reopenSkipped();
      int reminders = createReminders();
      Map<String, Outcome> outcomes = new LinkedHashMap<>();
      for (var e : early.entrySet()) {
        outcomes.put(e.getKey(), Outbox.await(e.getKey(), e.getValue()));
      }
      sendReady().forEach((key, outcome) -> outcomes.merge(key, outcome,
          (first, second) -> first == Outcome.NOT_CLAIMED ? second : first));
      Pass pass = new Pass(created, reminders, Outbox.tally(outcomes));
      if (created + reminders + outcomes.size() > 0) {
        LOG.info("Prompt pass: {} weekly and {} reminder rows created; {}", created, reminders, pass.outcomes());
      }
      return pass;
    }
  }

  /** The slot of {@code week} in {@code zone}: the schedule's day and local time there. */
  public static ZonedDateTime slot(WeeklySchedule schedule, IsoWeek week, ZoneId zone) {
    return slot(schedule, week, zone, Set.of());
  }

  /** The same, moved past the team's {@code holidays} to the next working day. */
  public static ZonedDateTime slot(WeeklySchedule schedule, IsoWeek week, ZoneId zone,
      Set<LocalDate> holidays) {
    return PromptDays.slot(schedule, week, zone, holidays);
  }

  /** Creates the weekly row of every rep whose slot this week has passed; returns how many. */
  int createDueWeeklyPrompts() {
    return createDueWeeklyPrompts(row -> { });
  }

  /** The same, handing each created row to {@code created} at once. */
  int createDueWeeklyPrompts(java.util.function.Consumer<PromptRow> created) {
    // One handle for the whole pass, its DAOs attached once: attaching a Jdbi SqlObject per query
    // costs more than the query.
    return store.jdbi().withHandle(h -> createDueWeeklyPrompts(h, created));
  }

  /**
   * The DAOs of one pass, attached once to its handle (attaching costs more than a query), and the
   * pass's team holidays ("workspace team" → days).
   */
  private record PassDaos(Handle handle, PromptDao prompts, UserDao users, AccountDao accounts,
      Map<String, Set<LocalDate>> holidays) {
    PassDaos(Handle h, Map<String, Set<LocalDate>> holidays) {
      this(h, h.attach(PromptDao.class), h.attach(UserDao.class), h.attach(AccountDao.class), holidays);
    }
  }

  private int createDueWeeklyPrompts(Handle h, java.util.function.Consumer<PromptRow> onCreated) {
    Instant now = clock.instant();
    TeamDao teamDao = h.attach(TeamDao.class);
    PassDaos daos = new PassDaos(h, away.allHolidays(LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(2)));
    Map<String, Map<String, List<Team>>> repsByWorkspace = new LinkedHashMap<>();
    for (Team team : teamDao.everywhere()) {
      if (team.paused()) {
        continue;
      }
      for (String rep : teamDao.members(team.workspaceId(), team.id())) {
        repsByWorkspace.computeIfAbsent(team.workspaceId(), w -> new LinkedHashMap<>())
            .computeIfAbsent(rep, r -> new ArrayList<>()).add(team);
      }
    }
    int created = 0;
    IsoWeek utcWeek = IsoWeek.of(LocalDate.ofInstant(now, ZoneOffset.UTC));
    for (var workspace : repsByWorkspace.entrySet()) {
      String ws = workspace.getKey();
      Set<String> existing = new HashSet<>(daos.prompts().repWeeks(ws, PromptKind.WEEKLY.id(),
          utcWeek.minusWeeks(2).toString(), utcWeek.plusWeeks(1).toString()));
      // Reps already known to be away those weeks are skipped like reps that have their row.
      away.awayWeeks(ws, utcWeek.minusWeeks(2), utcWeek.plusWeeks(1))
          .forEach((rep, weeks) -> weeks.forEach(w -> existing.add(rep + " " + w)));
      for (var repTeams : workspace.getValue().entrySet()) {
        String rep = repTeams.getKey();
        try {
          Optional<PromptRow> row = createIfDue(daos, ws, rep, repTeams.getValue(), now, existing);
          if (row.isPresent()) {
            created++;
            onCreated.accept(row.get());
          }
        } catch (RuntimeException e) {
          LOG.error("Could not schedule the prompt of {} in {}", rep, ws, LogText.withoutMessages(e));
        }
      }
    }
    return created;
  }

  private Optional<PromptRow> createIfDue(PassDaos daos, String ws, String rep, List<Team> teams, Instant now,
      Set<String> existing) {
    Optional<UserDao.TimeZoneRow> cached = daos.users().timeZone(ws, rep);
    ZoneId zone = cached.map(c -> zone(c.tz())).orElse(null);
    if (zone != null) {
      Optional<Slot> due = dueSlot(daos, teams, weekAt(now, zone), zone, existing, rep);
      if (due.isEmpty()) {
        return Optional.empty();
      }
      Instant slot = due.get().slot.toInstant();
      boolean fresh = now.toEpochMilli() - cached.get().fetchedAtMillis() < UserTimeZones.REFRESH_AFTER.toMillis();
      if (slot.isAfter(now.plus(REFRESH_ZONE_AHEAD)) || (fresh && now.isBefore(slot))) {
        return Optional.empty();
      }
      if (!fresh) {
        // Near (or past) the slot with a day-old zone: ask Slack again (users.info, once a day).
        zone = timeZones.zoneOf(ws, rep);
      }
    } else {
      zone = timeZones.zoneOf(ws, rep);
    }
    Optional<Slot> due = dueSlot(daos, teams, weekAt(now, zone), zone, existing, rep);
    if (due.isEmpty() || now.isBefore(due.get().slot.toInstant())) {
      return Optional.empty();
    }
    Slot earliest = due.get();
    IsoWeek week = earliest.week;
    if (away.awayAtPrompt(ws, rep, week, teams)) {
      existing.add(rep + " " + week);
      return Optional.empty();
    }
    long dueAt = earliest.slot.toInstant().toEpochMilli();
    if (!ensureWeekly(daos, ws, rep, week, dueAt, earliest.team.id(), teams)) {
      return Optional.empty();
    }
    return Optional.of(new PromptRow(ws, rep, week.toString(), PromptKind.WEEKLY.id(), "pending", dueAt, null, null,
        null, null, 0, null, null, null, earliest.team.id(), null));
  }

  private static ZoneId zone(String tz) {
    try {
      return ZoneId.of(tz);
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private record Slot(Team team, IsoWeek week, ZonedDateTime slot) {}

  /**
   * The slot to consider now for a rep without a row: last week's when a holiday moved it into this
   * week and it has no row yet, otherwise this week's (empty when that has its row too).
   */
  private static Optional<Slot> dueSlot(PassDaos daos, List<Team> teams, IsoWeek week, ZoneId zone,
      Set<String> existing, String rep) {
    IsoWeek previous = week.minusWeeks(1);
    if (!existing.contains(rep + " " + previous)) {
      Slot moved = earliestSlot(daos.holidays(), teams, previous, zone);
      if (!IsoWeek.of(moved.slot.toLocalDate()).equals(previous)) {
        return Optional.of(moved);
      }
    }
    return existing.contains(rep + " " + week) ? Optional.empty()
        : Optional.of(earliestSlot(daos.holidays(), teams, week, zone));
  }

  private static Slot earliestSlot(Map<String, Set<LocalDate>> holidays, List<Team> teams, IsoWeek week,
      ZoneId zone) {
    Slot best = null;
    for (Team team : teams) {
      ZonedDateTime s = slot(team.schedule(), week, zone,
          holidays.getOrDefault(team.workspaceId() + " " + team.id(), Set.of()));
      if (best == null || s.isBefore(best.slot)) {
        best = new Slot(team, week, s);
      }
    }
    return best;
  }

  static IsoWeek weekAt(Instant now, ZoneId zone) {
    return IsoWeek.of(now.atZone(zone).toLocalDate());
  }

  /**
   * Creates the rep's weekly row for {@code week} (once) together with the (team, week, account)
   * slots it asks about; returns false when the row existed or the rep has no key accounts.
   */
  boolean ensureWeekly(String ws, String rep, IsoWeek week, long dueAt, String teamId, List<Team> teams) {
    return store.jdbi().withHandle(h -> ensureWeekly(new PassDaos(h, Map.of()), ws, rep, week, dueAt, teamId, teams));
  }

  private boolean ensureWeekly(PassDaos daos, String ws, String rep, IsoWeek week, long dueAt, String teamId,
      List<Team> teams) {
    List<Account> keyAccounts = DueAccounts.keyAccounts(daos.accounts(), ws, rep);
    if (keyAccounts.isEmpty()) {
      return false;
    }
    long now = clock.millis();
    List<String> teamIds = teams.isEmpty() ? List.of("") : teams.stream().map(Team::id).toList();
    return sender.gate().write(() -> daos.handle().inTransaction(t -> {
      PromptDao dao = daos.prompts();
      if (dao.create(ws, rep, week.toString(), PromptKind.WEEKLY.id(), dueAt, teamId, now) == 0) {
        return false;
      }
      for (String team : teamIds) {
        for (Account a : keyAccounts) {
          dao.addSlot(ws, team, week.toString(), a.id(), rep, now);
        }
      }
      return true;
    }));
  }

  /**
   * Judges again the weekly rows skipped because nothing was due: a row whose rep now has a due
   * key account (one added or made key since) goes back to the senders. Returns how many.
   */
  int reopenSkipped() {
    IsoWeek from = IsoWeek.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).minusWeeks(1);
    int reopened = 0;
    for (PromptRow row : store.prompts().skippedWeekly(from.toString())) {
      try {
        if (reopenIfDue(row.workspaceId(), row.repId(), IsoWeek.parse(row.week()))) {
          reopened++;
        }
      } catch (RuntimeException e) {
        LOG.error("Could not judge again the skipped prompt {}", row.key(), LogText.withoutMessages(e));
      }
    }
    return reopened;
  }

  /**
   * When the rep's weekly row for {@code week} was skipped for "nothing due" and something is due
   * now, records the new (team, week, account) slots and gives the row back to the senders.
   */
  public boolean reopenIfDue(String ws, String rep, IsoWeek week) {
    Optional<PromptRow> row = store.prompts().find(ws, rep, week.toString(), PromptKind.WEEKLY.id());
    if (row.isEmpty() || !row.get().status().equals("skipped")) {
      return false;
    }
    if (!week.equals(weekAt(clock.instant(), timeZones.cachedZoneOf(ws, rep).orElse(ZoneOffset.UTC)))) {
      return false;
    }
    List<Account> due = dueAccounts.of(ws, rep, week);
    if (due.isEmpty() || away.awayReps(ws, week).contains(rep)) {
      return false;
    }
    long now = clock.millis();
    List<Team> teams = store.teams().ofMember(ws, rep);
    List<String> teamIds = teams.isEmpty() ? List.of("") : teams.stream().map(Team::id).toList();
    return sender.gate().write(() -> store.jdbi().inTransaction(h -> {
      PromptDao dao = h.attach(PromptDao.class);
      if (dao.reopenSkipped(ws, rep, week.toString(), PromptKind.WEEKLY.id()) == 0) {
        return false;
      }
      dao.find(ws, rep, week.toString(), PromptKind.WEEKLY.id()).ifPresent(r -> PromptSender.reopen(h, r, now));
      for (String team : teamIds) {
        for (Account a : due) {
          dao.addSlot(ws, team, week.toString(), a.id(), rep, now);
        }
      }
      LOG.info("Prompt {}:{}:{} had nothing due; {} due now, so it goes out after all", ws, rep, week, due.size());
      return true;
    }));
  }

  /** Creates the one reminder of weekly prompts sent at least 24 hours ago; returns how many. */
  int createReminders() {
    Instant now = clock.instant();
    IsoWeek from = IsoWeek.of(LocalDate.ofInstant(now, ZoneOffset.UTC)).minusWeeks(1);
    int created = 0;
    Map<String, Set<String>> awayByWeek = new java.util.HashMap<>();
    for (PromptRow weekly : store.prompts().needingReminder(now.toEpochMilli() - REMINDER_AFTER.toMillis(),
        from.toString())) {
      if (awayByWeek.computeIfAbsent(weekly.workspaceId() + " " + weekly.week(),
          k -> away.awayReps(weekly.workspaceId(), IsoWeek.parse(weekly.week()))).contains(weekly.repId())) {
        continue; // marked away after this week's prompt went: no reminder
      }
      created += store.prompts().create(weekly.workspaceId(), weekly.repId(), weekly.week(),
          PromptKind.REMINDER.id(), weekly.sentAt() + REMINDER_AFTER.toMillis(), weekly.teamId(), now.toEpochMilli());
    }
    return created;
  }

  /** Sends every prompt that is ready (the outbox's rows of kind prompt), including any a crashed run left. */
  Map<String, Outcome> sendReady() throws InterruptedException {
    return sender.sendReady();
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
  }
}
