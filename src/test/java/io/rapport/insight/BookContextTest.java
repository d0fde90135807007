package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A rep's whole book and the team's discount norm, as the detectors see them: each account counted
 * once in each book it appears in, only the window's check-ins, a handed-over account in both reps'
 * books, and the norm as the median account's average discount once enough accounts report one.
 */
class BookContextTest {
  private static final Policy P = Policy.defaults();
  private static final IsoWeek AS_OF = IsoWeek.parse("2026-W40");
  private static final Timeframe TIMEFRAME = new Timeframe(AS_OF, P.lookbackWeeks());

  private static History history(Account account, String table) {
    return History.of(account, Story.parse(account.id(), table), TIMEFRAME, P.lookbackWeeks());
  }

  @Test
  void aRepsBookCountsEachAccountOnceAndOnlyTheWindowsCheckIns() {
    Account acme = Account.of("acme", "Acme", "U_SAM");
    Account bolt = Account.of("bolt", "Bolt", "U_SAM");
    BookContext book = BookContext.builder(P)
        .add(history(acme, """
            week      hours  outcome     revenue
            2026-W20  40     won         9000
            2026-W35  10     none        -
            2026-W36  5      progressed  -
            2026-W40  2      none        -
            """))
        .add(history(bolt, """
            week      hours  outcome  revenue
            2026-W38  3      won      1000
            2026-W39  0      none     -
            """))
        .build();

    RepBook sam = book.book("U_SAM").orElseThrow();
    assertThat(sam.accounts()).isEqualTo(2);
    assertThat(sam.checkIns()).as("W20 is before the %d-week window", P.window().weeks()).isEqualTo(5);
    assertThat(sam.newBusinessCheckIns()).isEqualTo(2);
    assertThat(sam.serviceHours()).isEqualTo(20.0);
    assertThat(sam.newBusinessPct()).isEqualTo(40.0);
    assertThat(book.book("U_NOBODY")).isEmpty();
  }

  @Test
  void anAccountHandedOverMidWindowIsInBothRepsBooksWithItsOwnWeeks() {
    Account globex = Account.of("globex", "Globex", "U_SAM");
    BookContext book = BookContext.builder(P)
        .add(history(globex, """
            week      hours  rep    outcome
            2026-W37  4      -      won
            2026-W38  6      -      none
            2026-W39  8      U_JO   none
            2026-W40  1      U_JO   progressed
            """))
        .build();

    RepBook sam = book.book("U_SAM").orElseThrow();
    RepBook jo = book.book("U_JO").orElseThrow();
    assertThat(List.of(sam.accounts(), sam.checkIns(), sam.newBusinessCheckIns())).containsExactly(1, 2, 1);
    assertThat(sam.serviceHours()).isEqualTo(10.0);
    assertThat(List.of(jo.accounts(), jo.checkIns(), jo.newBusinessCheckIns())).containsExactly(1, 2, 1);
    assertThat(jo.serviceHours()).isEqualTo(9.0);
  }

  /** One account per average discount, each from two weeks (avg ± 1) so the average is taken. */
  private static BookContext normOf(double... averages) {
    BookContext.Builder builder = BookContext.builder(P);
    for (int i = 0; i < averages.length; i++) {
      Account a = Account.of("a" + i, "A" + i, "U_SAM");
      builder.add(History.of(a, List.of(
          CheckIn.builder(a.id(), AS_OF.minusWeeks(1)).discountPct(averages[i] - 1).build(),
          CheckIn.builder(a.id(), AS_OF).discountPct(averages[i] + 1).build()), TIMEFRAME, P.lookbackWeeks()));
    }
    // An account that never reports a discount does not count towards the norm.
    Account quiet = Account.of("quiet", "Quiet", "U_SAM");
    builder.add(History.of(quiet, List.of(CheckIn.builder(quiet.id(), AS_OF).serviceHours(3.0).build()),
        TIMEFRAME, P.lookbackWeeks()));
    return builder.build();
  }

  @Test
  void theNormIsTheMedianAccountsAverageDiscountOnceEnoughAccountsReportOne() {
    int enough = P.workingForTheClient().minNormAccounts();
    double[] odd = new double[enough % 2 == 1 ? enough : enough + 1];
    double[] even = new double[odd.length + 1];
    for (int i = 0; i < even.length; i++) {
      even[i] = 4 + 2 * i;
      if (i < odd.length) {
        odd[i] = 4 + 2 * i;
      }
    }

    assertThat(normOf(java.util.Arrays.copyOf(odd, enough - 1)).discountNormPct())
        .as("one account short of %d", enough).isEqualTo(OptionalDouble.empty());
    assertThat(normOf(odd).discountNormPct()).hasValue(odd[odd.length / 2]);
    assertThat(normOf(even).discountNormPct())
        .hasValue((even[even.length / 2 - 1] + even[even.length / 2]) / 2);
  }

  @Test
  void aLargeTeamsNormIsTheMedianOfEveryAccount() {
    List<Double> averages = new ArrayList<>();
    for (int i = 70; i >= 1; i--) {
      averages.add((double) i + 1);
    }
    double[] all = averages.stream().mapToDouble(Double::doubleValue).toArray();

    assertThat(normOf(all).discountNormPct()).hasValue((36 + 37) / 2.0);
  }
}
