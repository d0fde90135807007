package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: a worse signal in any week never raises the health score, never removes a finding and
 * never weakens one. "Worse" is any of: worse client conduct, a deeper discount, freebies, more
 * unpaid hours, a later payment, a billing dispute, a broken promise, quota pressure, a lower value
 * rating.
 */
class HealthMonotonicityTest {
  private static final int CASES = 600;
  private static final BookContext BOOK = new BookContext(Map.of(), OptionalDouble.of(6));

  @Test
  void aWorseSignalNeverRaisesTheScoreNorWeakensAFinding() {
    Analyzer analyzer = new Analyzer();
    for (int seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      Account account = Account.of("acc", "Acc", "U1").withMandated(r.nextBoolean());
      List<CheckIn> base = RandomHistories.anyHistory("acc", r);
      if (base.isEmpty()) {
        continue;
      }
      List<CheckIn> worse = new ArrayList<>(base);
      int i = r.nextInt(worse.size());
      worse.set(i, worsen(worse.get(i), r));

      AccountAnalysis before = analyzer.analyze(account, base, BOOK, RandomHistories.AS_OF);
      AccountAnalysis after = analyzer.analyze(account, worse, BOOK, RandomHistories.AS_OF);

      String story = "seed " + seed + ": " + base.get(i) + " -> " + worse.get(i);
      assertThat(after.health().isPresent()).as(story).isEqualTo(before.health().isPresent());
      if (before.health().isPresent()) {
        assertThat(after.health().get().score()).as(story).isLessThanOrEqualTo(before.health().get().score());
      }
      Map<Pattern, Severity> was = severities(before);
      Map<Pattern, Severity> now = severities(after);
      for (Map.Entry<Pattern, Severity> e : was.entrySet()) {
        assertThat(now.get(e.getKey())).as(story + " " + e.getKey()).isNotNull();
        assertThat(now.get(e.getKey()).atLeast(e.getValue())).as(story + " " + e.getKey()).isTrue();
      }
    }
  }

  private static Map<Pattern, Severity> severities(AccountAnalysis a) {
    Map<Pattern, Severity> m = new EnumMap<>(Pattern.class);
    a.findings().forEach(f -> m.put(f.pattern(), f.severity()));
    return m;
  }

  static CheckIn worsen(CheckIn c, Random r) {
    CheckIn.Builder b = c.toBuilder();
    switch (r.nextInt(9)) {
      case 0 -> {
        ClientConduct now = c.clientConduct() == null ? ClientConduct.RESPECTFUL : c.clientConduct();
        b.clientConduct(ClientConduct.values()[Math.min(3, now.ordinal() + 1 + r.nextInt(2))]);
      }
      case 1 -> b.discountPct(Math.min(100, (c.discountPct() == null ? 0 : c.discountPct()) + 1 + r.nextInt(40)));
      case 2 -> b.freebies(true);
      case 3 -> {
        double add = 1 + r.nextInt(8);
        double unpaid = (c.unpaidHours() == null ? 0 : c.unpaidHours()) + add;
        double service = c.serviceHours() == null ? 0 : c.serviceHours();
        b.unpaidHours(unpaid).serviceHours(Math.max(service, unpaid));
      }
      case 4 -> b.paymentDays((c.paymentDays() == null ? 30 : c.paymentDays()) + 1 + r.nextInt(60));
      case 5 -> b.billingDispute(true);
      case 6 -> {
        if (r.nextBoolean()) {
          b.promisesBrokenByClient((c.promisesBrokenByClient() == null ? 0 : c.promisesBrokenByClient()) + 1);
        } else {
          b.promisesBrokenByUs((c.promisesBrokenByUs() == null ? 0 : c.promisesBrokenByUs()) + 1);
        }
      }
      case 7 -> b.quotaPressure(true);
      default -> b.valueRating(c.valueRating() == null ? 1 : Math.max(1, c.valueRating() - 1 - r.nextInt(2)));
    }
    return b.build();
  }
}
