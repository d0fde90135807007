package io.rapport.insight;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An account's history written as a small text table, one row per week, so a test reads like the
 * story it tells. Columns (any subset, any order; "-" or an empty cell means "not answered"):
 *
 * <pre>
 * week      ISO week, e.g. 2026-W41 (required)
 * biz soc   business and social contacts (either one sets both; the other counts 0)
 * hours     service hours           unpaid   unpaid hours
 * outcome   none|progressed|won|lost          revenue  revenue won
 * disc      discount %              free     freebies (y/n)
 * quota     quota pressure (y/n)    conduct  respectful|demanding|aggressive|threatening
 * byClient  promises broken by the client     byUs     promises broken by us
 * pay       payment days            dispute  billing dispute (y/n)
 * value     value rating 1–5        rep      rep of the check-in
 * </pre>
 */
public final class Story {
  private final Account account;
  private final List<CheckIn> checkIns = new ArrayList<>();
  private BookContext book = BookContext.empty();
  private Policy policy = Policy.defaults();

  private Story(Account account) {
    this.account = account;
  }

  public static Story of(Account account) {
    return new Story(account);
  }

  public static Story of(String id) {
    return new Story(Account.of(id, id, "U_REP"));
  }

  public Story weeks(String table) {
    checkIns.addAll(parse(account.id(), table));
    return this;
  }

  public Story book(BookContext book) {
    this.book = book;
    return this;
  }

  public Story policy(Policy policy) {
    this.policy = policy;
    return this;
  }

  public List<CheckIn> checkIns() {
    return checkIns;
  }

  public Account account() {
    return account;
  }

  public IsoWeek lastWeek() {
    return checkIns.stream().map(CheckIn::week).max(IsoWeek::compareTo).orElseThrow();
  }

  /** The full analysis as of the last week of the table. */
  public AccountAnalysis analyze() {
    return new Analyzer(policy).analyze(account, checkIns, book, lastWeek());
  }

  /** The finding for one pattern, if raised. */
  public Optional<Finding> finding(Pattern pattern) {
    return analyze().findings().stream().filter(f -> f.pattern() == pattern).findFirst();
  }

  public static List<CheckIn> parse(String accountId, String table) {
    List<String> lines =
        table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    String[] header = lines.get(0).split("\\s+");
    List<CheckIn> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      if (cells.length != header.length) {
        throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.length + ": " + line);
      }
      CheckIn.Builder b = null;
      Integer biz = null;
      Integer soc = null;
      for (int i = 0; i < header.length; i++) {
        if (header[i].equals("week")) {
          b = CheckIn.builder(accountId, IsoWeek.parse(cells[i]));
        }
      }
      if (b == null) {
        throw new IllegalArgumentException("a story table needs a week column");
      }
      for (int i = 0; i < header.length; i++) {
        String v = cells[i];
        if (v.equals("-")) {
          continue;
        }
        switch (header[i]) {
          case "week" -> {}
          case "biz" -> biz = Integer.parseInt(v);
          case "soc" -> soc = Integer.parseInt(v);
          case "hours" -> b.serviceHours(Double.parseDouble(v));
          case "unpaid" -> b.unpaidHours(Double.parseDouble(v));
          case "outcome" -> b.outcome(Outcome.parse("outcome", v));
          case "revenue" -> b.revenueWon(Double.parseDouble(v));
          case "disc" -> b.discountPct(Double.parseDouble(v));
          case "free" -> b.freebies(yes(v));
          case "quota" -> b.quotaPressure(yes(v));
          case "conduct" -> b.clientConduct(conduct(v));
          case "byClient" -> b.promisesBrokenByClient(Integer.parseInt(v));
          case "byUs" -> b.promisesBrokenByUs(Integer.parseInt(v));
          case "pay" -> b.paymentDays(Integer.parseInt(v));
          case "dispute" -> b.billingDispute(yes(v));
          case "value" -> b.valueRating(Integer.parseInt(v));
          case "rep" -> b.rep(v);
          default -> throw new IllegalArgumentException("unknown column " + header[i]);
        }
      }
      if (biz != null || soc != null) {
        b.contacts(biz == null ? 0 : biz, soc == null ? 0 : soc);
      }
      rows.add(b.build());
    }
    return rows;
  }

  private static final Map<String, ClientConduct> CONDUCT_SHORT =
      Map.of(
          "r", ClientConduct.RESPECTFUL,
          "d", ClientConduct.DEMANDING,
          "a", ClientConduct.AGGRESSIVE,
          "t", ClientConduct.THREATENING);

  private static ClientConduct conduct(String v) {
    ClientConduct c = CONDUCT_SHORT.get(v.toLowerCase(Locale.ROOT));
    return c != null ? c : ClientConduct.parse("clientConduct", v);
  }

  private static Boolean yes(String v) {
    return switch (v) {
      case "y", "yes", "true" -> Boolean.TRUE;
      case "n", "no", "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("y or n, got " + v);
    };
  }
}
