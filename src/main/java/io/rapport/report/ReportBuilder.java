package io.rapport.report;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.insight.Absences;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Analyzer;
import io.rapport.insight.BookContext;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.insight.Pattern;
import io.rapport.insight.Policy;
import io.rapport.insight.Severity;
import io.rapport.report.Report.AccountRow;
import io.rapport.completion.Completion;
import io.rapport.completion.Completions;
import io.rapport.completion.SlotExclusions;
import io.rapport.completion.DueSlots;
import io.rapport.completion.DueSlots.CheckInTime;
import io.rapport.completion.DueSlots.SlotAccount;
import io.rapport.flag.PolicyInForce;
import io.rapport.report.Report.PatternCount;
import io.rapport.report.Report.Period;
import io.rapport.report.Report.RepCompletion;
import io.rapport.report.Report.RepLoad;
import io.rapport.report.Report.TrendSeries;
import io.rapport.report.ResolvedScope.Unit;
import io.rapport.store.ReportDao;
import io.rapport.store.ReportDao.AccountPeriod;
import io.rapport.store.ReportDao.OpenFlag;
import io.rapport.store.Store;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Builds a {@link Report} for a resolved scope: completion and the period's signal totals come
 * from SQL aggregates (one row per account); health, bands, findings and the trend come from the
 * insight core, run over each team's accounts once per week of the period (so a team's discount
 * norm and each rep's whole book are what the detectors compare with, as for flags).
 */
public final class ReportBuilder {
  private final Store store;
  private final Completions completions;
  private final Optional<String> currency;

  public ReportBuilder(Store store) {
    this(store, new Completions(store));
  }

  public ReportBuilder(Store store, Completions completions) {
    this(store, completions, Optional.empty());
  }

  /** @param currency the workspace's currency for amounts in evidence ({@code RAPPORT_CURRENCY}) */
  public ReportBuilder(Store store, Completions completions, Optional<String> currency) {
    this.store = store;
    this.completions = completions;
    this.currency = currency;
  }

  /**
   * Builds the report.
   *
   * @param workspaceId the workspace
   * @param scope the checked scope
   * @param asOf the current week (the period's last week)
   * @param dueThisWeek true for a rep whose check-in time has come this week: only then do their
   *     unanswered slots of {@code asOf} count against completion
   */
  public Report build(String workspaceId, ResolvedScope scope, IsoWeek asOf, Predicate<String> dueThisWeek) {
    return build(workspaceId, scope, asOf, CheckInTime.upTo(asOf, dueThisWeek));
  }

  /**
   * Builds the report.
   *
   * @param checkInTime when each rep's check-in time of a week comes (see {@link DueSlots})
   */
  public Report build(String workspaceId, ResolvedScope scope, IsoWeek asOf, CheckInTime checkInTime) {
    ReportDao dao = store.reports();
    Period period = Period.ending(asOf, scope.scope().weeks());
    IsoWeek previousEnd = period.from().minusWeeks(1);
    long fromMillis = period.from().monday().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();

    Set<String> seenAccounts = new HashSet<>();
    List<AccountRow> rows = new ArrayList<>();
    List<AccountPeriod> reportPeriods = new ArrayList<>();
    List<TrendSeries> trend = new ArrayList<>();
    Map<String, Policy> policyOfAccount = new HashMap<>();
    Map<String, RepLoad> repBooks = new LinkedHashMap<>(); // each rep's book as the findings saw it

    Map<String, String> editedBy = new HashMap<>();
    for (io.rapport.store.AccountStatusDao.WrittenByOther w
        : store.jdbi().onDemand(io.rapport.store.CheckInDao.class).writtenByOthers(workspaceId)) {
      editedBy.put(w.accountId() + "/" + w.week(), w.userId());
    }
    Policy.HealthWeights bands = null;
    Integer evidenceWeeks = null;
    for (Unit unit : scope.units()) {
      Policy policy = PolicyInForce.insightOf(unit.team());
      if (bands == null) {
        bands = policy.health();
        evidenceWeeks = policy.evidenceWeeks();
      }
      Analyzer analyzer = new Analyzer(policy).inCurrency(currency);
      List<AccountPeriod> periods = periodRows(dao, workspaceId, unit.contextReps(), period, fromMillis);
      List<Account> active = new ArrayList<>();
      for (AccountPeriod p : periods) {
        if (p.removedAt() == null) {
          active.add(p.account());
        }
      }
      IsoWeek historyFrom = previousEnd.minusWeeks(policy.lookbackWeeks() - 1L);
      Map<String, List<CheckIn>> history = history(dao, workspaceId, active, historyFrom);
      Absences away = completions.exclusions(workspaceId, unit.contextReps(), historyFrom, asOf)::excluded;
      Predicate<Account> reported =
          a -> unit.reportReps().contains(a.rep())
              && scope.accountId().map(id -> id.equals(a.id())).orElse(true);
      bookOfReps(analyzer.bookContext(active, history, asOf), policy, asOf,
          active.stream().filter(reported).map(Account::rep).toList(), repBooks);

      // Judge the unit at the end of the previous period and at every week of this one; the weeks
      // are independent, so they are judged in parallel.
      List<IsoWeek> weeks = period.list();
      List<IsoWeek> judgedWeeks = new ArrayList<>(weeks.size() + 1);
      judgedWeeks.add(previousEnd);
      judgedWeeks.addAll(weeks);
      List<Account> reportedActive = active.stream().filter(reported).toList();
      boolean allReported = reportedActive.size() == active.size();
      List<List<AccountAnalysis>> byWeek = judgedWeeks.parallelStream()
          .map(w -> allReported
              ? analyzer.analyzeAll(active, history, w, away)
              : judgeSome(analyzer, reportedActive, active, history, w, away))
          .toList();
      Map<String, Health> previousHealth = new HashMap<>();
      for (AccountAnalysis a : byWeek.get(0)) {
        a.health().ifPresent(h -> previousHealth.put(a.account().id(), h));
      }
      List<List<AccountAnalysis>> reportedByWeek = new ArrayList<>(weeks.size());
      for (List<AccountAnalysis> judged : byWeek.subList(1, byWeek.size())) {
        reportedByWeek.add(judged.stream().filter(a -> reported.test(a.account())).toList());
      }
      Map<String, AccountAnalysis> judgedBefore = new HashMap<>();
      for (AccountAnalysis a : byWeek.get(0)) {
        judgedBefore.put(a.account().id(), a);
      }
      List<AccountAnalysis> current = byWeek.get(byWeek.size() - 1);
      boolean anyReported = active.stream().anyMatch(reported);
      if (anyReported) {
        String name = scope.accountId().isPresent()
            ? scope.title().replaceFirst("^Account ", "")
            : scope.scope().kind() == ReportScope.Kind.REP
                ? "accounts of " + String.join(", ", unit.reportReps())
                : unit.name();
        trend.add(TrendSeries.of(name, weeks, reportedByWeek, f -> true));
      }

      Map<String, AccountPeriod> periodById = new HashMap<>();
      for (AccountPeriod p : periods) {
        periodById.put(p.account().id(), p);
        if (reported.test(p.account()) && !seenAccounts.contains(p.account().id())) {
          reportPeriods.add(p);
          policyOfAccount.put(p.account().id(), policy);
        }
      }
      for (AccountAnalysis a : current) {
        if (!reported.test(a.account()) || !seenAccounts.add(a.account().id())) {
          continue;
        }
        AccountPeriod p = periodById.get(a.account().id());
        rows.add(new AccountRow(a.account(), unit.name(), a.health(),
            Optional.ofNullable(previousHealth.get(a.account().id())), a.findings(), List.of(),
            p.lastCheckInWeek(), p.totals(), a, Optional.ofNullable(judgedBefore.get(a.account().id())),
            Optional.ofNullable(editedBy.get(a.account().id() + "/" + p.lastCheckInWeek()))));
      }
      // Accounts removed during the period still count for completion.
      for (AccountPeriod p : periods) {
        if (p.removedAt() != null && reported.test(p.account())) {
          seenAccounts.add(p.account().id());
        }
      }
    }

    List<OpenFlag> openFlags = new ArrayList<>();
    rows = withOpenFlags(dao, workspaceId, rows, openFlags);
    rows.sort(Report.RISKIEST_FIRST);

    boolean flagsInUse = dao.anyFlag(workspaceId) > 0;
    Map<Health.Band, Integer> now = new EnumMap<>(Health.Band.class);
    Map<Health.Band, Integer> before = new EnumMap<>(Health.Band.class);
    for (AccountRow r : rows) {
      r.health().ifPresent(h -> now.merge(h.band(), 1, Integer::sum));
      r.previous().ifPresent(h -> before.merge(h.band(), 1, Integer::sum));
    }

    List<SlotAccount> slots = new ArrayList<>(reportPeriods.size());
    for (AccountPeriod p : reportPeriods) {
      slots.add(Completions.slotAccount(p.account().id(), p.account().rep(), p.account().tier() == Tier.KEY,
          p.createdAt(), p.removedAt(), p.firstAnsweredWeek()));
    }
    DueSlots.Tally tally = completions.ofAccounts(workspaceId, slots, period.from(), period.to(), checkInTime);
    List<RepCompletion> repCompletion = new ArrayList<>();
    tally.byRep().forEach((rep, c) -> {
      if (c.due() > 0) {
        repCompletion.add(new RepCompletion(rep, c));
      }
    });
    repCompletion.sort(Comparator.comparingDouble((RepCompletion r) -> (double) r.completion().answered() / r.completion().due())
        .thenComparing(RepCompletion::rep));
    Map<String, Integer> awayWeeks = new java.util.TreeMap<>();
    SlotExclusions away = completions.exclusions(workspaceId, tally.byRep().keySet(), period.from(), period.to());
    for (String rep : tally.byRep().keySet()) {
      for (IsoWeek w = period.from(); w.compareTo(period.to()) <= 0; w = w.plusWeeks(1)) {
        if (away.excluded(rep, w)) {
          awayWeeks.merge(rep, 1, Integer::sum);
        }
      }
    }
    List<DueSlots.Missing> unanswered = new ArrayList<>(tally.missing());
    unanswered.sort(Comparator.comparing(DueSlots.Missing::week).reversed().thenComparing(DueSlots.Missing::repId));

    return new Report(
        scope.title(),
        period,
        tally.total(),
        tally.keyAccounts(),
        repCompletion,
        now,
        before,
        flagsInUse,
        patterns(rows, flagsInUse, openFlags),
        rows,
        overServicing(rows, repBooks),
        unanswered,
        trend,
        bands == null ? Policy.defaults().health() : bands,
        evidenceWeeks == null ? Policy.defaults().evidenceWeeks() : evidenceWeeks,
        awayWeeks);
  }

  /**
   * Judges only {@code reported} (e.g. the one account of an account report), with the book
   * context — the rep's whole book, the team's discount norm — built from all of {@code context}.
   */
  private static List<AccountAnalysis> judgeSome(Analyzer analyzer, List<Account> reported,
      List<Account> context, Map<String, List<CheckIn>> history, IsoWeek week, Absences away) {
    BookContext book = analyzer.bookContext(context, history, week);
    List<AccountAnalysis> out = new ArrayList<>(reported.size());
    for (Account a : reported) {
      out.add(analyzer.analyze(a, history.getOrDefault(a.id(), List.of()), book, week, away));
    }
    return out;
  }

  private static List<PatternCount> patterns(List<AccountRow> rows, boolean flagsInUse, List<OpenFlag> openFlags) {
    Map<Pattern, int[]> counts = new EnumMap<>(Pattern.class);
    if (flagsInUse) {
      for (OpenFlag flag : openFlags) {
        Pattern p = patternOf(flag.pattern());
        if (p != null) {
          boolean warning = Severity.WARNING.id().equalsIgnoreCase(flag.severity());
          counts.computeIfAbsent(p, x -> new int[2])[warning ? 0 : 1]++;
        }
      }
    }
    for (AccountRow r : rows) {
      if (!flagsInUse) {
        for (Finding f : r.findings()) {
          counts.computeIfAbsent(f.pattern(), x -> new int[2])[f.severity() == Severity.WARNING ? 0 : 1]++;
        }
      }
    }
    List<PatternCount> out = new ArrayList<>();
    counts.forEach((p, n) -> out.add(new PatternCount(p, n[0], n[1])));
    out.sort(Comparator.comparingInt(PatternCount::total).reversed()
        .thenComparing(Comparator.comparingInt(PatternCount::warnings).reversed())
        .thenComparing(pc -> pc.pattern().id()));
    return out;
  }

  private static Pattern patternOf(String id) {
    try {
      return Pattern.valueOf(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Each rep's book over the evidence window of {@link Pattern#OVER_SERVICING} (the policy's
   * {@code window.weeks} ending with {@code asOf}), from the same {@link BookContext} the findings
   * are judged with, so the report's rep list and the findings' evidence quote the same counts.
   * Only reps whose book is heavy and brings no new business (the policy's thresholds) are kept.
   */
  private static void bookOfReps(BookContext book, Policy policy, IsoWeek asOf, List<String> reps,
      Map<String, RepLoad> out) {
    int weeks = policy.window().weeks();
    Policy.OverServicing rule = policy.overServicing();
    for (String rep : reps) {
      if (out.containsKey(rep)) {
        continue;
      }
      book.book(rep).ifPresent(b -> {
        RepLoad load = new RepLoad(rep, b.serviceHours(), b.checkIns(), b.newBusinessCheckIns(), 0, weeks,
            asOf.minusWeeks(weeks - 1L));
        if (load.checkIns() > 0 && load.hoursPerWeek() >= rule.heavyWeekHours()
            && b.newBusinessPct() <= rule.bookNewBusinessMaxPct()) {
          out.put(rep, load);
        }
      });
    }
  }

  private static List<RepLoad> overServicing(List<AccountRow> rows, Map<String, RepLoad> repBooks) {
    Map<String, Integer> flagged = new HashMap<>();
    for (AccountRow r : rows) {
      if (r.findings().stream().anyMatch(f -> f.pattern() == Pattern.OVER_SERVICING)) {
        flagged.merge(r.account().rep(), 1, Integer::sum);
      }
    }
    List<RepLoad> out = new ArrayList<>();
    for (RepLoad l : repBooks.values()) {
      out.add(new RepLoad(l.rep(), l.serviceHours(), l.checkIns(), l.newBusinessWeeks(),
          flagged.getOrDefault(l.rep(), 0), l.weeks(), l.since()));
    }
    out.sort(Comparator.comparingDouble(RepLoad::serviceHours).reversed().thenComparing(RepLoad::rep));
    return out;
  }

  private static List<AccountPeriod> periodRows(ReportDao dao, String ws, Set<String> reps, Period period, long fromMillis) {
    List<String> ids = new ArrayList<>();
    for (List<String> chunk : chunks(reps)) {
      ids.addAll(dao.accountsOfReps(ws, chunk, fromMillis));
    }
    List<AccountPeriod> out = new ArrayList<>(ids.size());
    for (List<String> chunk : chunks(ids)) {
      out.addAll(dao.periodOfAccounts(ws, chunk, period.from().toString(), period.to().toString()));
    }
    out.sort(java.util.Comparator.comparing((AccountPeriod p) -> io.rapport.domain.Names.key(p.account().name()))
        .thenComparing(p -> p.account().id()));
    return out;
  }

  private static Map<String, List<CheckIn>> history(ReportDao dao, String ws, List<Account> accounts, IsoWeek from) {
    Map<String, List<CheckIn>> byAccount = new HashMap<>(accounts.size() * 2);
    for (List<String> chunk : chunks(accounts.stream().map(Account::id).toList())) {
      for (CheckIn c : dao.history(ws, chunk, from.toString())) {
        byAccount.computeIfAbsent(c.account(), id -> new ArrayList<>()).add(c);
      }
    }
    return byAccount;
  }

  private static List<AccountRow> withOpenFlags(ReportDao dao, String ws, List<AccountRow> rows, List<OpenFlag> all) {
    Map<String, List<String>> flags = new HashMap<>();
    for (List<String> chunk : chunks(rows.stream().map(r -> r.account().id()).toList())) {
      for (OpenFlag f : dao.openFlags(ws, chunk)) {
        all.add(f);
        flags.computeIfAbsent(f.accountId(), id -> new ArrayList<>()).add(f.pattern());
      }
    }
    if (flags.isEmpty()) {
      return rows;
    }
    List<AccountRow> out = new ArrayList<>(rows.size());
    for (AccountRow r : rows) {
      List<String> open = flags.getOrDefault(r.account().id(), List.of());
      out.add(open.isEmpty() ? r : r.withOpenFlags(open));
    }
    return out;
  }

  static <T> List<List<T>> chunks(Collection<T> items) {
    List<List<T>> out = new ArrayList<>();
    List<T> all = new ArrayList<>(items);
    for (int i = 0; i < all.size(); i += ReportDao.CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + ReportDao.CHUNK)));
    }
    return out;
  }
}
