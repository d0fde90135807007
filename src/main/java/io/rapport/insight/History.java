package io.rapport.insight;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One account's recent check-ins as the detectors see them: in week order, at most one per week
 * (the later one given wins), none after the week judged and none older than the policy's longest
 * look-back.
 */
public final class History {
  private static final Comparator<CheckIn> BY_WEEK = Comparator.comparing(CheckIn::week);

  private final Account account;
  private final Timeframe timeframe;
  private final List<CheckIn> checkIns;

  private History(Account account, Timeframe timeframe, List<CheckIn> checkIns) {
    this.account = account;
    this.timeframe = timeframe;
    this.checkIns = checkIns;
  }

  /**
   * Prepares an account's history for judging.
   *
   * @param account the account
   * @param checkIns its check-ins in any order; when two share a week the later in the list wins;
   *     check-ins of other accounts are not expected here
   * @param timeframe the week judged
   * @param lookbackWeeks how many weeks up to the week judged to keep
   */
  public static History of(
      Account account, List<CheckIn> checkIns, Timeframe timeframe, int lookbackWeeks) {
    Objects.requireNonNull(account, "account");
    IsoWeek first = timeframe.start(lookbackWeeks);
    IsoWeek last = timeframe.asOf();
    List<CheckIn> kept = new ArrayList<>(checkIns.size());
    boolean sorted = true;
    IsoWeek previous = null;
    for (CheckIn c : checkIns) {
      IsoWeek w = c.week();
      if (w.compareTo(first) < 0 || w.compareTo(last) > 0) {
        continue;
      }
      if (previous != null && w.compareTo(previous) <= 0) {
        sorted = false;
      }
      previous = w;
      kept.add(c);
    }
    if (!sorted) {
      kept.sort(BY_WEEK); // stable: of two check-ins for one week, the later stays later
      List<CheckIn> unique = new ArrayList<>(kept.size());
      for (int i = 0; i < kept.size(); i++) {
        if (i + 1 < kept.size() && kept.get(i + 1).week().equals(kept.get(i).week())) {
          continue;
        }
        unique.add(kept.get(i));
      }
      kept = unique;
    }
    return new History(account, timeframe, Collections.unmodifiableList(kept));
  }

  public Account account() {
    return account;
  }

  /** The week judged. */
  public IsoWeek asOf() {
    return timeframe.asOf();
  }

  public Timeframe timeframe() {
    return timeframe;
  }

  /** Every kept check-in, oldest first. */
  public List<CheckIn> all() {
    return checkIns;
  }

  /** The check-ins of the last {@code weeks} weeks up to the week judged, oldest first. */
  public List<CheckIn> lastWeeks(int weeks) {
    IsoWeek start = timeframe.start(weeks);
    int lo = 0;
    int hi = checkIns.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (checkIns.get(mid).week().compareTo(start) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return checkIns.subList(lo, checkIns.size());
  }

  /** The rep a check-in belongs to: its own rep, or the account's when it names none. */
  public String repOf(CheckIn c) {
    return c.rep() == null ? account.rep() : c.rep();
  }
}
