package io.rapport.flag;


import io.rapport.logs.LogText;
import io.rapport.away.AwayService;
import io.rapport.completion.CheckInTimes;
import io.rapport.completion.Completion;
import io.rapport.completion.Completions;
import io.rapport.completion.DueSlots;
import io.rapport.domain.Account;
import io.rapport.domain.Flag;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.outbox.Courier;
import io.rapport.outbox.Draft;
import io.rapport.outbox.Letter;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.slack.views.Rendered;
import org.jdbi.v3.core.Handle;
import io.rapport.slack.views.DigestMessage;
import io.rapport.slack.views.FlagMessages;
import io.rapport.store.FlagDao;
import io.rapport.store.FlagDigestDao;
import io.rapport.store.Store;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest DM to each manager, sent from Monday 08:00 in the manager's time zone about
 * the week before: new, open and closed flags of their teams, and reps who did not check in on
 * every key account (reps away that week are listed as away instead). One per (workspace, manager,
 * week), a message of the outbox; {@link DigestMessage} draws it.
 */
public final class ManagerDigest {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerDigest.class);
  static final LocalTime SEND_FROM = LocalTime.of(8, 0);

  private final Store store;
  /** The outbox kind of the digest. */
  public static final String KIND = "digest";
  private final Outbox outbox;
  private final UserTimeZones timeZones;
  private final AwayService away;
  private final Clock clock;
  private final Completions completions;

  public ManagerDigest(Store store, Outbox outbox, UserTimeZones timeZones, AwayService away, Clock clock) {
    this(store, outbox, timeZones, away, clock, new Completions(store, new CheckInTimes(store, timeZones, clock)));
  }

  public ManagerDigest(Store store, Outbox outbox, UserTimeZones timeZones, AwayService away, Clock clock,
      Completions completions) {
    this.away = away;
    this.store = store;
    this.outbox = outbox;
    outbox.register(KIND, new DigestCourier());
    this.timeZones = timeZones;
    this.clock = clock;
    this.completions = completions;
  }

  /** Sends every digest that is due now in {@code workspaceIds}; returns how many were sent. */
  public int sendDue(List<String> workspaceIds) {
    int sent = 0;
    for (String ws : workspaceIds) {
      Set<String> managers = store.teams().all(ws).stream().map(Team::managerId).flatMap(Optional::stream)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      for (String manager : managers) {
        try {
          ZonedDateTime local = ZonedDateTime.now(clock.withZone(timeZones.zoneOf(ws, manager)));
          if (local.getDayOfWeek() == DayOfWeek.MONDAY && local.toLocalTime().isBefore(SEND_FROM)) {
            continue;
          }
          IsoWeek week = IsoWeek.of(local.toLocalDate()).minusWeeks(1);
          if (send(ws, manager, week, local.getZone())) {
            sent++;
          }
        } catch (RuntimeException e) {
          LOG.error("Digest for manager {} in {} failed", manager, ws, LogText.withoutMessages(e));
        }
      }
    }
    return sent;
  }

  /** The outbox key of a manager's digest of one week. */
  public static String key(String ws, String manager, IsoWeek week) {
    return "digest:" + ws + ":" + manager + ":" + week;
  }

  /**
   * Sends the digest of {@code week} to {@code manager} unless it was sent already: a message of the
   * outbox, composed once when it is written (the week it covers is over, so it cannot change).
   */
  public boolean send(String ws, String manager, IsoWeek week, ZoneId zone) {
    String key = key(ws, manager, week);
    Optional<io.rapport.outbox.Entry> entry = outbox.find(key);
    if (entry.isPresent() && !entry.get().state().equals(io.rapport.outbox.Entry.PENDING)
        && !entry.get().state().equals(io.rapport.outbox.Entry.LEASED)) {
      return false;
    }
    if (entry.isEmpty()) {
      Rendered content = compose(ws, manager, week, zone).rendered();
      outbox.enqueue(Letter.of(key, ws, KIND, Letter.privately(List.of(manager)), clock.millis())
          .withContent(content.text(), content.blocks()));
    }
    Outcome outcome = outbox.deliver(key);
    if (outcome == Outcome.SENT || outcome == Outcome.RECOVERED) {
      LOG.info("Sent the {} digest to manager {} in {}", week, manager, ws);
      return true;
    }
    return false;
  }

  /** Records the sent digest in {@code flag_digests} with the outbox row. */
  private final class DigestCourier implements Courier {
    @Override
    public Draft compose(io.rapport.outbox.Entry entry) {
      return Draft.send(entry.target(), null, entry.text(), entry.blocks(), null);
    }

    @Override
    public void sent(Handle h, io.rapport.outbox.Entry entry, String channelId, String ts, String memo,
        boolean recovered) {
      String[] k = entry.key().split(":", 4);
      FlagDigestDao digests = h.attach(FlagDigestDao.class);
      long now = clock.millis();
      digests.claim(k[1], k[2], k[3], now);
      digests.markSent(k[1], k[2], k[3], channelId, ts, now);
    }
  }

  /** The digest's text and blocks for a manager and week. */
  public FlagMessages.Content compose(String ws, String manager, IsoWeek week, ZoneId zone) {
    return DigestMessage.render(digest(ws, manager, week, zone));
  }

  /** What the digest of a manager and week says. */
  public DigestMessage.Digest digest(String ws, String manager, IsoWeek week, ZoneId zone) {
    List<Team> teams = store.teams().managedBy(ws, manager);
    long start = week.monday().atStartOfDay(zone).toInstant().toEpochMilli();
    long end = week.plusWeeks(1).monday().atStartOfDay(zone).toInstant().toEpochMilli();
    List<String> teamIds = teams.stream().map(Team::id).toList();
    List<Flag> flags = teamIds.isEmpty() ? List.of()
        : store.jdbi().onDemand(FlagDao.class).ofTeamsSince(ws, teamIds, start, end);
    Map<String, String> names = new HashMap<>();
    List<DigestMessage.FlagLine> fresh = new ArrayList<>();
    List<DigestMessage.FlagLine> open = new ArrayList<>();
    List<DigestMessage.FlagLine> closed = new ArrayList<>();
    for (Flag f : flags) {
      String name = names.computeIfAbsent(f.accountId(),
          id -> store.accounts().find(ws, id).map(Account::name).orElse(id));
      DigestMessage.FlagLine line = new DigestMessage.FlagLine(name, f.pattern(), f.severity(), f.repId(),
          f.acknowledgedBy() != null, f.isOpen() ? null : f.status());
      if (f.openedAt() >= start) {
        fresh.add(line);
      }
      if (f.isOpen()) {
        open.add(line);
      } else if (f.closedAt() < end) {
        closed.add(line);
      }
    }
    Set<String> members = new LinkedHashSet<>();
    teams.forEach(t -> members.addAll(store.teams().members(ws, t.id())));
    return new DigestMessage.Digest(week, teams.stream().map(Team::name).toList(), fresh, open, closed,
        missingCheckIns(ws, teams, week), awayReps(ws, week, members));
  }

  /** Reps away in the digest's week or this week, with their last day away. */
  private List<DigestMessage.Away> awayReps(String ws, IsoWeek week, Set<String> members) {
    Map<String, LocalDate> until = new java.util.TreeMap<>();
    Map<String, Boolean> wasAway = new HashMap<>();
    for (IsoWeek w : List.of(week, week.plusWeeks(1))) {
      for (AwayService.AwayRep a : away.awayIn(ws, w, members)) {
        until.merge(a.repId(), a.lastDay(), (x, y) -> x.isAfter(y) ? x : y);
        wasAway.merge(a.repId(), w.equals(week), Boolean::logicalOr);
      }
    }
    List<DigestMessage.Away> reps = new ArrayList<>();
    until.forEach((rep, last) -> reps.add(new DigestMessage.Away(rep, wasAway.get(rep), last)));
    return reps;
  }

  /**
   * Reps with due check-ins of {@code week} unanswered, by the one completion rule (in which a rep's
   * away weeks are not due, so they are never missing).
   */
  private List<DigestMessage.Missing> missingCheckIns(String ws, List<Team> teams, IsoWeek week) {
    Set<String> reps = new java.util.LinkedHashSet<>();
    for (Team team : teams) {
      reps.addAll(store.teams().members(ws, team.id()));
    }
    DueSlots.Tally tally = completions.ofReps(ws, reps, week, week);
    List<DigestMessage.Missing> missing = new ArrayList<>();
    for (String rep : reps) {
      Completion c = tally.of(rep);
      if (c.missing() > 0) {
        missing.add(new DigestMessage.Missing(rep, c.missing(), c.due()));
      }
    }
    return missing;
  }
}
