package io.rapport.completion;

import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one definition of a due slot and of completion, used by App Home, {@code /accounts}, the
 * report (and its CSV and chart), the manager digest, the demo and {@code analyze}. Pure: the
 * caller passes the accounts, the answered slots, when each rep's check-in time came and which
 * weeks are excluded.
 *
 * <p>A slot is one (rep, key account, week). It is <b>due</b> when
 *
 * <ol>
 *   <li>the account is a key account (standard accounts are never prompted);
 *   <li>the week is on or after the week the account was added (or its first answered week, when
 *       history was imported from before it was added);
 *   <li>the week is before the week the account was removed;
 *   <li>the rep's check-in time of that week has come ({@link CheckInTime}), and
 *   <li>the week is not excluded for the rep ({@link SlotExclusions}, e.g. away),
 * </ol>
 *
 * or, whatever 4 and 5 say, when it was <b>answered</b> (a check-in or "nothing to report" in a
 * week the account was live): an answer given early or while away always counts. Completion is the
 * share of due slots answered.
 */
public final class DueSlots {
  private DueSlots() {}

  /**
   * An account as the rule needs it.
   *
   * @param accountId the account
   * @param repId its rep
   * @param key true for a key account
   * @param firstWeek the first week it can be due: the week it was added, or its first answered
   *     week when that is earlier
   * @param removedWeek the week it was removed (not due from then on), or null while active
   */
  public record SlotAccount(String accountId, String repId, boolean key, IsoWeek firstWeek, IsoWeek removedWeek) {
    boolean liveIn(IsoWeek week) {
      return key && week.compareTo(firstWeek) >= 0 && (removedWeek == null || week.compareTo(removedWeek) < 0);
    }
  }

  /** When a rep's check-in time of a week has come (their team's schedule, in their time zone). */
  @FunctionalInterface
  public interface CheckInTime {
    /** Every week's check-in time has come: for weeks that are over. */
    CheckInTime ALWAYS = (rep, week) -> true;

    boolean reached(String repId, IsoWeek week);

    /** Weeks before {@code current} have always come; {@code current} when {@code reachedNow} says so. */
    static CheckInTime upTo(IsoWeek current, java.util.function.Predicate<String> reachedNow) {
      return (rep, week) -> {
        int c = week.compareTo(current);
        return c < 0 || (c == 0 && reachedNow.test(rep));
      };
    }
  }

  /** An answered slot: (account, week). */
  public record Answered(String accountId, IsoWeek week) {}

  /**
   * Whether one slot is due.
   *
   * @param answered true when the slot has a check-in or "nothing to report"
   */
  public static boolean isDue(SlotAccount a, IsoWeek week, boolean answered, CheckInTime time,
      SlotExclusions exclusions) {
    if (!a.liveIn(week)) {
      return false;
    }
    return answered || (time.reached(a.repId(), week) && !exclusions.excluded(a.repId(), week));
  }

  /**
   * Counts the slots of {@code accounts} over {@code weeks}.
   *
   * @param answered the answered slots (others' are ignored)
   */
  public static Tally count(Collection<SlotAccount> accounts, List<IsoWeek> weeks, Set<Answered> answered,
      CheckInTime time, SlotExclusions exclusions) {
    Map<String, int[]> byRep = new TreeMap<>();
    Map<String, Map<IsoWeek, Integer>> missing = new TreeMap<>();
    int keyAccounts = 0;
    for (SlotAccount a : accounts) {
      if (!a.key()) {
        continue;
      }
      keyAccounts++;
      int[] c = byRep.computeIfAbsent(a.repId(), r -> new int[2]);
      for (IsoWeek w : weeks) {
        boolean done = answered.contains(new Answered(a.accountId(), w));
        if (isDue(a, w, done, time, exclusions)) {
          c[1]++;
          if (done) {
            c[0]++;
          } else {
            missing.computeIfAbsent(a.repId(), r -> new TreeMap<>()).merge(w, 1, Integer::sum);
          }
        }
      }
    }
    Map<String, Completion> reps = new TreeMap<>();
    Completion total = Completion.NONE;
    for (Map.Entry<String, int[]> e : byRep.entrySet()) {
      Completion c = new Completion(e.getValue()[0], e.getValue()[1]);
      reps.put(e.getKey(), c);
      total = total.plus(c);
    }
    List<Missing> gaps = new ArrayList<>();
    missing.forEach((rep, weeksMissing) -> weeksMissing.forEach((w, n) -> gaps.add(new Missing(rep, w, n))));
    return new Tally(total, Collections.unmodifiableMap(reps), List.copyOf(gaps), keyAccounts);
  }

  /** A rep's due slots of one week without an answer. */
  public record Missing(String repId, IsoWeek week, int accounts) {}

  /**
   * Completion of a set of accounts over a set of weeks.
   *
   * @param total all due slots
   * @param byRep per rep with at least one key account (a rep with nothing due has 0 of 0)
   * @param missing the unanswered due slots per (rep, week), by rep then week
   * @param keyAccounts the key accounts counted (to tell "no key accounts" from "nothing due yet")
   */
  public record Tally(Completion total, Map<String, Completion> byRep, List<Missing> missing, int keyAccounts) {
    public static final Tally EMPTY = new Tally(Completion.NONE, Map.of(), List.of(), 0);

    /** The rep's completion (0 of 0 for a rep with no key account). */
    public Completion of(String repId) {
      return byRep.getOrDefault(repId, Completion.NONE);
    }
  }
}
