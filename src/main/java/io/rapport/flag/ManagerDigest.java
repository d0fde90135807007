package io.rapport.flag;

import io.rapport.slack.views.SlackText;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.rapport.away.AwayService;
import io.rapport.away.DateWords;
import io.rapport.completion.CheckInTimes;
import io.rapport.completion.Completion;
import io.rapport.completion.Completions;
import io.rapport.completion.DueSlots;
import io.rapport.domain.Account;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.outbox.Courier;
import io.rapport.outbox.Draft;
import io.rapport.outbox.Letter;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.slack.views.Rendered;
import org.jdbi.v3.core.Handle;
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
 * every key account (reps away that week are listed as away instead). One per (workspace, manager, week), claimed before it is sent. Long lists are
 * cut with a count of the rest, so the message always fits Slack's limits.
 */
public final class ManagerDigest {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerDigest.class);
  static final LocalTime SEND_FROM = LocalTime.of(8, 0);
  static final int MAX_LINES = 15;
  private static final int SECTION_LIMIT = 2900;

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
          LOG.error("Digest for manager {} in {} failed", manager, ws, e);
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
    List<Team> teams = store.teams().managedBy(ws, manager);
    long start = week.monday().atStartOfDay(zone).toInstant().toEpochMilli();
    long end = week.plusWeeks(1).monday().atStartOfDay(zone).toInstant().toEpochMilli();
    List<String> teamIds = teams.stream().map(Team::id).toList();
    List<Flag> flags = teamIds.isEmpty() ? List.of()
        : store.jdbi().onDemand(FlagDao.class).ofTeamsSince(ws, teamIds, start, end);
    Map<String, String> names = new HashMap<>();
    List<String> fresh = new ArrayList<>();
    List<String> open = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    for (Flag f : flags) {
      String name = names.computeIfAbsent(f.accountId(),
          id -> store.accounts().find(ws, id).map(Account::name).orElse(id));
      String line = "• *" + SlackText.escape(name) + "* — " + FlagMessages.patternTitle(f.pattern()) + " ("
          + FlagMessages.severityWords(f.severity()) + "), rep <@" + f.repId() + ">";
      if (f.openedAt() >= start) {
        fresh.add(line);
      }
      if (f.isOpen()) {
        open.add(line + (f.acknowledgedBy() != null ? " · acknowledged" : " · *not acknowledged*"));
      } else if (f.closedAt() < end) {
        closed.add(line + " · " + closedWords(f.status()));
      }
    }
    Set<String> members = new LinkedHashSet<>();
    teams.forEach(t -> members.addAll(store.teams().members(ws, t.id())));
    List<String> missing = missingCheckIns(ws, teams, week);
    List<String> awayLines = awayLines(ws, week, members);

    List<LayoutBlock> blocks = new ArrayList<>();
    String title = "Rapport weekly digest — " + week;
    blocks.add(header(h -> h.text(plainText(title))));
    String teamNames = teams.isEmpty() ? "You no longer manage a team."
        : "Teams: " + teams.stream().map(t -> SlackText.escape(t.name())).collect(Collectors.joining(", "));
    blocks.add(context(c -> c.elements(List.of(markdownText(limit(teamNames))))));
    blocks.add(listSection("New flags", fresh, "No new flags."));
    blocks.add(listSection("Open flags", open, "No open flags."));
    blocks.add(listSection("Closed this week", closed, "None closed."));
    blocks.add(listSection("Did not check in on every key account", missing, "Everyone checked in."));
    if (!awayLines.isEmpty()) {
      blocks.add(listSection("Away", awayLines, ""));
    }
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "The full picture: `/relationship-report`. Discuss flags in their threads.")))));
    String text = title + ": " + fresh.size() + " new, " + open.size() + " open, " + closed.size()
        + " closed flags; " + missing.size() + " reps missed check-ins"
        + (awayLines.isEmpty() ? "" : "; " + awayLines.size() + " away") + ".";
    return new FlagMessages.Content(text, blocks);
  }

  /** Reps away in the digest's week or this week, with their last day away. */
  private List<String> awayLines(String ws, IsoWeek week, Set<String> members) {
    Map<String, LocalDate> until = new java.util.TreeMap<>();
    Map<String, Boolean> wasAway = new HashMap<>();
    for (IsoWeek w : List.of(week, week.plusWeeks(1))) {
      for (AwayService.AwayRep a : away.awayIn(ws, w, members)) {
        until.merge(a.repId(), a.lastDay(), (x, y) -> x.isAfter(y) ? x : y);
        wasAway.merge(a.repId(), w.equals(week), Boolean::logicalOr);
      }
    }
    List<String> lines = new ArrayList<>();
    until.forEach((rep, last) -> lines.add("• <@" + rep + "> — "
        + (wasAway.get(rep) ? "away that week" : "away this week") + ", until "
        + DateWords.show(last, week.monday().getYear())));
    return lines;
  }

  /**
   * Reps with due check-ins of {@code week} unanswered, by the one completion rule (in which a rep's
   * away weeks are not due, so they are never missing).
   */
  private List<String> missingCheckIns(String ws, List<Team> teams, IsoWeek week) {
    Set<String> reps = new java.util.LinkedHashSet<>();
    for (Team team : teams) {
      reps.addAll(store.teams().members(ws, team.id()));
    }
    DueSlots.Tally tally = completions.ofReps(ws, reps, week, week);
    List<String> lines = new ArrayList<>();
    for (String rep : reps) {
      Completion c = tally.of(rep);
      if (c.missing() > 0) {
        lines.add("• <@" + rep + "> — " + c.missing() + " of " + c.due() + " due check-ins unanswered");
      }
    }
    return lines;
  }

  static LayoutBlock listSection(String heading, List<String> lines, String none) {
    StringBuilder b = new StringBuilder("*").append(heading).append(" (").append(lines.size()).append(")*\n");
    if (lines.isEmpty()) {
      b.append(none);
    }
    int shown = 0;
    for (String line : lines) {
      String more = "\n…and " + (lines.size() - shown) + " more";
      if (shown == MAX_LINES || b.length() + line.length() + 1 + more.length() > SECTION_LIMIT) {
        b.append("…and ").append(lines.size() - shown).append(" more");
        break;
      }
      b.append(line).append('\n');
      shown++;
    }
    String text = b.toString().stripTrailing();
    return section(s -> s.text(markdownText(text)));
  }

  private static String closedWords(FlagStatus status) {
    return switch (status) {
      case RESOLVED -> "resolved";
      case FALSE_ALARM -> "false alarm";
      case EXPIRED -> "closed itself";
      case OPEN -> "open";
    };
  }

  private static String limit(String s) {
    return s.length() <= SECTION_LIMIT ? s : s.substring(0, SECTION_LIMIT - 1) + "…";
  }
}
