package io.rapport.report;

import io.rapport.completion.Completion;
import io.rapport.completion.DueSlots;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.insight.Pattern;
import io.rapport.insight.Policy;
import io.rapport.insight.Severity;
import io.rapport.store.ReportDao.SignalTotals;
import io.rapport.insight.AccountAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The manager report (SPEC §8) for one scope and period, independent of how it is shown: Block
 * Kit, CSV, chart and terminal renderings all read this.
 *
 * @param title what the report is about, e.g. "Team Enterprise East"
 * @param period the weeks covered
 * @param completion check-in completion over the period (see {@link DueSlots})
 * @param keyAccounts the key accounts in scope (to tell "no key accounts" from "nothing due yet")
 * @param repCompletion completion per rep, lowest first
 * @param bandsNow accounts per health band at the end of the period (accounts with no recent
 *     check-ins are in no band)
 * @param bandsBefore accounts per band at the end of the previous period of the same length
 * @param flagsInUse true when flags have been posted in the workspace: {@code patterns} then counts
 *     open flags; otherwise it counts the analysis' current findings
 * @param patterns open flags (or current findings) per pattern, most first
 * @param accounts every account in scope, riskiest first (lowest health, then name)
 * @param overServicingReps reps whose time goes to existing accounts with no new business
 * @param unansweredPrompts due slots without an answer, per rep and week, latest week first
 * @param trend health per week, one series per team (or the account)
 * @param bands the health bands in force (the first team's policy)
 * @param evidenceWeeks the evidence window of health in weeks: an account without a check-in in it
 *     has no health ("no recent check-ins")
 * @param awayWeeks reps of the scope away in the period and how many of its weeks: their slots of
 *     those weeks are not due (shown as away, not missed)
 */
public record Report(
    String title,
    Period period,
    Completion completion,
    int keyAccounts,
    List<RepCompletion> repCompletion,
    Map<Health.Band, Integer> bandsNow,
    Map<Health.Band, Integer> bandsBefore,
    boolean flagsInUse,
    List<PatternCount> patterns,
    List<AccountRow> accounts,
    List<RepLoad> overServicingReps,
    List<DueSlots.Missing> unansweredPrompts,
    List<TrendSeries> trend,
    Policy.HealthWeights bands,
    int evidenceWeeks,
    Map<String, Integer> awayWeeks) {

  /** Riskiest first: lowest health, then no recent check-ins, then healthy by name. */
  public static final Comparator<AccountRow> RISKIEST_FIRST =
      Comparator.comparingInt((AccountRow r) -> r.health().map(h -> h.score()).orElse(Integer.MAX_VALUE))
          .thenComparing(r -> r.account().name(), String.CASE_INSENSITIVE_ORDER);

  /**
   * The weeks a report covers: {@code weeks} ISO weeks ending with {@code to} (the current week).
   */
  public record Period(IsoWeek from, IsoWeek to, int weeks) {
    public static Period ending(IsoWeek to, int weeks) {
      return new Period(to.minusWeeks(weeks - 1L), to, weeks);
    }

    /** The weeks in order, oldest first. */
    public List<IsoWeek> list() {
      return java.util.stream.IntStream.range(0, weeks).mapToObj(i -> from.plusWeeks(i)).toList();
    }

    /** As a manager reads it: "24 Aug – 18 Oct (8 weeks)", or "week of 12 Oct 2026". */
    public String inWords() {
      return weeks == 1 ? WeekWords.weekOf(to) : WeekWords.span(from, to) + " (" + weeks + " weeks)";
    }

    /** "the week of 17 Aug": the week before the period, which changes are counted from. */
    public String weekBeforeInWords() {
      return "the " + WeekWords.weekOf(from.minusWeeks(1), to.monday().getYear());
    }

    /** "week of 12 Oct" for a week read in this period (the year only when it differs). */
    public String weekInWords(IsoWeek week) {
      return WeekWords.weekOf(week, to.monday().getYear());
    }

    @Override
    public String toString() {
      return weeks == 1 ? to.toString() : from + " – " + to + " (" + weeks + " weeks)";
    }
  }

  /** One rep's completion. */
  public record RepCompletion(String rep, Completion completion) {}

  /** How many accounts show a pattern. */
  public record PatternCount(Pattern pattern, int warnings, int watches) {
    public int total() {
      return warnings + watches;
    }
  }

  /**
   * One account's line of the report (and of the CSV).
   *
   * @param account the account
   * @param unit its team's name (or "Not in a team")
   * @param health its health at the end of the period; empty for "no recent check-ins"
   * @param previous its health at the end of the previous period; empty for "no recent check-ins"
   * @param findings the patterns it shows now, warnings first
   * @param openFlags the patterns of its open flags
   * @param lastCheckIn the latest week it was checked in, or null
   * @param totals its signals over the period
   * @param judged the analysis behind {@code health} and {@code findings}
   * @param judgedBefore the analysis behind {@code previous}, when it was judged then
   * @param editedBy who other than the rep last wrote the {@code lastCheckIn} week's check-in (a
   *     manager or admin who changed or recorded it); never shown to a channel
   */
  public record AccountRow(
      Account account,
      String unit,
      Optional<Health> health,
      Optional<Health> previous,
      List<Finding> findings,
      List<String> openFlags,
      String lastCheckIn,
      SignalTotals totals,
      AccountAnalysis judged,
      Optional<AccountAnalysis> judgedBefore,
      Optional<String> editedBy) {

    public AccountRow(Account account, String unit, Optional<Health> health, Optional<Health> previous,
        List<Finding> findings, List<String> openFlags, String lastCheckIn, SignalTotals totals, AccountAnalysis judged,
        Optional<AccountAnalysis> judgedBefore) {
      this(account, unit, health, previous, findings, openFlags, lastCheckIn, totals, judged, judgedBefore,
          Optional.empty());
    }

    /** This row with other open flags. */
    public AccountRow withOpenFlags(List<String> flags) {
      return new AccountRow(account, unit, health, previous, findings, List.copyOf(flags), lastCheckIn, totals,
          judged, judgedBefore, editedBy);
    }

    /**
     * This row as a channel sees it: only the findings {@code shown} accepts, and its health now and
     * before scored from those findings alone. Who edited a rep's check-in is not the channel's
     * business: it says a manager corrected what the rep reported, so it is left out.
     */
    AccountRow counting(Predicate<Finding> shown, List<String> flags) {
      return new AccountRow(account, unit, judged.healthCounting(shown),
          judgedBefore.flatMap(a -> a.healthCounting(shown)), findings.stream().filter(shown).toList(),
          flags, lastCheckIn, totals, judged, judgedBefore, Optional.empty());
    }

    /** The finding to show first, if any. */
    public Finding topFinding() {
      return findings.isEmpty() ? null : findings.get(0);
    }

    public boolean hasWarning() {
      return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
    }
  }

  /**
   * A rep's book over the evidence window of over-servicing (not the report period): the same
   * counts the {@code OVER_SERVICING} findings quote ("new business in 0 of 57 check-ins since
   * 27 Jul"), so one report never shows two counts for the same rep.
   *
   * @param rep the rep
   * @param serviceHours service hours the rep reported in the window
   * @param checkIns the rep's check-ins in the window
   * @param newBusinessWeeks of those, check-ins with new business
   * @param overServicedAccounts their accounts flagged OVER_SERVICING now
   * @param weeks the window's length in weeks
   * @param since the window's first week
   */
  public record RepLoad(String rep, double serviceHours, int checkIns, int newBusinessWeeks, int overServicedAccounts,
      int weeks, IsoWeek since) {
    public double hoursPerWeek() {
      return serviceHours / Math.max(1, weeks);
    }
  }

  /**
   * Health per week of one team (or the one account).
   *
   * @param health the average health of the accounts with recent check-ins (null: none)
   * @param atRisk how many of them are at risk (null: none judged)
   * @param unhealthy how many of them are unhealthy (null: none judged)
   * @param judged per week, the analyses of the reported accounts the figures come from
   */
  public record TrendSeries(
      String name, List<IsoWeek> weeks, List<Double> health, List<Integer> atRisk,
      List<Integer> unhealthy, List<List<AccountAnalysis>> judged) {

    /** Per week, how many accounts are at risk or unhealthy (null: none judged). */
    public List<Integer> notHealthy() {
      List<Integer> sum = new ArrayList<>(atRisk.size());
      for (int i = 0; i < atRisk.size(); i++) {
        sum.add(atRisk.get(i) == null ? null : atRisk.get(i) + unhealthy.get(i));
      }
      return sum;
    }

    /**
     * The series of {@code judged} (per week, the reported accounts' analyses), each account's
     * health scored from the findings {@code counted} accepts.
     */
    public static TrendSeries of(String name, List<IsoWeek> weeks, List<List<AccountAnalysis>> judged,
        Predicate<Finding> counted) {
      List<Double> health = new ArrayList<>(weeks.size());
      List<Integer> atRisk = new ArrayList<>(weeks.size());
      List<Integer> unhealthy = new ArrayList<>(weeks.size());
      for (List<AccountAnalysis> week : judged) {
        double sum = 0;
        int n = 0;
        int risky = 0;
        int bad = 0;
        for (AccountAnalysis a : week) {
          Optional<Health> h = a.healthCounting(counted);
          if (h.isPresent()) {
            sum += h.get().score();
            n++;
            if (h.get().band() == Health.Band.AT_RISK) {
              risky++;
            } else if (h.get().band() == Health.Band.UNHEALTHY) {
              bad++;
            }
          }
        }
        health.add(n == 0 ? null : sum / n);
        atRisk.add(n == 0 ? null : risky);
        unhealthy.add(n == 0 ? null : bad);
      }
      return new TrendSeries(name, weeks, health, atRisk, unhealthy, judged);
    }
  }

  /** Accounts with no check-in in their evidence window (no health, in no band). */
  public int noRecentCheckIns() {
    return (int) accounts.stream().filter(a -> a.health().isEmpty()).count();
  }

  /**
   * This report as it may be shared to a channel: the findings, open flags and pattern counts of
   * private patterns ({@code privatePatterns}: coaching and manager ones, see {@link
   * io.rapport.insight.Audience}) and the list of over-servicing reps are left out, so a rep's own
   * admissions stay with the rep, their manager and admins. Findings resting on an admission are
   * left out whatever their pattern. Health, bands, their change and the trend are scored again
   * from the findings the channel may see, so a private finding leaves no trace in any number. Who
   * was away is left out too (completion still excludes it).
   */
  public Report forChannel(Set<Pattern> privatePatterns) {
    Predicate<Finding> shareable = f -> !privatePatterns.contains(f.pattern()) && !f.admitted();
    List<AccountRow> rows = new ArrayList<>(accounts.size());
    Map<Health.Band, Integer> now = new EnumMap<>(Health.Band.class);
    Map<Health.Band, Integer> before = new EnumMap<>(Health.Band.class);
    for (AccountRow r : accounts) {
      AccountRow shared = r.counting(shareable,
          r.openFlags().stream().filter(p -> privatePatterns.stream().noneMatch(x -> x.id().equals(p))).toList());
      shared.health().ifPresent(h -> now.merge(h.band(), 1, Integer::sum));
      shared.previous().ifPresent(h -> before.merge(h.band(), 1, Integer::sum));
      rows.add(shared);
    }
    rows.sort(RISKIEST_FIRST);
    List<TrendSeries> sharedTrend =
        trend.stream().map(t -> TrendSeries.of(t.name(), t.weeks(), t.judged(), shareable)).toList();
    List<PatternCount> counts = patterns.stream().filter(c -> !privatePatterns.contains(c.pattern())).toList();
    return new Report(title, period, completion, keyAccounts, repCompletion, now, before, flagsInUse,
        counts, rows, List.of(), unansweredPrompts, sharedTrend, bands, evidenceWeeks, Map.of());
  }

  /** Accounts per band, 0 for a missing band. */
  public int now(Health.Band band) {
    return bandsNow.getOrDefault(band, 0);
  }

  public int before(Health.Band band) {
    return bandsBefore.getOrDefault(band, 0);
  }
}
