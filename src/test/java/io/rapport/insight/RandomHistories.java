package io.rapport.insight;

import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random check-in histories for the property tests; the same seed gives the same history. */
final class RandomHistories {
  static final IsoWeek AS_OF = IsoWeek.parse("2026-W41");

  private RandomHistories() {}

  /** Any mix of signals, good and bad, over up to 26 weeks. */
  static List<CheckIn> anyHistory(String account, Random r) {
    List<CheckIn> list = new ArrayList<>();
    for (int back = 25; back >= 0; back--) {
      if (r.nextInt(4) == 0) {
        continue;
      }
      CheckIn.Builder b = CheckIn.builder(account, AS_OF.minusWeeks(back));
      if (r.nextBoolean()) b.contacts(r.nextInt(3), r.nextInt(3));
      double hours = r.nextInt(14);
      if (r.nextBoolean()) b.serviceHours(hours);
      if (r.nextInt(3) == 0) b.serviceHours(hours).unpaidHours(r.nextInt((int) hours + 1));
      if (r.nextBoolean()) b.outcome(Outcome.values()[r.nextInt(4)]);
      if (r.nextInt(3) == 0) b.revenueWon(r.nextInt(5) * 1000.0);
      if (r.nextBoolean()) b.discountPct(r.nextInt(40));
      if (r.nextInt(4) == 0) b.freebies(r.nextBoolean());
      if (r.nextInt(4) == 0) b.quotaPressure(r.nextBoolean());
      if (r.nextBoolean()) b.clientConduct(ClientConduct.values()[r.nextInt(4)]);
      if (r.nextInt(4) == 0) b.promisesBrokenByClient(r.nextInt(2));
      if (r.nextInt(5) == 0) b.promisesBrokenByUs(r.nextInt(2));
      if (r.nextBoolean()) b.paymentDays(20 + r.nextInt(60));
      if (r.nextInt(6) == 0) b.billingDispute(r.nextBoolean());
      if (r.nextBoolean()) b.valueRating(1 + r.nextInt(5));
      list.add(b.build());
    }
    return list;
  }

  /** A calm relationship: business most weeks, modest service, on-time payments, good value. */
  static List<CheckIn> calmHistory(String account, Random r) {
    List<CheckIn> list = new ArrayList<>();
    for (int back = 11; back >= 0; back--) {
      CheckIn.Builder b = CheckIn.builder(account, AS_OF.minusWeeks(back));
      b.contacts(1 + r.nextInt(2), r.nextInt(2));
      b.serviceHours(1 + r.nextInt(5));
      b.outcome(r.nextBoolean() ? Outcome.WON : Outcome.PROGRESSED);
      b.revenueWon(5000 + r.nextInt(5) * 1000.0);
      b.discountPct(r.nextInt(4));
      b.clientConduct(r.nextBoolean() ? ClientConduct.RESPECTFUL : ClientConduct.DEMANDING);
      b.paymentDays(25 + r.nextInt(10));
      b.valueRating(3 + r.nextInt(3));
      list.add(b.build());
    }
    return list;
  }
}
