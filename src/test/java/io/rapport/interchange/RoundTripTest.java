package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.Horizon;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import io.rapport.domain.Tier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: whatever is written reads back exactly, and writing it again gives the same bytes. */
class RoundTripTest {
  private static final int CASES = 200;

  @Test
  void writeThenReadGivesBackTheSameContentAndBytes() throws IOException {
    for (int seed = 0; seed < CASES; seed++) {
      Interchange original = randomBook(new Random(seed));

      byte[] written = write(original);
      Interchange read = new InterchangeReader().read(new ByteArrayInputStream(written));

      assertThat(read).as("seed %d", seed).isEqualTo(original);
      assertThat(write(read)).as("seed %d", seed).isEqualTo(written);
    }
  }

  @Test
  void exportIsOneRecordPerLineInADeterministicOrder() throws IOException {
    Account a = Account.of("acme", "Acme", "U1");
    CheckIn w41 = CheckIn.builder("acme", IsoWeek.parse("2026-W41")).paymentDays(64).build();
    CheckIn w40 = CheckIn.builder("acme", IsoWeek.parse("2026-W40")).serviceHours(7.5).build();

    String text = new String(write(Interchange.of(List.of(a), List.of(w41, w40))), StandardCharsets.UTF_8);

    assertThat(text)
        .isEqualTo(
            "{\"accounts\":[\n"
                + "{\"id\":\"acme\",\"name\":\"Acme\",\"rep\":\"U1\",\"tier\":\"key\",\"agreedPaymentDays\":30,"
                + "\"horizon\":\"season\",\"mandated\":false}\n"
                + "],\"checkins\":[\n"
                + "{\"account\":\"acme\",\"week\":\"2026-W40\",\"serviceHours\":7.5},\n"
                + "{\"account\":\"acme\",\"week\":\"2026-W41\",\"paymentDays\":64}\n"
                + "]}\n");
  }

  private static byte[] write(Interchange data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InterchangeWriter().write(out, data);
    return out.toByteArray();
  }

  private static Interchange randomBook(Random r) {
    List<Account> accounts = new ArrayList<>();
    List<CheckIn> checkIns = new ArrayList<>();
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String id = "acc-" + i + (r.nextBoolean() ? " \"quoted\" ünï" : "");
      accounts.add(
          new Account(id, "Name " + i, "U" + r.nextInt(3), Tier.values()[r.nextInt(2)], r.nextInt(120),
              Horizon.values()[r.nextInt(3)], r.nextBoolean(), r.nextBoolean() ? null : r.nextDouble() * 100));
      IsoWeek week = new IsoWeek(2025 + r.nextInt(2), 1 + r.nextInt(50));
      for (int k = r.nextInt(8); k > 0; k--) {
        week = week.plusWeeks(r.nextInt(3));
        CheckIn.Builder b = CheckIn.builder(id, week);
        if (r.nextBoolean()) b.rep("U" + r.nextInt(9));
        if (r.nextBoolean()) b.contacts(r.nextInt(5), r.nextInt(5));
        if (r.nextBoolean()) {
          double s = r.nextInt(3) == 0 ? r.nextInt(20) : r.nextDouble() * 20;
          b.serviceHours(s);
          if (r.nextBoolean()) b.unpaidHours(s * r.nextDouble());
        }
        if (r.nextBoolean()) b.outcome(Outcome.values()[r.nextInt(4)]);
        if (r.nextBoolean()) b.revenueWon(r.nextDouble() * 1e6);
        if (r.nextBoolean()) b.discountPct(r.nextInt(2) == 0 ? r.nextInt(101) : r.nextDouble() * 100);
        if (r.nextBoolean()) b.freebies(r.nextBoolean());
        if (r.nextBoolean()) b.quotaPressure(r.nextBoolean());
        if (r.nextBoolean()) b.clientConduct(ClientConduct.values()[r.nextInt(4)]);
        if (r.nextBoolean()) b.promisesBrokenByClient(r.nextInt(4));
        if (r.nextBoolean()) b.promisesBrokenByUs(r.nextInt(4));
        if (r.nextBoolean()) b.paymentDays(r.nextInt(200));
        if (r.nextBoolean()) b.billingDispute(r.nextBoolean());
        if (r.nextBoolean()) b.valueRating(1 + r.nextInt(5));
        if (r.nextBoolean()) b.note("line one\nline \"two\" — €" + r.nextInt());
        checkIns.add(b.build());
      }
    }
    return Interchange.of(accounts, checkIns);
  }
}
