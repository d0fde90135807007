package io.rapport.flag;

import io.rapport.logs.LogText;
import io.rapport.checkin.CheckInListener;
import io.rapport.away.AwayService;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Analyzer;
import io.rapport.insight.Audience;
import io.rapport.insight.Pattern;
import io.rapport.insight.BookContext;
import io.rapport.insight.Finding;
import io.rapport.insight.Severity;
import io.rapport.slack.views.FlagMessages;
import io.rapport.store.FlagDao;
import io.rapport.store.FlagPlanDao;
import io.rapport.store.BoundedWrites;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags (SPEC §5, §7): judges accounts with the insight core and keeps their flags in line with the
 * findings, and carries out what people do with a flag (acknowledge, plan, false alarm, resolve).
 *
 * <p>Judging an account compares its findings with its open flags. A new finding opens a flag —
 * at most one open per (workspace, account, pattern), enforced by the unique index, so a second
 * concurrent judge opens nothing — unless a false alarm suppresses the pattern or it was resolved
 * within the grace weeks. An open flag whose pattern rose from watch to warning, shows fresh
 * evidence (at most once a week), stopped showing, or shows again records a history event with a
 * thread note; a flag quiet for the team's quiet weeks closes itself. Every change is keyed, so
 * judging the same data again changes nothing. {@link FlagDelivery} then brings Slack in line.
 *
 * <p>Which team: the first team (by name) the account's rep is a member of. Its policy (threshold
 * overrides) applies, its channel gets the flag, its manager may act on it. A rep in no team still
 * gets flags stored and judged with the default policy; they are posted once the rep joins a
 * team.
 */
public final class FlagService implements CheckInListener {
  private static final Logger LOG = LoggerFactory.getLogger(FlagService.class);

  /** What a button press or modal submission did. */
  public enum Outcome {
    /** The change was made. */
    DONE,
    /** Nothing to do: a repeat, or the flag is already in that state. */
    UNCHANGED,
    /** The user may not act on this flag; nothing changed. */
    REFUSED,
    /** No such flag. */
    NOT_FOUND
  }

  /** An outcome and the flag as it is now (null when not found). */
  public record Result(Outcome outcome, Flag flag) {}

  private final Store store;
  private final Access access;
  private final UserTimeZones timeZones;
  private final FlagDelivery delivery;
  private final AwayService away;
  private final FlagAudiences audiences;
  private final Clock clock;
  private final BoundedWrites writes;
  private final Executor background;
  private final Optional<String> currency;

  /**
   * {@code writes} bounds in time the changes a modal reports as done (a plan, a false alarm);
   * their Slack follow-up (thread notes, the parent's update) runs on {@code background}.
   */
  public FlagService(Store store, Access access, UserTimeZones timeZones, FlagDelivery delivery, AwayService away,
      Clock clock, BoundedWrites writes, Executor background) {
    this(store, access, timeZones, delivery, away, clock, writes, background, Optional.empty());
  }

  /** @param currency the workspace's currency for amounts in evidence ({@code RAPPORT_CURRENCY}) */
  public FlagService(Store store, Access access, UserTimeZones timeZones, FlagDelivery delivery, AwayService away,
      Clock clock, BoundedWrites writes, Executor background, Optional<String> currency) {
    this.currency = currency;
    this.away = away;
    this.store = store;
    this.access = access;
    this.timeZones = timeZones;
    this.delivery = delivery;
    this.audiences = new FlagAudiences(store, clock);
    this.clock = clock;
    this.writes = writes;
    this.background = background;
  }

  /** Who each finding is for, per team (the admin's {@code flags team|coaching} choices). */
  public FlagAudiences audiences() {
    return audiences;
  }

  private FlagDao flags() {
    return store.jdbi().onDemand(FlagDao.class);
  }

  private FlagPlanDao plans() {
    return store.jdbi().onDemand(FlagPlanDao.class);
  }

  // ------------------------------------------------------------------ judging

  /** Judges the account; a failure is logged (the sweep judges it again) and never reaches the caller. */
  @Override
  public void afterCheckIn(String workspaceId, String accountId) {
    try {
      judgeAccount(workspaceId, accountId);
    } catch (RuntimeException e) {
      LOG.error("Judging account {} in {} after a check-in failed", accountId, workspaceId, LogText.withoutMessages(e));
    }
  }

  /** Judges one account (after a check-in) and delivers what changed. */
  public void judgeAccount(String workspaceId, String accountId) {
    Optional<Account> account = store.accounts().findActive(workspaceId, accountId);
    if (account.isEmpty()) {
      return;
    }
    Optional<Team> team = homeTeam(workspaceId, account.get().rep());
    judge(workspaceId, team, List.of(account.get()), Map.of(accountId, flags().openOfAccount(workspaceId, accountId)));
  }

  /** Judges every active account of the workspace, team by team (the daily sweep). */
  public int judgeWorkspace(String workspaceId) {
    Map<String, Optional<Team>> teamOfRep = new HashMap<>();
    Map<String, List<Account>> byTeam = new LinkedHashMap<>();
    Map<String, Optional<Team>> teams = new HashMap<>();
    for (Account a : store.accounts().active(workspaceId)) {
      Optional<Team> team = teamOfRep.computeIfAbsent(a.rep(), rep -> homeTeam(workspaceId, rep));
      String key = team.map(Team::id).orElse("");
      teams.putIfAbsent(key, team);
      byTeam.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    closeFlagsOfRemovedAccounts(workspaceId);
    // One read of the open flags for the whole sweep; every change is a conditional update, so a
    // check-in judged meanwhile cannot be undone by this snapshot.
    Map<String, List<Flag>> openByAccount = flags().open(workspaceId).stream()
        .collect(Collectors.groupingBy(Flag::accountId));
    int judged = 0;
    for (Map.Entry<String, List<Account>> e : byTeam.entrySet()) {
      try {
        judge(workspaceId, teams.get(e.getKey()), e.getValue(), openByAccount);
        judged += e.getValue().size();
      } catch (RuntimeException ex) {
        LOG.error("Judging team {} in {} failed", e.getKey(), workspaceId, LogText.withoutMessages(ex));
      }
    }
    return judged;
  }

  /** An account removed from Rapport takes its open flags with it (closed, with a note). */
  private void closeFlagsOfRemovedAccounts(String workspaceId) {
    long now = clock.millis();
    for (Flag f : flags().openOfRemovedAccounts(workspaceId)) {
      boolean closed = store.jdbi().inTransaction(h -> {
        FlagDao d = h.attach(FlagDao.class);
        if (d.close(workspaceId, f.id(), FlagStatus.EXPIRED.id(), null, now) != 1) {
          return false;
        }
        d.recordEvent(workspaceId, f.id(), "closed", "account_removed", null, FlagMessages.accountRemovedNote(), now);
        h.attach(FlagPlanDao.class).cancelReminders(workspaceId, f.id());
        return true;
      });
      if (closed) {
        delivery.deliver(workspaceId, f.id());
      }
    }
  }

  /** The open flags of a workspace, oldest first (for App Home and reports). */
  public List<Flag> openFlags(String workspaceId) {
    return flags().open(workspaceId);
  }

  /** Every workspace Rapport knows. */
  public List<String> workspaces() {
    return flags().workspaceIds();
  }

  /** The team whose channel and policy an account of {@code repId} uses: the first by name. */
  public Optional<Team> homeTeam(String workspaceId, String repId) {
    return new PolicyInForce(store).homeTeam(workspaceId, repId);
  }

  /**
   * Judges {@code targets} (accounts whose home team is {@code team}) against the team's book.
   *
   * @param openByAccount the open flags of (at least) the targets, by account id
   */
  private void judge(String workspaceId, Optional<Team> team, List<Account> targets,
      Map<String, List<Flag>> openByAccount) {
    TeamPolicy policy = PolicyInForce.ofTeam(team);
    Map<Pattern, Audience> choices = audiences.choicesOf(team);
    Analyzer analyzer = new Analyzer(policy.policy()).inCurrency(currency);
    Set<String> reps = new LinkedHashSet<>();
    team.ifPresent(t -> reps.addAll(store.teams().members(workspaceId, t.id())));
    targets.forEach(a -> reps.add(a.rep()));
    List<Account> book = store.accounts().activeOfReps(workspaceId, reps);
    Set<String> ids = new LinkedHashSet<>();
    book.forEach(a -> ids.add(a.id()));
    targets.forEach(a -> ids.add(a.id()));
    IsoWeek thisWeek = IsoWeek.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    String from = thisWeek.minusWeeks(policy.policy().lookbackWeeks() + 1L).toString();
    Map<String, List<CheckIn>> checkIns = flags().checkInsOf(workspaceId, ids, from).stream()
        .collect(Collectors.groupingBy(CheckIn::account));
    BookContext context = analyzer.bookContext(book, checkIns, thisWeek);
    List<FlagDao.FalseAlarm> suppressions =
        flags().suppressionsAfter(workspaceId, thisWeek.minusWeeks(1).toString());
    Map<String, IsoWeek> weekOfRep = new HashMap<>();
    for (Account account : targets) {
      IsoWeek asOf = weekOfRep.computeIfAbsent(account.rep(), rep -> timeZones.currentWeek(workspaceId, rep));
      AccountAnalysis analysis = analyzer.analyze(account, checkIns.getOrDefault(account.id(), List.of()), context, asOf);
      Set<String> suppressed = suppressions.stream()
          .filter(s -> s.accountId().equals(account.id()) && s.suppressedUntilWeek().compareTo(asOf.toString()) > 0)
          .map(FlagDao.FalseAlarm::pattern).collect(Collectors.toSet());
      Set<String> changed = reconcile(workspaceId, account, team, analysis.findings(), choices, asOf,
          policy.settings(), openByAccount.getOrDefault(account.id(), List.of()), suppressed);
      for (String flagId : changed) {
        delivery.deliver(workspaceId, flagId);
      }
    }
  }

  /**
   * Brings the account's flags in line with its findings; returns the flags to deliver.
   *
   * @param choices the patterns the team's admin moved between team and coaching
   * @param openFlags the account's open flags as read before
   * @param suppressed the patterns a false alarm keeps off the account in {@code asOf}
   */
  Set<String> reconcile(String ws, Account account, Optional<Team> team, List<Finding> findings,
      Map<Pattern, Audience> choices, IsoWeek asOf, FlagSettings settings, List<Flag> openFlags,
      Set<String> suppressed) {
    long now = clock.millis();
    Set<String> touched = new LinkedHashSet<>();
    Map<String, Flag> open = new HashMap<>();
    for (Flag f : openFlags) {
      open.put(f.pattern(), f);
      if (!f.isPosted() || f.parentStale()) {
        touched.add(f.id()); // owed from an earlier attempt
      }
    }
    Set<String> present = new java.util.HashSet<>();
    for (Finding finding : findings) {
      String pattern = finding.pattern().id();
      Audience audience = Audience.of(finding, choices);
      present.add(pattern);
      Flag existing = open.get(pattern);
      if (existing == null) {
        if (suppressed.contains(pattern) || inResolvedGrace(ws, account.id(), pattern, asOf, settings)) {
          continue;
        }
        String id = UUID.randomUUID().toString();
        int opened = store.jdbi().inTransaction(h -> {
          FlagDao d = h.attach(FlagDao.class);
          int n = d.insertOpen(ws, id, account.id(), pattern, finding.severity().id(),
              FlagDao.evidenceJson(finding.evidence()), finding.tip(), account.rep(), team.map(Team::id).orElse(null),
              asOf.toString(), now, audience.id());
          if (n == 1) {
            d.recordEvent(ws, id, "opened", "opened", null, null, now);
          }
          return n;
        });
        if (opened == 1) {
          LOG.info("Opened flag {} ({} {}, {}) on {} in {}", id, pattern, finding.severity().id(), audience.id(),
              account.id(), ws);
          touched.add(id);
          continue;
        }
        // A concurrent judgement opened it first: treat it as the open flag it is.
        Optional<Flag> winner = flags().openOfAccount(ws, account.id()).stream()
            .filter(f -> f.pattern().equals(pattern)).findFirst();
        if (winner.isEmpty()) {
          continue;
        }
        existing = winner.get();
      }
      if (audience.isPrivate() && !existing.isPrivate() && makePrivate(ws, existing, audience, now)) {
        touched.add(existing.id());
      }
      if (update(ws, existing, finding, asOf, now)) {
        touched.add(existing.id());
      }
    }
    for (Flag f : open.values()) {
      if (!present.contains(f.pattern()) && quiet(ws, f, asOf, settings, now)) {
        touched.add(f.id());
      }
    }
    return touched;
  }

  private boolean inResolvedGrace(String ws, String accountId, String pattern, IsoWeek asOf, FlagSettings settings) {
    Optional<Long> resolved = flags().lastResolvedAt(ws, accountId, pattern);
    if (resolved.isEmpty() || settings.resolvedGraceWeeks() == 0) {
      return false;
    }
    IsoWeek resolvedWeek = IsoWeek.of(Instant.ofEpochMilli(resolved.get()).atZone(ZoneOffset.UTC).toLocalDate());
    return asOf.compareTo(resolvedWeek.plusWeeks(settings.resolvedGraceWeeks())) < 0;
  }

  /**
   * A team flag whose finding is now private (an admin moved the pattern, or the rep admitted
   * promises broken by us): a message already in a channel stays there with one line in its thread
   * saying the discussion moved, and the flag is posted afresh privately; one not yet in a channel
   * simply follows the new audience. A private flag never goes back to a channel.
   */
  private boolean makePrivate(String ws, Flag flag, Audience audience, long now) {
    return store.jdbi().inTransaction(h -> {
      FlagDao d = h.attach(FlagDao.class);
      if (d.moveToPrivate(ws, flag.id(), audience.id()) == 1) {
        d.recordEvent(ws, flag.id(), "moved", "moved", null, FlagMessages.movedNote(), now);
        LOG.info("Flag {} ({} on {}) in {} moved from its channel to {}", flag.id(), flag.pattern(),
            flag.accountId(), ws, audience.id());
        return true;
      }
      return d.makePrivateInPlace(ws, flag.id(), audience.id()) == 1;
    });
  }

  /** The pattern still shows: escalation, fresh evidence, or showing again after a quiet spell. */
  private boolean update(String ws, Flag flag, Finding finding, IsoWeek asOf, long now) {
    String week = asOf.toString();
    String severity = finding.severity().id();
    String evidence = FlagDao.evidenceJson(finding.evidence());
    boolean escalated = finding.severity() == Severity.WARNING && !Severity.WARNING.id().equals(flag.severity());
    boolean changed = !finding.evidence().equals(flag.evidence()) || !severity.equals(flag.severity());
    // At most one evidence update a week: only in a later week than the last one shown.
    boolean evidenceDue = changed && (flag.evidenceWeek() == null || week.compareTo(flag.evidenceWeek()) > 0);
    boolean wasQuiet = flag.quietSinceWeek() != null;
    if (!wasQuiet && !escalated && !evidenceDue && week.equals(flag.lastSeenWeek())) {
      return false; // nothing new: no write at all
    }
    return store.jdbi().inTransaction(h -> {
      FlagDao d = h.attach(FlagDao.class);
      boolean touched = d.markSeen(ws, flag.id(), week) == 1 && wasQuiet;
      if (wasQuiet) {
        d.recordEvent(ws, flag.id(), "returned:" + week, "returned", null, FlagMessages.returnedNote(asOf), now);
      }
      if (escalated) {
        d.updateFinding(ws, flag.id(), severity, evidence, week, now);
        d.recordEvent(ws, flag.id(), "escalated:" + week, "escalated", null,
            FlagMessages.escalatedNote(finding.evidence()), now);
        touched = true;
      } else if (evidenceDue) {
        d.updateFinding(ws, flag.id(), severity, evidence, week, now);
        d.recordEvent(ws, flag.id(), "evidence:" + week, "evidence", null,
            FlagMessages.evidenceNote(asOf, severity, finding.evidence()), now);
        touched = true;
      }
      return touched;
    });
  }

  /**
   * Weeks after {@code lastSeen} up to {@code asOf} that count as quiet: the rep's away weeks do not
   * (the "close itself" clock stops while the rep is away).
   */
  private long quietWeeks(String ws, Flag flag, IsoWeek lastSeen, IsoWeek asOf) {
    long weeks = lastSeen.weeksUntil(asOf);
    if (weeks <= 0 || flag.repId() == null) {
      return weeks;
    }
    return weeks - away.awayWeeks(ws, lastSeen.plusWeeks(1), asOf).getOrDefault(flag.repId(), Set.of()).size();
  }

  /** The pattern no longer shows: a note the first time, and closing after the quiet weeks. */
  private boolean quiet(String ws, Flag flag, IsoWeek asOf, FlagSettings settings, long now) {
    String week = asOf.toString();
    IsoWeek lastSeen = flag.lastSeenWeek() == null ? asOf : IsoWeek.parse(flag.lastSeenWeek());
    boolean expire = quietWeeks(ws, flag, lastSeen, asOf) >= settings.quietWeeks();
    if (flag.quietSinceWeek() != null && !expire) {
      return false; // already noted as quiet, not yet due to close
    }
    return store.jdbi().inTransaction(h -> {
      FlagDao d = h.attach(FlagDao.class);
      boolean touched = false;
      if (d.markQuiet(ws, flag.id(), week, now) == 1) {
        d.recordEvent(ws, flag.id(), "quiet:" + week, "quiet", null,
            FlagMessages.quietNote(asOf, settings.quietWeeks()), now);
        touched = true;
      }
      if (expire && d.close(ws, flag.id(), FlagStatus.EXPIRED.id(), null, now) == 1) {
        d.recordEvent(ws, flag.id(), "closed", "expired", null,
            FlagMessages.expiredNote(lastSeen.toString(), settings.quietWeeks()), now);
        h.attach(FlagPlanDao.class).cancelReminders(ws, flag.id());
        LOG.info("Flag {} ({} on {}) in {} closed itself after {} quiet weeks", flag.id(), flag.pattern(),
            flag.accountId(), ws, settings.quietWeeks());
        touched = true;
      }
      return touched;
    });
  }

  // ------------------------------------------------------------------ workflow

  public Optional<Flag> find(String workspaceId, String flagId) {
    if (flagId == null || flagId.isBlank() || flagId.length() > 36) {
      return Optional.empty();
    }
    return flags().find(workspaceId, flagId);
  }

  /** The flag's rep (then or now), the manager of its team or of the rep's teams, or an admin. */
  public boolean mayAct(String workspaceId, String userId, Flag flag) {
    if (userId.equals(flag.repId()) || access.isAdmin(workspaceId, userId)) {
      return true;
    }
    Optional<Account> account = store.accounts().find(workspaceId, flag.accountId());
    if (account.isPresent() && account.get().rep().equals(userId)) {
      return true;
    }
    if (flag.teamId() != null
        && store.teams().find(workspaceId, flag.teamId()).map(t -> t.isManagedBy(userId)).orElse(false)) {
      return true;
    }
    return access.managesRep(workspaceId, userId, flag.repId())
        || account.map(a -> access.managesRep(workspaceId, userId, a.rep())).orElse(false);
  }

  /**
   * Who may close the flag (resolved or false alarm): on a team flag whoever may act on it; on a
   * private (coaching or manager) flag only the manager of its team or of the rep's teams, or an
   * admin — a rep cannot silence a finding about their own conduct.
   */
  public boolean mayClose(String workspaceId, String userId, Flag flag) {
    if (!flag.isPrivate()) {
      return mayAct(workspaceId, userId, flag);
    }
    if (access.isAdmin(workspaceId, userId)) {
      return true;
    }
    if (flag.teamId() != null
        && store.teams().find(workspaceId, flag.teamId()).map(t -> t.isManagedBy(userId)).orElse(false)) {
      return true;
    }
    Optional<Account> account = store.accounts().find(workspaceId, flag.accountId());
    return access.managesRep(workspaceId, userId, flag.repId())
        || account.map(a -> access.managesRep(workspaceId, userId, a.rep())).orElse(false);
  }

  /** A check-in note of the flag's account, for "Show notes". */
  public record Note(IsoWeek week, String repId, String text) {}

  /** What "Show notes" found: the outcome, the flag, and the notes newest first. */
  public record Notes(Outcome outcome, Flag flag, String accountName, int weeks, List<Note> notes) {}

  /**
   * The account's check-in notes over the team policy's look-back, newest first, for the rep, the
   * manager or an admin (whoever may act on the flag); anyone else is refused and reads nothing.
   */
  public Notes notes(String workspaceId, String userId, String flagId) {
    Optional<Flag> flag = find(workspaceId, flagId);
    if (flag.isEmpty()) {
      return new Notes(Outcome.NOT_FOUND, null, null, 0, List.of());
    }
    Flag f = flag.get();
    if (!mayAct(workspaceId, userId, f)) {
      return new Notes(Outcome.REFUSED, f, null, 0, List.of());
    }
    int weeks = policyOf(f).policy().lookbackWeeks();
    IsoWeek now = timeZones.currentWeek(workspaceId, f.repId());
    List<Note> notes = new ArrayList<>();
    for (CheckIn c : flags().checkInsOf(workspaceId, List.of(f.accountId()), now.minusWeeks(weeks - 1L).toString())) {
      if (c.note() != null && !c.note().isBlank() && c.week().compareTo(now) <= 0) {
        notes.add(new Note(c.week(), c.rep(), c.note().strip()));
      }
    }
    notes.sort(java.util.Comparator.comparing(Note::week).reversed());
    LOG.info("Notes of flag {} in {} read by {}", flagId, workspaceId, userId);
    return new Notes(Outcome.DONE, f, accountName(workspaceId, f.accountId()), weeks, notes);
  }

  public String accountName(String workspaceId, String accountId) {
    return store.accounts().find(workspaceId, accountId).map(Account::name).orElse(accountId);
  }

  /** The team policy that applies to the flag (for the false alarm modal's weeks). */
  public TeamPolicy policyOf(Flag flag) {
    Optional<Team> team = flag.teamId() == null ? Optional.empty() : store.teams().find(flag.workspaceId(), flag.teamId());
    return PolicyInForce.ofTeam(team.isPresent() ? team : homeTeam(flag.workspaceId(), flag.repId()));
  }

  /** Checks a user may act on a flag that is still open. */
  public Result check(String workspaceId, String userId, String flagId) {
    Optional<Flag> flag = find(workspaceId, flagId);
    if (flag.isEmpty()) {
      return new Result(Outcome.NOT_FOUND, null);
    }
    if (!mayAct(workspaceId, userId, flag.get())) {
      return new Result(Outcome.REFUSED, flag.get());
    }
    return new Result(flag.get().isOpen() ? Outcome.DONE : Outcome.UNCHANGED, flag.get());
  }

  /** Checks a user may close a flag that is still open ({@link #mayClose}). */
  public Result checkClose(String workspaceId, String userId, String flagId) {
    Result check = check(workspaceId, userId, flagId);
    if (check.flag() != null && check.outcome() != Outcome.REFUSED
        && !mayClose(workspaceId, userId, check.flag())) {
      return new Result(Outcome.REFUSED, check.flag());
    }
    return check;
  }

  public Result acknowledge(String workspaceId, String userId, String flagId) {
    return act(workspaceId, userId, flagId, false, (h, f, now) -> {
      FlagDao d = h.attach(FlagDao.class);
      if (d.acknowledge(workspaceId, f.id(), userId, now) != 1) {
        return false;
      }
      d.recordEvent(workspaceId, f.id(), "acknowledged", "acknowledged", userId, FlagMessages.acknowledgedNote(userId), now);
      return true;
    });
  }

  public Result resolve(String workspaceId, String userId, String flagId) {
    return act(workspaceId, userId, flagId, true, (h, f, now) -> {
      FlagDao d = h.attach(FlagDao.class);
      if (d.close(workspaceId, f.id(), FlagStatus.RESOLVED.id(), userId, now) != 1) {
        return false;
      }
      d.recordEvent(workspaceId, f.id(), "closed", "resolved", userId, FlagMessages.resolvedNote(userId), now);
      return true;
    });
  }

  /**
   * Closes the flag as a false alarm, keeps the reason, and suppresses the pattern on the account;
   * stored within the ack path's deadline (throws {@link BoundedWrites.NotWritten} when not stored
   * in time: nothing changed, ask again), the thread note follows on the background lane.
   */
  public Result falseAlarm(String workspaceId, String userId, String flagId, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    return actWithin("false alarm on flag " + flagId + " by " + userId + " in " + workspaceId,
        workspaceId, userId, flagId, true, before -> {
          // Read outside the transaction: the time-zone lookup may write to the database itself.
          int weeks = policyOf(before).settings().falseAlarmWeeks();
          IsoWeek until = timeZones.currentWeek(workspaceId, before.repId()).plusWeeks(weeks);
          String accountName = accountName(workspaceId, before.accountId());
          return (h, f, now) -> {
            FlagDao d = h.attach(FlagDao.class);
            if (d.close(workspaceId, f.id(), FlagStatus.FALSE_ALARM.id(), userId, now) != 1) {
              return false;
            }
            d.insertFalseAlarm(workspaceId, f.id(), f.accountId(), f.pattern(), f.severity(), why, userId, now,
                until.toString());
            d.recordEvent(workspaceId, f.id(), "closed", "false_alarm", userId, FlagMessages.falseAlarmNote(userId,
                why, FlagMessages.patternTitle(f.pattern()), accountName, until), now);
            LOG.info("Flag {} ({} on {}) in {} closed as a false alarm by {}", f.id(), f.pattern(), f.accountId(),
                workspaceId, userId);
            return true;
          };
        });
  }

  /**
   * Stores a plan (once per modal submission {@code planId}) within the ack path's deadline
   * (throws {@link BoundedWrites.NotWritten} when not stored in time: nothing changed, ask
   * again); the thread note follows on the background lane.
   */
  public Result plan(String workspaceId, String userId, String flagId, String planId, String action, String ownerId,
      LocalDate due) {
    return actWithin("plan " + planId + " on flag " + flagId + " by " + userId + " in " + workspaceId,
        workspaceId, userId, flagId, false, before -> (h, f, now) -> {
          FlagDao d = h.attach(FlagDao.class);
          FlagPlanDao p = h.attach(FlagPlanDao.class);
          if (p.insert(workspaceId, planId, f.id(), action.strip(), ownerId, due.toString(), userId, now) != 1) {
            return false;
          }
          d.recordEvent(workspaceId, f.id(), "plan:" + planId, "planned", userId,
              FlagMessages.planNote(userId, action.strip(), ownerId, due), now);
          d.touch(workspaceId, f.id(), now);
          return true;
        });
  }

  /** Reads made before a change's transaction, given the flag as checked. */
  @FunctionalInterface
  private interface Prepared {
    Change prepare(Flag flag);
  }

  /**
   * {@link #act} for a change a modal reports as done: checks and stores within the deadline on
   * {@link BoundedWrites}, then delivers on the background lane.
   */
  private Result actWithin(String what, String workspaceId, String userId, String flagId, boolean closing,
      Prepared prepared) {
    Result result = writes.write(what, () -> {
      Result check = closing ? checkClose(workspaceId, userId, flagId) : check(workspaceId, userId, flagId);
      if (check.outcome() != Outcome.DONE) {
        return h -> check;
      }
      Change change = prepared.prepare(check.flag());
      long now = clock.millis();
      return h -> apply(h, workspaceId, flagId, check.flag(), change, now)
          ? new Result(Outcome.DONE, check.flag()) : new Result(Outcome.UNCHANGED, check.flag());
    });
    if (result.outcome() == Outcome.DONE) {
      background.execute(() -> delivery.deliver(workspaceId, flagId));
      return new Result(Outcome.DONE, flags().find(workspaceId, flagId).orElse(result.flag()));
    }
    return result;
  }

  /** Applies a change in a transaction; cancels plan reminders once the flag is closed. */
  private static boolean apply(org.jdbi.v3.core.Handle h, String workspaceId, String flagId, Flag flag, Change change,
      long now) {
    FlagDao d = h.attach(FlagDao.class);
    boolean applied = change.apply(h, flag, now);
    if (applied && d.find(workspaceId, flagId).map(f -> !f.isOpen()).orElse(false)) {
      h.attach(FlagPlanDao.class).cancelReminders(workspaceId, flagId);
    }
    return applied;
  }

  @FunctionalInterface
  private interface Change {
    boolean apply(org.jdbi.v3.core.Handle handle, Flag flag, long nowMillis);
  }

  private Result act(String workspaceId, String userId, String flagId, boolean closing, Change change) {
    Result check = closing ? checkClose(workspaceId, userId, flagId) : check(workspaceId, userId, flagId);
    if (check.outcome() != Outcome.DONE) {
      return check;
    }
    long now = clock.millis();
    boolean done = store.jdbi().inTransaction(h -> apply(h, workspaceId, flagId, check.flag(), change, now));
    if (done) {
      delivery.deliver(workspaceId, flagId);
    }
    return new Result(done ? Outcome.DONE : Outcome.UNCHANGED, flags().find(workspaceId, flagId).orElse(check.flag()));
  }
}
