package io.rapport.interchange;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of an interchange file: accounts in file order, and for each account its check-ins
 * in week order with at most one per week (the later one in the file wins). This is also the
 * deterministic order {@link InterchangeWriter} writes.
 */
public final class Interchange {
  private static final Comparator<CheckIn> BY_WEEK = Comparator.comparing(CheckIn::week);

  private final List<Account> accounts;
  private final Map<String, List<CheckIn>> checkInsByAccount;
  private final int checkInCount;

  private Interchange(List<Account> accounts, Map<String, List<CheckIn>> checkInsByAccount) {
    this.accounts = Collections.unmodifiableList(accounts);
    this.checkInsByAccount = Collections.unmodifiableMap(checkInsByAccount);
    int n = 0;
    for (List<CheckIn> list : checkInsByAccount.values()) {
      n += list.size();
    }
    this.checkInCount = n;
  }

  /**
   * Builds the content from records in file order, applying the same rules as the reader: account
   * ids unique, every check-in for a listed account, the later check-in for an account and week
   * wins.
   *
   * @throws InterchangeException naming the offending record
   */
  public static Interchange of(List<Account> accounts, List<CheckIn> checkIns) {
    Collector c = new Collector();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      Integer earlier = ids.putIfAbsent(a.id(), i);
      if (earlier != null) {
        throw new InterchangeException(
            "accounts[" + i + "] (id \"" + a.id() + "\")", "id", "duplicate of accounts[" + earlier + "]");
      }
      c.account(i, a);
    }
    for (int i = 0; i < checkIns.size(); i++) {
      CheckIn ci = checkIns.get(i);
      if (!ids.containsKey(ci.account())) {
        throw new InterchangeException(
            "checkins[" + i + "] (account \"" + ci.account() + "\", week " + ci.week() + ")",
            "account",
            "no account with id \"" + ci.account() + "\" in \"accounts\"");
      }
      c.checkIn(i, ci);
    }
    return c.result();
  }

  /** The accounts, in file order. */
  public List<Account> accounts() {
    return accounts;
  }

  /** Check-ins by account id, in account order; each list in week order, one per week. */
  public Map<String, List<CheckIn>> checkInsByAccount() {
    return checkInsByAccount;
  }

  /** Every check-in: account by account in account order, each account's in week order. */
  public List<CheckIn> checkIns() {
    List<CheckIn> all = new ArrayList<>(checkInCount);
    for (List<CheckIn> list : checkInsByAccount.values()) {
      all.addAll(list);
    }
    return all;
  }

  public int checkInCount() {
    return checkInCount;
  }

  /** The latest week any check-in covers, when there are check-ins. */
  public Optional<IsoWeek> latestWeek() {
    IsoWeek latest = null;
    for (List<CheckIn> list : checkInsByAccount.values()) {
      if (!list.isEmpty()) {
        IsoWeek w = list.get(list.size() - 1).week();
        if (latest == null || w.compareTo(latest) > 0) {
          latest = w;
        }
      }
    }
    return Optional.ofNullable(latest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interchange other
        && accounts.equals(other.accounts)
        && checkInsByAccount.equals(other.checkInsByAccount);
  }

  @Override
  public int hashCode() {
    return 31 * accounts.hashCode() + checkInsByAccount.hashCode();
  }

  @Override
  public String toString() {
    return "Interchange[" + accounts.size() + " accounts, " + checkInCount + " check-ins]";
  }

  /** Collects streamed records into an {@link Interchange}. */
  static final class Collector implements InterchangeHandler {
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, List<CheckIn>> byAccount = new HashMap<>();

    @Override
    public void account(int index, Account account) {
      accounts.add(account);
    }

    @Override
    public void checkIn(int index, CheckIn checkIn) {
      byAccount.computeIfAbsent(checkIn.account(), id -> new ArrayList<>()).add(checkIn);
    }

    Interchange result() {
      Map<String, List<CheckIn>> ordered = new LinkedHashMap<>(accounts.size() * 2);
      for (Account a : accounts) {
        List<CheckIn> list = byAccount.get(a.id());
        ordered.put(a.id(), list == null ? List.of() : Collections.unmodifiableList(inWeekOrder(list)));
      }
      return new Interchange(new ArrayList<>(accounts), ordered);
    }

    /** Sorts by week (stable, so file order decides ties) and keeps the last of each week. */
    private static List<CheckIn> inWeekOrder(List<CheckIn> list) {
      boolean sortedUnique = true;
      for (int i = 1; i < list.size() && sortedUnique; i++) {
        sortedUnique = list.get(i - 1).week().compareTo(list.get(i).week()) < 0;
      }
      if (sortedUnique) {
        return list;
      }
      list.sort(BY_WEEK);
      List<CheckIn> unique = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        if (i + 1 < list.size() && list.get(i + 1).week().equals(list.get(i).week())) {
          continue;
        }
        unique.add(list.get(i));
      }
      return unique;
    }
  }
}
