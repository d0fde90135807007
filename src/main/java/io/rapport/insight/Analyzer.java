package io.rapport.insight;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.detectors.Detectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Judges client relationships: runs every {@link Detector} over an account's recent check-ins and
 * scores its health. Pure: no I/O, no clock — the week judged is always passed in. Thread-safe.
 */
public final class Analyzer {
  private static final int PARALLEL_FROM_ACCOUNTS = 2_000;

  private final Policy policy;
  private final List<Detector> detectors;
  private final Optional<String> currency;

  /** An analyzer with {@link Policy#defaults()}. */
  public Analyzer() {
    this(Policy.defaults());
  }

  public Analyzer(Policy policy) {
    this(policy, Detectors.all());
  }

  /** An analyzer with a chosen set of detectors; each pattern may appear at most once. */
  public Analyzer(Policy policy, List<Detector> detectors) {
    this(policy, detectors, Optional.empty());
  }

  private Analyzer(Policy policy, List<Detector> detectors, Optional<String> currency) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.detectors = List.copyOf(detectors);
    this.currency = Objects.requireNonNull(currency, "currency");
    EnumSet<Pattern> seen = EnumSet.noneOf(Pattern.class);
    for (Detector d : this.detectors) {
      if (!seen.add(d.pattern())) {
        throw new IllegalArgumentException("two detectors for " + d.pattern());
      }
    }
  }

  public Policy policy() {
    return policy;
  }

  /** This analyzer, with amounts in evidence given in the workspace's {@code currency} (none: bare). */
  public Analyzer inCurrency(Optional<String> currency) {
    return new Analyzer(policy, detectors, currency);
  }

  /**
   * Judges one account.
   *
   * @param account the account
   * @param history its check-ins in any order (later ones win for the same week; weeks after
   *     {@code asOf} are ignored)
   * @param book the rep's book and the discount norm; {@link BookContext#empty()} when unknown
   * @param asOf the week judged, normally the current ISO week
   */
  public AccountAnalysis analyze(
      Account account, List<CheckIn> history, BookContext book, IsoWeek asOf) {
    return analyze(account, history, book, asOf, Absences.NONE);
  }

  /** Judges one account; the weeks its rep was {@code away} are not gaps in its evidence window. */
  public AccountAnalysis analyze(
      Account account, List<CheckIn> history, BookContext book, IsoWeek asOf, Absences away) {
    Timeframe timeframe = new Timeframe(asOf, policy.lookbackWeeks());
    return judge(History.of(account, history, timeframe, policy.lookbackWeeks()), book, away);
  }

  /**
   * Judges a whole book of accounts, building the book context from them: each rep's book for
   * {@link Pattern#OVER_SERVICING} and the discount norm across all the given accounts for {@link
   * Pattern#WORKING_FOR_THE_CLIENT}.
   *
   * @param accounts the accounts, in the order wanted for the result
   * @param checkInsByAccountId check-ins by account id (accounts without an entry have none)
   * @param asOf the week judged
   * @return one analysis per account, in the order of {@code accounts}
   */
  public List<AccountAnalysis> analyzeAll(
      List<Account> accounts, Map<String, List<CheckIn>> checkInsByAccountId, IsoWeek asOf) {
    return analyzeAll(accounts, checkInsByAccountId, asOf, Absences.NONE);
  }

  /** Judges a whole book; the weeks each rep was {@code away} are not gaps in their evidence windows. */
  public List<AccountAnalysis> analyzeAll(List<Account> accounts,
      Map<String, List<CheckIn>> checkInsByAccountId, IsoWeek asOf, Absences away) {
    int lookback = policy.lookbackWeeks();
    Timeframe timeframe = new Timeframe(asOf, lookback);
    for (int w = 1; w <= lookback; w++) {
      timeframe.start(w); // fill the cache before threads share it
    }
    History[] histories = new History[accounts.size()];
    range(accounts.size())
        .forEach(
            i -> {
              Account a = accounts.get(i);
              List<CheckIn> own = checkInsByAccountId.getOrDefault(a.id(), List.of());
              histories[i] = History.of(a, own, timeframe, lookback);
            });
    BookContext.Builder bookBuilder = BookContext.builder(policy);
    for (History h : histories) {
      bookBuilder.add(h);
    }
    BookContext book = bookBuilder.build().withCurrency(currency);
    AccountAnalysis[] results = new AccountAnalysis[histories.length];
    range(histories.length).forEach(i -> results[i] = judge(histories[i], book, away));
    return Arrays.asList(results);
  }

  /** The book context {@link #analyzeAll} would build, for callers that judge accounts one by one. */
  public BookContext bookContext(
      List<Account> accounts, Map<String, List<CheckIn>> checkInsByAccountId, IsoWeek asOf) {
    int lookback = policy.lookbackWeeks();
    Timeframe timeframe = new Timeframe(asOf, lookback);
    BookContext.Builder builder = BookContext.builder(policy);
    for (Account a : accounts) {
      builder.add(
          History.of(a, checkInsByAccountId.getOrDefault(a.id(), List.of()), timeframe, lookback));
    }
    return builder.build().withCurrency(currency);
  }

  private AccountAnalysis judge(History history, BookContext book, Absences away) {
    List<Finding> findings = new ArrayList<>(2);
    for (Detector d : detectors) {
      Optional<Finding> f = d.detect(history, book, policy);
      f.ifPresent(findings::add);
    }
    findings.sort(Finding.ORDER);
    int evidenceSpan = evidenceSpan(history, away);
    java.util.OptionalDouble rating = HealthScore.meanValueRating(history, evidenceSpan);
    Optional<Health> health = history.lastWeeks(evidenceSpan).isEmpty()
        ? Optional.empty()
        : Optional.of(HealthScore.of(findings, rating, policy.health()));
    return new AccountAnalysis(history.account(), health, findings, rating, policy.health());
  }

  /**
   * How many weeks back the evidence window reaches: {@link Policy#evidenceWeeks()} weeks in which
   * the account's rep was not away, never further back than the lookback. Both whether an account
   * has a health number and the average value rating in it are read over this span.
   */
  private int evidenceSpan(History history, Absences away) {
    String rep = history.account().rep();
    int wanted = policy.evidenceWeeks();
    int furthest = Math.max(wanted, policy.lookbackWeeks());
    int span = 0;
    int present = 0;
    while (present < wanted && span < furthest) {
      if (!away.away(rep, history.asOf().minusWeeks(span))) {
        present++;
      }
      span++;
    }
    return span;
  }

  private static IntStream range(int n) {
    IntStream r = IntStream.range(0, n);
    return n >= PARALLEL_FROM_ACCOUNTS ? r.parallel() : r;
  }
}
