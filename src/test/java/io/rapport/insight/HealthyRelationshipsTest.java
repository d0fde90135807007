package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.Horizon;
import org.junit.jupiter.api.Test;

/** Relationships a sales manager would call healthy must raise nothing and score 100. */
class HealthyRelationshipsTest {

  private static void assertHealthy(Story story) {
    AccountAnalysis a = story.analyze();
    assertThat(a.findings()).as("findings of %s", story.account().id()).isEmpty();
    assertThat(a.health().orElseThrow().score()).isEqualTo(100);
    assertThat(a.health().orElseThrow().band()).isEqualTo(Health.Band.HEALTHY);
    assertThat(a.health().orElseThrow().contributors()).isEmpty();
  }

  @Test
  void lifetimeClientWithPlentyOfSocialContactAndSteadyProfitableBusinessRaisesNothing() {
    assertHealthy(
        Story.of(Account.of("oldest-client", "Oldest Client", "U_REP").withHorizon(Horizon.LIFETIME))
            .weeks(
                """
                week      biz  soc  hours  outcome     revenue  disc  pay  value  conduct
                2026-W30  1    2    4      won         12000    0     30   5      respectful
                2026-W31  1    3    3      progressed  -        0     -    5      respectful
                2026-W32  2    2    5      won         11000    0     28   4      respectful
                2026-W33  1    2    4      none        -        0     -    5      respectful
                2026-W34  1    3    4      won         12500    0     31   5      respectful
                2026-W35  1    2    3      progressed  -        0     -    5      respectful
                2026-W36  2    3    5      won         13000    0     30   5      respectful
                2026-W37  1    2    4      none        -        0     -    4      respectful
                2026-W38  1    3    4      won         12000    0     29   5      respectful
                2026-W39  1    2    3      progressed  -        0     -    5      respectful
                2026-W40  2    3    5      won         12800    0     30   5      respectful
                2026-W41  1    2    4      none        -        0     -    5      respectful
                """));
  }

  @Test
  void oneDeliberateStrategicDiscountThatWonADealRaisesNothing() {
    assertHealthy(
        Story.of("new-logo")
            .weeks(
                """
                week      biz  hours  outcome     revenue  disc  value
                2026-W34  2    3      progressed  -        0     4
                2026-W35  2    4      progressed  -        0     4
                2026-W36  1    3      won         60000    30    5
                2026-W37  1    3      none        -        0     4
                2026-W38  1    2      progressed  -        0     4
                2026-W39  1    3      none        -        0     4
                """));
  }

  @Test
  void singleLatePaymentInTenWeeksRaisesNothing() {
    assertHealthy(
        Story.of("mostly-prompt")
            .weeks(
                """
                week      biz  outcome     revenue  pay  value
                2026-W32  1    won         5000     30   4
                2026-W33  1    none        -        -    4
                2026-W34  1    won         4000     29   4
                2026-W35  1    none        -        -    4
                2026-W36  1    won         6000     65   3
                2026-W37  1    none        -        -    4
                2026-W38  1    won         5000     31   4
                2026-W39  1    progressed  -        -    4
                2026-W40  1    won         5500     30   4
                2026-W41  1    none        -        -    4
                """));
  }

  @Test
  void mandatedAccountThatIsGenuinelyValuableRaisesNothing() {
    assertHealthy(
        Story.of(Account.of("sister-co", "Sister Co", "U_REP").withMandated(true))
            .weeks(
                """
                week      biz  outcome     revenue  value
                2026-W36  1    won         9000     4
                2026-W37  1    progressed  -        5
                2026-W38  1    none        -        4
                2026-W39  2    won         7000     4
                2026-W40  1    none        -        5
                """));
  }

  @Test
  void oneMonthEndPushRaisesNothing() {
    assertHealthy(
        Story.of("steady-buyer")
            .weeks(
                """
                week      biz  outcome     revenue  quota  disc  value
                2026-W31  1    progressed  -        n      0     4
                2026-W33  1    won         8000     n      0     4
                2026-W35  1    won         9000     y      12    4
                2026-W37  1    progressed  -        n      0     4
                2026-W39  1    won         8500     n      0     4
                """));
  }

  @Test
  void aDemandingButFairClientRaisesNothing() {
    assertHealthy(
        Story.of("exacting-buyer")
            .weeks(
                """
                week      biz  hours  unpaid  outcome     revenue  conduct    value
                2026-W36  2    6      1       progressed  -        demanding  4
                2026-W37  2    7      0       won         20000    demanding  4
                2026-W38  1    5      0       none        -        demanding  3
                2026-W39  2    6      1       progressed  -        demanding  4
                """));
  }
}
