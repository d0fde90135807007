package io.rapport.insight;

import io.rapport.domain.CheckIn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the detectors know beyond one account: each rep's whole book (for {@link
 * Pattern#OVER_SERVICING}) and the discount norm (for {@link Pattern#WORKING_FOR_THE_CLIENT}).
 * In Slack the norm is the team's; in {@code analyze} it is every account of the file.
 *
 * @param repBooks each rep's book over the policy window, by rep id
 * @param discountNormPct the median account's average discount in the window, when enough accounts
 *     report discounts ({@link Policy.WorkingForTheClient#minNormAccounts()})
 * @param currency the workspace's currency for amounts in evidence (e.g. "EUR"), none by default
 */
public record BookContext(
    Map<String, RepBook> repBooks, OptionalDouble discountNormPct, Optional<String> currency) {

  private static final BookContext EMPTY = new BookContext(Map.of(), OptionalDouble.empty());

  public BookContext {
    repBooks = Map.copyOf(repBooks);
    java.util.Objects.requireNonNull(currency, "currency");
  }

  /** A book context without a currency. */
  public BookContext(Map<String, RepBook> repBooks, OptionalDouble discountNormPct) {
    this(repBooks, discountNormPct, Optional.empty());
  }

  /** This context with amounts given in {@code currency} (blank: none). */
  public BookContext withCurrency(Optional<String> currency) {
    return new BookContext(repBooks, discountNormPct, currency.map(String::trim).filter(c -> !c.isEmpty()));
  }

  /** No knowledge beyond the account itself: over-servicing is judged on the account alone. */
  public static BookContext empty() {
    return EMPTY;
  }

  public Optional<RepBook> book(String rep) {
    return Optional.ofNullable(repBooks.get(rep));
  }

  public static Builder builder(Policy policy) {
    return new Builder(policy);
  }

  /**
   * Accumulates a book from account histories, one account at a time, so a caller can stream
   * accounts from a database without holding them all.
   */
  public static final class Builder {
    private final Policy policy;
    private final Map<String, int[]> counts = new HashMap<>(); // accounts, checkIns, newBusiness
    private final Map<String, double[]> hours = new HashMap<>();
    private double[] accountDiscounts = new double[64];
    private int discountAccounts;

    private Builder(Policy policy) {
      this.policy = policy;
    }

    /** Adds one account's history; only check-ins inside the policy window count. */
    public Builder add(History history) {
      List<CheckIn> recent = history.lastWeeks(policy.window().weeks());
      List<String> repsSeen = new java.util.ArrayList<>(2);
      double discountSum = 0;
      int discountWeeks = 0;
      for (CheckIn c : recent) {
        String rep = history.repOf(c);
        int[] n = counts.computeIfAbsent(rep, r -> new int[3]);
        if (!repsSeen.contains(rep)) {
          n[0]++; // each account counts once in each book it appears in
          repsSeen.add(rep);
        }
        n[1]++;
        if (Signals.newBusiness(c)) {
          n[2]++;
        }
        hours.computeIfAbsent(rep, r -> new double[1])[0] += Signals.serviceHours(c);
        if (c.discountPct() != null) {
          discountSum += c.discountPct();
          discountWeeks++;
        }
      }
      if (discountWeeks > 0) {
        if (discountAccounts == accountDiscounts.length) {
          accountDiscounts = Arrays.copyOf(accountDiscounts, discountAccounts * 2);
        }
        accountDiscounts[discountAccounts++] = discountSum / discountWeeks;
      }
      return this;
    }

    public BookContext build() {
      Map<String, RepBook> books = new HashMap<>(counts.size() * 2);
      counts.forEach(
          (rep, n) -> books.put(rep, new RepBook(rep, n[0], n[1], n[2], hours.get(rep)[0])));
      OptionalDouble norm = OptionalDouble.empty();
      if (discountAccounts > 0 && discountAccounts >= policy.workingForTheClient().minNormAccounts()) {
        double[] sorted = Arrays.copyOf(accountDiscounts, discountAccounts);
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        norm =
            OptionalDouble.of(
                sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
      }
      return new BookContext(books, norm);
    }
  }
}
