package io.rapport.report;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.insight.Pattern;
import io.rapport.insight.Severity;
import io.rapport.store.ReportDao.SignalTotals;
import io.rapport.store.ReportDao.UnansweredPrompt;
import java.util.List;
import java.util.Map;

/**
 * The manager report (SPEC §8) for one scope and period, independent of how it is shown: Block
 * Kit, CSV, chart and terminal renderings all read this.
 *
 * @param title what the report is about, e.g. "Team Enterprise East"
 * @param period the weeks covered
 * @param completion check-in completion over the period
 * @param repCompletion completion per rep, lowest first
 * @param bandsNow accounts per health band at the end of the period
 * @param bandsBefore accounts per band at the end of the previous period of the same length
 * @param flagsInUse true when flags have been posted in the workspace: {@code patterns} then counts
 *     open flags; otherwise it counts the analysis' current findings
 * @param patterns open flags (or current findings) per pattern, most first
 * @param accounts every account in scope, riskiest first (lowest health, then name)
 * @param overServicingReps reps whose time goes to existing accounts with no new business
 * @param unansweredPrompts weekly prompts still waiting for answers
 * @param trend health per week, one series per team (or the account)
 */
public record Report(
    String title,
    Period period,
    Completion completion,
    List<RepCompletion> repCompletion,
    Map<Health.Band, Integer> bandsNow,
    Map<Health.Band, Integer> bandsBefore,
    boolean flagsInUse,
    List<PatternCount> patterns,
    List<AccountRow> accounts,
    List<RepLoad> overServicingReps,
    List<UnansweredPrompt> unansweredPrompts,
    List<TrendSeries> trend) {

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

    @Override
    public String toString() {
      return weeks == 1 ? to.toString() : from + " – " + to + " (" + weeks + " weeks)";
    }
  }

  /** Answered and due (rep, key account, week) slots. */
  public record Completion(int answered, int due) {
    /** Percent answered, rounded down; 100 when nothing was due. */
    public int percent() {
      return due == 0 ? 100 : (int) Math.floor(100.0 * answered / due);
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
   * @param health its health at the end of the period
   * @param previousScore its score at the end of the previous period
   * @param findings the patterns it shows now, warnings first
   * @param openFlags the patterns of its open flags
   * @param lastCheckIn the latest week it was checked in, or null
   * @param totals its signals over the period
   */
  public record AccountRow(
      Account account,
      String unit,
      Health health,
      int previousScore,
      List<Finding> findings,
      List<String> openFlags,
      String lastCheckIn,
      SignalTotals totals) {

    /** The finding to show first, if any. */
    public Finding topFinding() {
      return findings.isEmpty() ? null : findings.get(0);
    }

    public boolean hasWarning() {
      return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
    }
  }

  /**
   * A rep's book over the period, for the over-servicing list.
   *
   * @param rep the rep
   * @param serviceHours service hours reported on their accounts
   * @param checkIns check-ins with signals
   * @param newBusinessWeeks of those, check-ins with new business
   * @param overServicedAccounts their accounts flagged OVER_SERVICING now
   */
  public record RepLoad(String rep, double serviceHours, int checkIns, int newBusinessWeeks, int overServicedAccounts, int weeks) {
    public double hoursPerWeek() {
      return serviceHours / Math.max(1, weeks);
    }
  }

  /** Average health per week of one team (or the one account). */
  public record TrendSeries(String name, List<IsoWeek> weeks, List<Double> health) {}

  /** Accounts per band, 0 for a missing band. */
  public int now(Health.Band band) {
    return bandsNow.getOrDefault(band, 0);
  }

  public int before(Health.Band band) {
    return bandsBefore.getOrDefault(band, 0);
  }
}
