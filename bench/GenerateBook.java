import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.Horizon;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import io.rapport.interchange.InterchangeWriter;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic book for the analyze benchmark: 2,000 reps, 50,000 accounts and 1,000,000
 * check-ins (20 weeks per account, ending 2026-W41), deterministic for a given seed. About 60% of
 * accounts are healthy; the rest follow one of the 13 pattern stories; one rep in 25 over-services
 * a comfortable book and has stopped prospecting.
 *
 * <p>Run: java -cp target/rapport.jar bench/GenerateBook.java OUT.json [seed]
 */
public class GenerateBook {
  static final int REPS = 2_000;
  static final int ACCOUNTS = 50_000;
  static final int WEEKS = 20;
  static final IsoWeek LAST = IsoWeek.parse("2026-W41");
  static final String[] PROFILES = {
    "OVER_SERVICING", "QUOTA_PRESSURE", "FRIENDSHIP_OVER_PROFIT", "PROFESSIONAL_VISITOR",
    "MASTER_SERVANT", "ABUSIVE", "BIG_BROTHER", "WIN_LOSE", "BROKEN_PROMISES", "EXPLOITATIVE",
    "WORKING_FOR_THE_CLIENT", "HOSTAGE", "TERMS_DICTATED"
  };

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/out/book.json");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    IsoWeek[] weeks = new IsoWeek[WEEKS];
    for (int w = 0; w < WEEKS; w++) {
      weeks[w] = LAST.minusWeeks(WEEKS - 1 - w);
    }
    List<Account> accounts = new ArrayList<>(ACCOUNTS);
    String[] profile = new String[ACCOUNTS];
    Random r = new Random(seed);
    for (int i = 0; i < ACCOUNTS; i++) {
      int rep = i % REPS;
      boolean coastingRep = rep % 25 == 0;
      String p = coastingRep ? "COASTING" : r.nextInt(100) < 60 ? "HEALTHY" : PROFILES[r.nextInt(PROFILES.length)];
      profile[i] = p;
      Account a = Account.of(String.format("acc-%05d", i), "Account " + i, String.format("U%05d", rep));
      if (p.equals("HOSTAGE")) {
        a = a.withMandated(true);
      } else if (r.nextInt(20) == 0) {
        a = a.withMandated(true); // a mandated account that is genuinely valuable
      }
      if (r.nextInt(4) == 0) {
        a = a.withHorizon(Horizon.values()[r.nextInt(3)]).withAgreedPaymentDays(30 + 15 * r.nextInt(3));
      }
      if (r.nextInt(3) == 0) {
        a = a.withListMarginPct(20.0 + r.nextInt(20));
      }
      accounts.add(a);
    }
    Iterable<CheckIn> checkIns = () -> new Iterator<>() {
      int account = 0;
      int week = 0;
      Random rnd = new Random(seed * 31);

      public boolean hasNext() {
        return account < ACCOUNTS;
      }

      public CheckIn next() {
        Account a = accounts.get(account);
        CheckIn c = checkIn(a, profile[account], weeks[week], week, rnd);
        if (++week == WEEKS) {
          week = 0;
          account++;
        }
        return c;
      }
    };
    long start = System.nanoTime();
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      new InterchangeWriter().write(os, accounts, checkIns);
    }
    System.out.printf("wrote %s: %d reps, %d accounts, %d check-ins, %.1f MB in %.1f s%n",
        out, REPS, ACCOUNTS, ACCOUNTS * WEEKS, Files.size(out) / 1e6, (System.nanoTime() - start) / 1e9);
  }

  /** One week of one account, following its story; week w counts 0..19, the last weeks matter most. */
  static CheckIn checkIn(Account a, String profile, IsoWeek week, int w, Random r) {
    CheckIn.Builder b = CheckIn.builder(a.id(), week);
    // a healthy baseline every story starts from
    b.contacts(1 + r.nextInt(2), r.nextInt(2));
    double hours = 1 + r.nextInt(5);
    b.serviceHours(hours);
    if (r.nextInt(5) == 0) {
      b.unpaidHours(Math.min(hours, 1));
    }
    boolean won = r.nextInt(3) == 0;
    b.outcome(won ? Outcome.WON : r.nextBoolean() ? Outcome.PROGRESSED : Outcome.NONE);
    if (won) {
      b.revenueWon(1000.0 * (2 + r.nextInt(20)));
    }
    b.discountPct(r.nextInt(8));
    b.clientConduct(r.nextInt(4) == 0 ? ClientConduct.DEMANDING : ClientConduct.RESPECTFUL);
    if (r.nextInt(4) == 0) {
      b.paymentDays(a.agreedPaymentDays() - 3 + r.nextInt(8));
    }
    b.valueRating(3 + r.nextInt(3));
    if (r.nextInt(40) == 0) {
      b.note("Good meeting, next step agreed for week " + week);
    }
    boolean recent = w >= 12;
    switch (profile) {
      case "COASTING", "OVER_SERVICING" -> {
        b.serviceHours(8 + r.nextInt(6)).outcome(Outcome.NONE).revenueWon(null);
      }
      case "QUOTA_PRESSURE" -> {
        if (w == 6 || w == 19 || (recent && r.nextInt(4) == 0)) {
          b.quotaPressure(true).discountPct(15 + r.nextInt(20));
        }
      }
      case "FRIENDSHIP_OVER_PROFIT" -> {
        if (recent) {
          b.contacts(r.nextInt(2), 2 + r.nextInt(2)).outcome(Outcome.NONE).revenueWon(null);
        } else {
          b.contacts(1, 1).outcome(Outcome.WON).revenueWon(8000.0);
        }
      }
      case "PROFESSIONAL_VISITOR" -> {
        b.contacts(0, 1 + r.nextInt(2)).outcome(Outcome.NONE).revenueWon(null);
      }
      case "MASTER_SERVANT" -> {
        double h = 4 + r.nextInt(6);
        b.serviceHours(h).unpaidHours(Math.floor(h * 0.7));
      }
      case "ABUSIVE" -> {
        if (recent && r.nextInt(2) == 0) {
          b.clientConduct(ClientConduct.AGGRESSIVE);
        }
      }
      case "BIG_BROTHER" -> {
        if (w == 15 || w == 18) {
          b.clientConduct(ClientConduct.THREATENING);
        }
      }
      case "WIN_LOSE" -> {
        if (recent) {
          b.outcome(Outcome.NONE).revenueWon(null).discountPct(8 + r.nextInt(10));
        }
      }
      case "BROKEN_PROMISES" -> {
        if (recent && r.nextInt(2) == 0) {
          b.promisesBrokenByClient(1 + r.nextInt(2));
        }
      }
      case "EXPLOITATIVE" -> {
        if (w == 14 || w == 17) {
          b.billingDispute(true).note("Customer says the handset was billed twice");
        }
      }
      case "WORKING_FOR_THE_CLIENT" -> {
        if (recent && r.nextInt(2) == 0) {
          b.discountPct(20 + r.nextInt(25)).freebies(r.nextBoolean());
        }
      }
      case "HOSTAGE" -> b.valueRating(1 + r.nextInt(2));
      case "TERMS_DICTATED" -> {
        if (r.nextInt(2) == 0) {
          b.paymentDays(60 + r.nextInt(30));
        }
      }
      default -> {}
    }
    return b.build();
  }
}
