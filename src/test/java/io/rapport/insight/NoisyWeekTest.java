package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: one noisy week in a calm relationship never makes a warning, however bad it is. */
class NoisyWeekTest {
  private static final int CASES = 300;

  @Test
  void oneTerribleWeekInACalmRelationshipNeverMakesAWarning() {
    Analyzer analyzer = new Analyzer();
    int judged = 0;
    for (int seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      Account account = Account.of("calm", "Calm", "U1").withMandated(r.nextBoolean());
      List<CheckIn> calm = RandomHistories.calmHistory("calm", r);
      AccountAnalysis before = analyzer.analyze(account, calm, BookContext.empty(), RandomHistories.AS_OF);
      assertThat(before.findings()).as("seed %d calm history", seed).isEmpty();

      List<CheckIn> noisy = new ArrayList<>(calm);
      int i = r.nextInt(noisy.size());
      noisy.set(i, terrible(noisy.get(i)));
      AccountAnalysis after = analyzer.analyze(account, noisy, BookContext.empty(), RandomHistories.AS_OF);

      assertThat(after.findings())
          .as("seed %d, noisy %s", seed, noisy.get(i).week())
          .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WATCH));
      judged++;
    }
    assertThat(judged).isEqualTo(CASES);
  }

  private static CheckIn terrible(CheckIn c) {
    return c.toBuilder()
        .clientConduct(ClientConduct.THREATENING)
        .discountPct(90)
        .freebies(true)
        .quotaPressure(true)
        .serviceHours(40)
        .unpaidHours(40)
        .paymentDays(200)
        .billingDispute(true)
        .promisesBrokenByClient(10)
        .promisesBrokenByUs(10)
        .valueRating(1)
        .build();
  }
}
