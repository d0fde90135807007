package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.Horizon;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The casebook: for every pattern, realistic histories that show it and a near miss that must not.
 * Each table is one account's weekly check-ins, oldest first; the account is judged as of its last
 * row. Columns are explained in {@link Story}.
 */
class CasebookTest {

  private static Finding raised(Story story, Pattern pattern) {
    return story.finding(pattern).orElseThrow(() -> new AssertionError(pattern + " not raised: " + story.analyze()));
  }

  @Nested
  @DisplayName("TERMS_DICTATED: payment terms disregarded by a bigger business")
  class TermsDictated {
    @Test
    void bigRetailerPayingEverySupplierAtSixtyPlusDaysIsAWarning() {
      Story retailer =
          Story.of(Account.of("megamart", "MegaMart", "U_SAM"))
              .weeks(
                  """
                  week      biz  outcome     revenue  pay  value
                  2026-W32  1    progressed  -        -    4
                  2026-W33  1    won         12000    64   4
                  2026-W34  1    none        -        -    4
                  2026-W35  1    won         9000     71   3
                  2026-W36  1    none        -        -    4
                  2026-W37  1    won         11000    58   3
                  2026-W38  1    none        -        -    3
                  2026-W39  1    won         10000    66   3
                  """);

      Finding f = raised(retailer, Pattern.TERMS_DICTATED);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly(
              "All 4 reported payments came 58–71 days after a 30-day term, more than 7 days late.",
              "Paid late in the weeks of 10 Aug, 24 Aug, 7 Sep and 21 Sep.");
      assertThat(f.tip()).contains("payment terms");
    }

    @Test
    void twoPaymentsWellPastLongerTermsAreAnEarlySignal() {
      Story wholesaler =
          Story.of(Account.of("bulkco", "BulkCo", "U_SAM").withAgreedPaymentDays(45))
              .weeks(
                  """
                  week      biz  outcome  pay
                  2026-W36  1    won      44
                  2026-W37  1    none     60
                  2026-W38  1    none     -
                  2026-W39  2    won      58
                  """);

      Finding f = raised(wholesaler, Pattern.TERMS_DICTATED);

      assertThat(f.severity()).isEqualTo(Severity.WATCH);
      assertThat(f.evidence().get(0)).isEqualTo("2 of the last 3 reported payments came 58–60 days after a 45-day term, more than 7 days late.");
    }

    @Test
    void paymentsAFewDaysLateWithinTheGraceRaiseNothing() {
      Story slightlySlow =
          Story.of("corner-shop")
              .weeks(
                  """
                  week      pay
                  2026-W36  35
                  2026-W37  36
                  2026-W38  34
                  2026-W39  37
                  """);

      assertThat(slightlySlow.finding(Pattern.TERMS_DICTATED)).isEmpty();
    }
  }

  @Nested
  @DisplayName("OVER_SERVICING: existing clients over-serviced, no new business")
  class OverServicing {
    @Test
    void repOverServicingComfortableClientsAndNotProspectingIsAWarning() {
      BookContext book =
          new BookContext(Map.of("U_REP", new RepBook("U_REP", 4, 48, 1, 410)), OptionalDouble.empty());
      Story comfortable =
          Story.of("old-friend-ltd")
              .book(book)
              .weeks(
                  """
                  week      biz  hours  outcome
                  2026-W30  2    10     none
                  2026-W31  2    12     none
                  2026-W32  1    9      none
                  2026-W33  2    11     none
                  2026-W34  2    10     none
                  2026-W35  1    12     none
                  2026-W36  2    9      none
                  2026-W37  2    10     none
                  """);

      Finding f = raised(comfortable, Pattern.OVER_SERVICING);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().get(0)).isEqualTo(
          "9–12 service hours a week every week since 20 Jul (83 hours in 8 check-ins), with no new business"
              + " on the account.");
      assertThat(f.evidence().get(1))
          .isEqualTo("Across the rep's book of 4 accounts, new business in 1 of 48 check-ins (2.1%) since 22 Jun.");
    }

    @Test
    void heavyServiceWithoutNewBusinessForFiveWeeksIsAWatch() {
      Story busy =
          Story.of("needy-co")
              .weeks(
                  """
                  week      hours  outcome
                  2026-W33  9      none
                  2026-W34  10     none
                  2026-W35  8      none
                  2026-W36  11     none
                  2026-W37  9      none
                  """);

      assertThat(raised(busy, Pattern.OVER_SERVICING).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void aBusyAccountOfARepWhoIsWinningElsewhereStaysAWatch() {
      BookContext winningElsewhere =
          new BookContext(Map.of("U_REP", new RepBook("U_REP", 10, 120, 30, 600)), OptionalDouble.empty());
      Story busy =
          Story.of("needy-co")
              .book(winningElsewhere)
              .weeks(
                  """
                  week      hours
                  2026-W30  10
                  2026-W31  10
                  2026-W32  10
                  2026-W33  10
                  2026-W34  10
                  2026-W35  10
                  2026-W36  10
                  """);

      assertThat(raised(busy, Pattern.OVER_SERVICING).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void heavyServiceThatIsMovingADealForwardRaisesNothing() {
      Story implementation =
          Story.of("rollout-co")
              .weeks(
                  """
                  week      hours  outcome
                  2026-W30  12     none
                  2026-W31  12     none
                  2026-W32  14     progressed
                  2026-W33  12     none
                  2026-W34  11     none
                  2026-W35  12     none
                  2026-W36  13     none
                  """);

      assertThat(implementation.finding(Pattern.OVER_SERVICING)).isEmpty();
    }
  }

  @Nested
  @DisplayName("QUOTA_PRESSURE: selling to make a quota")
  class QuotaPressure {
    @Test
    void repDiscountingDeeplyInTheLastWeekOfEveryQuarterIsAWarning() {
      Story quarterEnds =
          Story.of("steelworks")
              .weeks(
                  """
                  week      outcome  revenue  disc
                  2026-W20  none     -        0
                  2026-W24  none     -        0
                  2026-W26  won      40000    30
                  2026-W30  none     -        0
                  2026-W34  none     -        0
                  2026-W38  none     -        0
                  2026-W40  won      38000    32
                  2026-W41  none     -        0
                  """);

      Finding f = raised(quarterEnds, Pattern.QUOTA_PRESSURE);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly("Pushed at the end of 2 quarters: a 30% discount in the week of 22 Jun and a 32% discount last week.");
    }

    @Test
    void quotaPressureReportedInTwoWeeksIsAWatch() {
      Story pushed =
          Story.of("pharma-one")
              .weeks(
                  """
                  week      quota  outcome
                  2026-W31  n      none
                  2026-W33  y      progressed
                  2026-W35  n      none
                  2026-W36  y      won
                  """);

      Finding f = raised(pushed, Pattern.QUOTA_PRESSURE);

      assertThat(f.severity()).isEqualTo(Severity.WATCH);
      assertThat(f.evidence()).containsExactly("Quota pressure reported in the weeks of 10 Aug and 31 Aug.");
    }

    @Test
    void quotaPressureInThreeWeeksIsAWarning() {
      Story pushed =
          Story.of("pharma-two")
              .weeks(
                  """
                  week      quota
                  2026-W29  y
                  2026-W33  y
                  2026-W35  n
                  2026-W37  y
                  """);

      assertThat(raised(pushed, Pattern.QUOTA_PRESSURE).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void oneQuarterEndPushIsNotAPattern() {
      Story once =
          Story.of("steelworks")
              .weeks(
                  """
                  week      quota  disc  outcome
                  2026-W30  n      0     none
                  2026-W36  n      0     progressed
                  2026-W40  y      20    won
                  2026-W41  n      0     none
                  """);

      assertThat(once.finding(Pattern.QUOTA_PRESSURE)).isEmpty();
    }
  }

  @Nested
  @DisplayName("FRIENDSHIP_OVER_PROFIT: friendship at the expense of profit")
  class FriendshipOverProfit {
    @Test
    void weeklyCoffeeThatBecameAFriendshipWithNoOrdersIsAWarning() {
      Story coffee =
          Story.of(Account.of("bean-bros", "Bean Bros", "U_ALI").withHorizon(Horizon.SEASON))
              .weeks(
                  """
                  week      biz  soc  outcome  revenue
                  2026-W30  1    1    won      8000
                  2026-W31  1    1    none     -
                  2026-W32  1    1    won      7000
                  2026-W33  1    1    none     -
                  2026-W34  1    1    won      9000
                  2026-W35  0    1    none     -
                  2026-W36  0    2    none     -
                  2026-W37  1    1    none     -
                  2026-W38  0    2    none     -
                  2026-W39  0    1    none     -
                  2026-W40  0    2    none     -
                  2026-W41  0    2    none     -
                  """);

      Finding f = raised(coffee, Pattern.FRIENDSHIP_OVER_PROFIT);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly(
              "1.7 social contacts a week since 31 Aug, up from 1 a week in the 6 weeks before.",
              "Revenue fell by 100%, from 24,000 in the 6 weeks before to 0 since 31 Aug, with no new business.");
    }

    @Test
    void friendlyClientGettingDiscountsAndFreebiesIsAWatch() {
      Story generous =
          Story.of("golf-buddies")
              .weeks(
                  """
                  week      biz  soc  revenue  disc  free
                  2026-W30  1    1    5000     0     n
                  2026-W31  1    1    5000     0     n
                  2026-W32  1    1    5000     0     n
                  2026-W36  1    2    5000     12    n
                  2026-W38  1    2    5000     0     y
                  2026-W40  1    2    5000     0     n
                  """);

      Finding f = raised(generous, Pattern.FRIENDSHIP_OVER_PROFIT);

      assertThat(f.severity()).isEqualTo(Severity.WATCH);
      assertThat(f.evidence().get(1))
          .isEqualTo("Discounts of 10% or more, or freebies, in the weeks of 31 Aug and 14 Sep.");
    }

    @Test
    void revenueFallingWithoutASocialRelationshipIsNotThisPattern() {
      Story quietMarket =
          Story.of("seasonal-co")
              .weeks(
                  """
                  week      biz  soc  revenue
                  2026-W30  2    0    9000
                  2026-W31  2    0    9000
                  2026-W32  2    0    9000
                  2026-W36  2    0    0
                  2026-W38  2    0    0
                  2026-W40  2    0    0
                  """);

      assertThat(quietMarket.finding(Pattern.FRIENDSHIP_OVER_PROFIT)).isEmpty();
    }
  }

  @Nested
  @DisplayName("PROFESSIONAL_VISITOR: paid to have a social life")
  class ProfessionalVisitor {
    @Test
    void eightWeeksOfCoffeeAndNoBusinessTalkIsAWarning() {
      Story visitor =
          Story.of("cafe-catchups")
              .weeks(
                  """
                  week      biz  soc  outcome
                  2026-W34  0    1    none
                  2026-W35  0    1    none
                  2026-W36  0    2    none
                  2026-W37  0    1    none
                  2026-W38  0    1    none
                  2026-W39  0    1    none
                  2026-W40  0    1    none
                  2026-W41  0    2    none
                  """);

      Finding f = raised(visitor, Pattern.PROFESSIONAL_VISITOR);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly(
              "Social contact but no business contact every week since 17 Aug.",
              "10 social contacts and 0 business contacts, and no new business, since 17 Aug.");
    }

    @Test
    void mostlySocialVisitsWithTheOddBusinessCallIsAWatch() {
      Story visitor =
          Story.of("lunch-club")
              .weeks(
                  """
                  week      biz  soc
                  2026-W34  0    1
                  2026-W35  1    0
                  2026-W36  0    1
                  2026-W37  0    2
                  2026-W39  1    1
                  2026-W40  0    1
                  2026-W41  0    1
                  """);

      assertThat(raised(visitor, Pattern.PROFESSIONAL_VISITOR).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void socialVisitsThatMoveADealForwardRaiseNothing() {
      Story relationshipSelling =
          Story.of("lunch-club")
              .weeks(
                  """
                  week      biz  soc  outcome
                  2026-W34  0    1    none
                  2026-W35  0    1    none
                  2026-W36  0    1    none
                  2026-W37  0    1    progressed
                  2026-W38  0    1    none
                  2026-W39  0    1    none
                  """);

      assertThat(relationshipSelling.finding(Pattern.PROFESSIONAL_VISITOR)).isEmpty();
    }
  }

  @Nested
  @DisplayName("MASTER_SERVANT: here to serve my every need")
  class MasterServant {
    @Test
    void businessBankerTreatedAsAFreeAccountingServiceIsAWarning() {
      Story banker =
          Story.of(Account.of("harbour-freight", "Harbour Freight", "U_BANKER"))
              .weeks(
                  """
                  week      biz  hours  unpaid  outcome
                  2026-W34  1    6      4       none
                  2026-W35  1    5      4       none
                  2026-W36  1    6      5       none
                  2026-W37  1    4      3       none
                  2026-W38  1    6      4       none
                  2026-W39  1    5      3       none
                  """);

      Finding f = raised(banker, Pattern.MASTER_SERVANT);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().get(0)).isEqualTo("23 of 32 service hours (71.9%) were unpaid since 17 Aug.");
      assertThat(f.tip()).contains("say no");
    }

    @Test
    void aSteadyStreamOfFavoursIsAWatch() {
      Story favours =
          Story.of("askalot")
              .weeks(
                  """
                  week      hours  unpaid
                  2026-W34  5      3
                  2026-W35  5      1
                  2026-W36  5      3
                  2026-W37  5      1
                  2026-W38  5      3
                  2026-W39  5      1
                  """);

      assertThat(raised(favours, Pattern.MASTER_SERVANT).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void theOccasionalFavourRaisesNothing() {
      Story goodwill =
          Story.of("fair-co")
              .weeks(
                  """
                  week      hours  unpaid
                  2026-W34  8      1
                  2026-W35  8      0
                  2026-W36  8      0
                  2026-W37  8      2
                  2026-W38  8      0
                  """);

      assertThat(goodwill.finding(Pattern.MASTER_SERVANT)).isEmpty();
    }
  }

  @Nested
  @DisplayName("ABUSIVE: clients who bully and intimidate")
  class Abusive {
    @Test
    void aggressionInThreeWeeksIsAWarning() {
      Story bully =
          Story.of("shouty-ltd")
              .weeks(
                  """
                  week      conduct
                  2026-W34  demanding
                  2026-W35  aggressive
                  2026-W37  respectful
                  2026-W38  aggressive
                  2026-W40  aggressive
                  """);

      Finding f = raised(bully, Pattern.ABUSIVE);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().get(0))
          .isEqualTo("The client was aggressive or threatening in the weeks of 24 Aug, 14 Sep and 28 Sep.");
    }

    @Test
    void aggressionInTwoWeeksIsAWatch() {
      Story tense =
          Story.of("tense-co")
              .weeks(
                  """
                  week      conduct
                  2026-W36  aggressive
                  2026-W37  demanding
                  2026-W39  aggressive
                  """);

      assertThat(raised(tense, Pattern.ABUSIVE).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void oneBadDayWithADemandingClientRaisesNothing() {
      Story demanding =
          Story.of("exacting-co")
              .weeks(
                  """
                  week      conduct
                  2026-W36  demanding
                  2026-W37  aggressive
                  2026-W38  demanding
                  2026-W39  demanding
                  """);

      assertThat(demanding.finding(Pattern.ABUSIVE)).isEmpty();
    }
  }

  @Nested
  @DisplayName("BIG_BROTHER: you'll do as I say or else")
  class BigBrother {
    @Test
    void bigClientUsingASmallSuppliersSizeAgainstItIsAWarning() {
      Story giant =
          Story.of(Account.of("global-motors", "Global Motors", "U_SMALLCO"))
              .weeks(
                  """
                  week      conduct      disc
                  2026-W35  demanding    5
                  2026-W37  threatening  15
                  2026-W39  demanding    10
                  2026-W41  threatening  20
                  """);

      Finding f = raised(giant, Pattern.BIG_BROTHER);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence()).containsExactly("The client threatened the rep twice, in the weeks of 7 Sep and 5 Oct.");
      assertThat(f.tip()).contains("being small does not make you less professional");
    }

    @Test
    void aSingleThreatIsAWatch() {
      Story once =
          Story.of("global-motors")
              .weeks(
                  """
                  week      conduct
                  2026-W38  respectful
                  2026-W40  threatening
                  """);

      assertThat(raised(once, Pattern.BIG_BROTHER).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void aToughNegotiatorWhoNeverThreatensRaisesNothing() {
      Story tough =
          Story.of("hard-bargain")
              .weeks(
                  """
                  week      conduct
                  2026-W36  demanding
                  2026-W37  demanding
                  2026-W38  demanding
                  2026-W39  demanding
                  """);

      assertThat(tough.analyze().findings()).isEmpty();
    }
  }

  @Nested
  @DisplayName("WIN_LOSE: someone has to lose out")
  class WinLose {
    @Test
    void concessionsWeekAfterWeekWithNothingBackIsAWarning() {
      Story oneWay =
          Story.of("taker-inc")
              .weeks(
                  """
                  week      disc  free  outcome
                  2026-W34  10    n     none
                  2026-W35  12    n     none
                  2026-W36  0     y     none
                  2026-W37  8     n     lost
                  2026-W38  10    n     none
                  2026-W39  0     y     none
                  2026-W40  0     n     none
                  2026-W41  0     n     none
                  """);

      Finding f = raised(oneWay, Pattern.WIN_LOSE);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().get(0))
          .isEqualTo(
              "Concessions every week from 17 Aug to 21 Sep (8–12% off in 4 weeks and freebies in 2 weeks),"
                  + " with no new business in return.");
    }

    @Test
    void sellingAddOnsTheClientRatesAsPoorValueIsAWatch() {
      Story upsell =
          Story.of("mobile-fleet")
              .weeks(
                  """
                  week      outcome  revenue  value
                  2026-W36  won      2000     2
                  2026-W37  none     -        3
                  2026-W38  won      1500     1
                  2026-W40  won      1800     2
                  """);

      Finding f = raised(upsell, Pattern.WIN_LOSE);

      assertThat(f.severity()).isEqualTo(Severity.WATCH);
      assertThat(f.evidence())
          .containsExactly("We won business in the weeks of 31 Aug, 14 Sep and 28 Sep, yet the client rated its value 1–2 out of 5.");
    }

    @Test
    void concessionsTradedForNewBusinessRaiseNothing() {
      Story trade =
          Story.of("fair-trade")
              .weeks(
                  """
                  week      disc  outcome     revenue
                  2026-W34  10    none        -
                  2026-W35  10    progressed  -
                  2026-W36  10    none        -
                  2026-W37  10    won         30000
                  2026-W38  10    none        -
                  """);

      assertThat(trade.finding(Pattern.WIN_LOSE)).isEmpty();
    }
  }

  @Nested
  @DisplayName("BROKEN_PROMISES: promises that never come through")
  class BrokenPromises {
    @Test
    void promisesBrokenAcrossFourWeeksIsAWarning() {
      Story unreliable =
          Story.of("maybe-next-week")
              .weeks(
                  """
                  week      byClient  byUs
                  2026-W33  1         0
                  2026-W36  2         0
                  2026-W38  0         0
                  2026-W39  1         0
                  2026-W40  0         1
                  """);

      Finding f = raised(unreliable, Pattern.BROKEN_PROMISES);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly("5 promises were broken in the weeks of 10 Aug, 31 Aug, 21 Sep and 28 Sep: 4 by the client and 1 by us.");
    }

    @Test
    void twoPromisesBrokenInOneBadWeekIsOnlyAWatch() {
      Story badWeek =
          Story.of("slipping")
              .weeks(
                  """
                  week      byClient  byUs
                  2026-W38  0         0
                  2026-W39  2         1
                  2026-W40  0         0
                  """);

      assertThat(raised(badWeek, Pattern.BROKEN_PROMISES).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void aSingleBrokenPromiseRaisesNothing() {
      Story human =
          Story.of("mostly-reliable")
              .weeks(
                  """
                  week      byClient  byUs
                  2026-W36  0         0
                  2026-W37  1         0
                  2026-W38  0         0
                  """);

      assertThat(human.finding(Pattern.BROKEN_PROMISES)).isEmpty();
    }
  }

  @Nested
  @DisplayName("EXPLOITATIVE: double dipping, tricking people")
  class Exploitative {
    @Test
    void telcoCustomerChargedTwiceForAHandsetIsAWarning() {
      Story handset =
          Story.of("family-plan")
              .weeks(
                  """
                  week      outcome  revenue  dispute
                  2026-W36  won      1200     n
                  2026-W38  none     -        y
                  2026-W40  none     -        y
                  """);

      Finding f = raised(handset, Pattern.EXPLOITATIVE);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence()).containsExactly("Billing disputes were reported in the weeks of 14 Sep and 28 Sep.");
      assertThat(f.tip()).contains("unarguable truth");
    }

    @Test
    void oneDisputeWithTheClientsWordsIsAWatch() {
      var checkIns =
          Story.parse(
              "family-plan",
              """
              week      dispute
              2026-W39  n
              """);
      Story story = Story.of("family-plan");
      story.checkIns().addAll(checkIns);
      story
          .checkIns()
          .add(
              io.rapport.domain.CheckIn.builder("family-plan", io.rapport.domain.IsoWeek.parse("2026-W40"))
                  .billingDispute(true)
                  .note("Handset was already in the plan; they paid for it twice")
                  .build());

      Finding f = raised(story, Pattern.EXPLOITATIVE);

      assertThat(f.severity()).isEqualTo(Severity.WATCH);
      assertThat(f.evidence())
          .containsExactly(
              "A billing dispute was reported this week; the rep's notes describe it.");
      assertThat(String.join(" ", f.evidence())).doesNotContain("Handset");
    }

    @Test
    void aDisputeSettledLongBeforeTheWindowRaisesNothing() {
      Story settled =
          Story.of("settled-co")
              .weeks(
                  """
                  week      dispute
                  2026-W20  y
                  2026-W36  n
                  2026-W40  n
                  """);

      assertThat(settled.finding(Pattern.EXPLOITATIVE)).isEmpty();
    }
  }

  @Nested
  @DisplayName("WORKING_FOR_THE_CLIENT: giving away margin and product")
  class WorkingForTheClient {
    private final BookContext teamNorm = new BookContext(Map.of(), OptionalDouble.of(8));

    @Test
    void repGivingAwayMarginAndProductWeekAfterWeekIsAWarning() {
      Story sideSwitcher =
          Story.of(Account.of("best-mates", "Best Mates", "U_REP").withListMarginPct(30.0))
              .book(teamNorm)
              .weeks(
                  """
                  week      disc  free  outcome  revenue
                  2026-W34  25    n     won      10000
                  2026-W36  30    n     won      8000
                  2026-W37  0     y     none     -
                  2026-W39  28    n     won      9000
                  """);

      Finding f = raised(sideSwitcher, Pattern.WORKING_FOR_THE_CLIENT);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly(
              "Discounts of 25–30% in the weeks of 17 Aug, 31 Aug and 21 Sep, at or above the 15% ceiling"
                  + " and 1.5 times the usual discount of 8%.",
              "Freebies given in the week of 7 Sep.",
              "A 30% discount gave away the whole list margin of 30%: sold at or below cost.");
    }

    @Test
    void freebiesInThreeWeeksAreAWatch() {
      Story freebies =
          Story.of("sample-hungry")
              .weeks(
                  """
                  week      free
                  2026-W35  y
                  2026-W36  n
                  2026-W37  y
                  2026-W39  y
                  """);

      assertThat(raised(freebies, Pattern.WORKING_FOR_THE_CLIENT).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void discountsThatAreNormalForThisBookRaiseNothing() {
      BookContext deepDiscountMarket = new BookContext(Map.of(), OptionalDouble.of(15));
      Story usual =
          Story.of("commodity-buyer")
              .book(deepDiscountMarket)
              .weeks(
                  """
                  week      disc  outcome  revenue
                  2026-W35  18    won      5000
                  2026-W37  20    won      5000
                  2026-W39  18    won      5000
                  """);

      assertThat(usual.finding(Pattern.WORKING_FOR_THE_CLIENT)).isEmpty();
    }
  }

  @Nested
  @DisplayName("HOSTAGE: I have to deal with you")
  class Hostage {
    private final Account mandated = Account.of("group-sister", "Sister Co", "U_REP").withMandated(true);

    @Test
    void accountKeptOnlyBecauseTheParentCompanySaysSoIsAWarning() {
      Story keptOn =
          Story.of(mandated)
              .weeks(
                  """
                  week      value  conduct
                  2026-W34  1      demanding
                  2026-W35  2      demanding
                  2026-W36  1      respectful
                  2026-W38  1      demanding
                  2026-W40  2      respectful
                  2026-W41  1      demanding
                  """);

      Finding f = raised(keptOn, Pattern.HOSTAGE);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence())
          .containsExactly("The client is ours by mandate and rated its value 1–2 out of 5 (average 1.3) in 6 of the 8 weeks since 17 Aug.");
    }

    @Test
    void aMandatedAccountRatedLowThreeTimesIsAWatch() {
      Story lukewarm =
          Story.of(mandated)
              .weeks(
                  """
                  week      value
                  2026-W38  2
                  2026-W39  2
                  2026-W40  2
                  """);

      assertThat(raised(lukewarm, Pattern.HOSTAGE).severity()).isEqualTo(Severity.WATCH);
    }

    @Test
    void lowValueWithoutAMandateIsNotAHostage() {
      Story chosen =
          Story.of("free-choice")
              .weeks(
                  """
                  week      value
                  2026-W38  1
                  2026-W39  1
                  2026-W40  1
                  2026-W41  1
                  """);

      assertThat(chosen.finding(Pattern.HOSTAGE)).isEmpty();
    }
  }
}
