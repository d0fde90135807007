package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every threshold, met exactly and missed by the smallest step: one week fewer, one hour or one
 * percent less, one day later. The thresholds are read from {@link Policy#defaults()} by name, so
 * these stay right when the defaults are tuned; what they pin is which side of each line is which.
 */
class NearMissTest {
  private static final Policy P = Policy.defaults();
  private static final IsoWeek AS_OF = IsoWeek.parse("2026-W40");
  private static final Account ACME = Account.of("acme", "Acme", "U_REP");

  /** Quiet weeks (a business contact, nothing else) ending with the week judged. */
  private static Story quiet(Account account, int weeks) {
    Story story = Story.of(account);
    for (int i = weeks - 1; i >= 0; i--) {
      story.checkIns().add(CheckIn.builder(account.id(), AS_OF.minusWeeks(i)).contacts(1, 0).build());
    }
    return story;
  }

  /**
   * A history of {@code weeks} weeks ending with the week judged, whose latest {@code signalWeeks}
   * weeks carry a signal; the others are quiet.
   */
  private static Story story(Account account, int weeks, int signalWeeks, UnaryOperator<CheckIn.Builder> signal) {
    Story story = Story.of(account);
    for (int i = weeks - 1; i >= 0; i--) {
      CheckIn.Builder b = CheckIn.builder(account.id(), AS_OF.minusWeeks(i)).contacts(1, 0);
      story.checkIns().add((i < signalWeeks ? signal.apply(b) : b).build());
    }
    return story;
  }

  private static Story story(int signalWeeks, UnaryOperator<CheckIn.Builder> signal) {
    return story(ACME, P.window().weeks(), signalWeeks, signal);
  }

  private static Optional<Severity> severity(Story story, Pattern pattern) {
    return story.finding(pattern).map(Finding::severity);
  }

  /** The level a count reaches against a pattern's watch and warning lines. */
  private static Optional<Severity> level(int count, int watch, int warning) {
    return count >= warning ? Optional.of(Severity.WARNING) : count >= watch ? Optional.of(Severity.WATCH) : Optional.empty();
  }

  private static String evidence(Story story, Pattern pattern) {
    return String.join(" | ", story.finding(pattern).orElseThrow().evidence());
  }

  @Nested
  @DisplayName("TERMS_DICTATED")
  class TermsDictated {
    private final Policy.TermsDictated t = P.termsDictated();
    private final int lateAfter = ACME.agreedPaymentDays() + t.graceDays();

    private Story latePayments(int weeks, int days) {
      return story(weeks, b -> b.paymentDays(days));
    }

    @Test
    void paymentsOneDayInsideTheGraceAreNeverLateAndOneDayPastItAre() {
      assertThat(severity(latePayments(t.warningWeeks(), lateAfter), Pattern.TERMS_DICTATED)).isEmpty();
      assertThat(severity(latePayments(t.warningWeeks(), lateAfter + 1), Pattern.TERMS_DICTATED))
          .contains(Severity.WARNING);
    }

    @Test
    void oneLatePaymentFewerThanTheWatchLevelRaisesNothing() {
      assertThat(severity(latePayments(t.watchWeeks() - 1, lateAfter + 30), Pattern.TERMS_DICTATED)).isEmpty();
      assertThat(severity(latePayments(t.watchWeeks(), lateAfter + 1), Pattern.TERMS_DICTATED)).contains(Severity.WATCH);
    }

    @Test
    void theWarningNeedsEveryOneOfItsLateWeeks() {
      assertThat(severity(latePayments(t.warningWeeks() - 1, lateAfter + 30), Pattern.TERMS_DICTATED))
          .contains(Severity.WATCH);
      assertThat(severity(latePayments(t.warningWeeks(), lateAfter + 1), Pattern.TERMS_DICTATED))
          .contains(Severity.WARNING);
    }

    @Test
    void longerAgreedTermsMoveTheLine() {
      Account generous = ACME.withAgreedPaymentDays(60);
      int paid = 60 + t.graceDays();

      assertThat(severity(story(generous, P.window().weeks(), t.warningWeeks(), b -> b.paymentDays(paid)),
          Pattern.TERMS_DICTATED)).isEmpty();
      assertThat(severity(story(generous, P.window().weeks(), t.warningWeeks(), b -> b.paymentDays(paid + 1)),
          Pattern.TERMS_DICTATED)).contains(Severity.WARNING);
    }

    @Test
    void theEvidenceCountsTheLatePaymentsAmongThoseReported() {
      Story story = latePayments(t.watchWeeks(), lateAfter + 5);
      story.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(P.window().weeks() - 1)).paymentDays(20).build());

      assertThat(evidence(story, Pattern.TERMS_DICTATED))
          .contains(Integer.toString(lateAfter + 5))
          .contains(t.watchWeeks() + " of the last " + (t.watchWeeks() + 1) + " reported payments");
    }
  }

  @Nested
  @DisplayName("The window")
  class Window {
    private final int weeks = P.window().weeks();

    @Test
    void aLatePaymentInTheFirstWeekOfTheWindowCountsAndOneAWeekEarlierIsForgotten() {
      int late = ACME.agreedPaymentDays() + P.termsDictated().graceDays() + 10;
      int needed = P.termsDictated().watchWeeks();
      Story inside = quiet(ACME, 1);
      Story outside = quiet(ACME, 1);
      for (int i = 0; i < needed - 1; i++) {
        inside.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(1 + i)).paymentDays(late).build());
        outside.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(1 + i)).paymentDays(late).build());
      }
      inside.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(weeks - 1)).paymentDays(late).build());
      outside.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(weeks)).paymentDays(late).build());

      assertThat(severity(inside, Pattern.TERMS_DICTATED)).contains(Severity.WATCH);
      assertThat(severity(outside, Pattern.TERMS_DICTATED)).isEmpty();
    }

    @Test
    void aWindowIsItsWeeksEndingWithTheWeekJudged() {
      Timeframe tf = new Timeframe(AS_OF, weeks);

      assertThat(tf.asOf()).isEqualTo(AS_OF);
      assertThat(tf.start(1)).isEqualTo(AS_OF);
      assertThat(tf.start(weeks)).isEqualTo(AS_OF.minusWeeks(weeks - 1));
      assertThat(tf.start(weeks)).isSameAs(tf.start(weeks));
      assertThat(tf.start(weeks + 1)).isEqualTo(AS_OF.minusWeeks(weeks));
      assertThat(tf.start(weeks + 40)).isEqualTo(AS_OF.minusWeeks(weeks + 39));
      assertThat(tf.contains(weeks, AS_OF.minusWeeks(weeks - 1))).isTrue();
      assertThat(tf.contains(weeks, AS_OF.minusWeeks(weeks))).isFalse();
      assertThat(tf.contains(weeks, AS_OF)).isTrue();
      assertThat(tf.contains(weeks, AS_OF.plusWeeks(1))).isFalse();
    }

    @Test
    void aWindowOfNoWeeksIsRefused() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Timeframe(AS_OF, 0))
          .isInstanceOf(IllegalArgumentException.class);
      Timeframe tf = new Timeframe(AS_OF, 1);
      assertThat(tf.start(1)).isEqualTo(AS_OF);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> tf.start(0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("MASTER_SERVANT")
  class MasterServant {
    private final Policy.MasterServant m = P.masterServant();

    /** Weeks of ten service hours with the given unpaid hours. */
    private Story unpaid(int weeks, double unpaidOfTen) {
      return story(weeks, b -> b.serviceHours(10.0).unpaidHours(unpaidOfTen));
    }

    private double tenthsOf(double pct) {
      return pct / 10;
    }

    @Test
    void aWeekExactlyAtTheWatchShareIsAnUnpaidWeekAndATenthOfAnHourLessIsNot() {
      Story atShare = story(ACME, m.watchWeeks(), m.watchWeeks(), b -> b.serviceHours(10.0).unpaidHours(tenthsOf(m.watchUnpaidPct())));
      Story below = story(ACME, m.watchWeeks(), m.watchWeeks(),
          b -> b.serviceHours(10.0).unpaidHours(tenthsOf(m.watchUnpaidPct()) - 0.1));

      assertThat(severity(atShare, Pattern.MASTER_SERVANT)).contains(Severity.WATCH);
      assertThat(severity(below, Pattern.MASTER_SERVANT)).isEmpty();
    }

    @Test
    void oneUnpaidWeekFewerThanTheWatchLevelRaisesNothing() {
      Story few = story(ACME, m.watchWeeks() - 1, m.watchWeeks() - 1, b -> b.serviceHours(20.0).unpaidHours(20.0));

      assertThat(severity(few, Pattern.MASTER_SERVANT)).isEmpty();
    }

    @Test
    void theWarningNeedsBothTheShareAndTheWeeks() {
      double warningHours = tenthsOf(m.warningUnpaidPct());
      assertThat(severity(story(ACME, m.warningWeeks(), m.warningWeeks(), b -> b.serviceHours(10.0).unpaidHours(warningHours)),
          Pattern.MASTER_SERVANT)).contains(Severity.WARNING);
      assertThat(severity(story(ACME, m.warningWeeks(), m.warningWeeks(),
          b -> b.serviceHours(10.0).unpaidHours(warningHours - 0.1)), Pattern.MASTER_SERVANT)).contains(Severity.WATCH);
      assertThat(severity(story(ACME, m.warningWeeks() - 1, m.warningWeeks() - 1,
          b -> b.serviceHours(10.0).unpaidHours(10.0)), Pattern.MASTER_SERVANT)).contains(Severity.WATCH);
    }

    @Test
    void tooFewServiceHoursInTheWindowAreNotJudged() {
      int weeks = m.warningWeeks();
      double perWeek = m.minServiceHours() / weeks;
      Story justEnough = story(ACME, weeks, weeks, b -> b.serviceHours(perWeek).unpaidHours(perWeek));
      Story justShort = story(ACME, weeks, weeks, b -> b.serviceHours(perWeek - 0.1).unpaidHours(perWeek - 0.1));

      assertThat(severity(justEnough, Pattern.MASTER_SERVANT)).contains(Severity.WARNING);
      assertThat(severity(justShort, Pattern.MASTER_SERVANT)).isEmpty();
    }

    @Test
    void withNoMinimumAnAccountWithoutServiceIsStillNotJudged() {
      Story none = quiet(ACME, P.window().weeks()).policy(P.with("masterServant.minServiceHours", "0"));

      assertThat(severity(none, Pattern.MASTER_SERVANT)).isEmpty();
    }

    @Test
    void paidWeeksDiluteTheShareButNotTheUnpaidWeeks() {
      // unpaid weeks enough for a warning, but long paid weeks pull the share under the warning line
      Story diluted = story(ACME, m.warningWeeks() + 1, m.warningWeeks(), b -> b.serviceHours(10.0).unpaidHours(10.0));
      diluted.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(m.warningWeeks())).serviceHours(80.0).build());

      assertThat(severity(diluted, Pattern.MASTER_SERVANT)).isEmpty();
      assertThat(evidence(unpaid(m.warningWeeks(), 10.0), Pattern.MASTER_SERVANT)).contains("100%");
    }
  }

  @Nested
  @DisplayName("OVER_SERVICING")
  class OverServicing {
    private final Policy.OverServicing o = P.overServicing();

    private Story heavy(int weeks, double hours) {
      return story(weeks, b -> b.serviceHours(hours));
    }

    @Test
    void aWeekExactlyAtTheHeavyLineIsHeavyAndOneTenthUnderIsNot() {
      assertThat(severity(heavy(o.watchWeeks(), o.heavyWeekHours()), Pattern.OVER_SERVICING)).contains(Severity.WATCH);
      assertThat(severity(heavy(o.watchWeeks(), o.heavyWeekHours() - 0.1), Pattern.OVER_SERVICING)).isEmpty();
      assertThat(severity(heavy(o.watchWeeks() - 1, 40), Pattern.OVER_SERVICING)).isEmpty();
    }

    @Test
    void theWarningNeedsItsHeavyWeeksAndABookWithoutNewBusiness() {
      assertThat(severity(heavy(o.warningWeeks() - 1, 40), Pattern.OVER_SERVICING)).contains(Severity.WATCH);
      assertThat(severity(heavy(o.warningWeeks(), o.heavyWeekHours()), Pattern.OVER_SERVICING)).contains(Severity.WARNING);
    }

    @Test
    void aRepWinningElsewhereJustAboveTheLineKeepsItAWatchAndAtTheLineItIsAWarning() {
      int checkIns = 1000;
      int atLine = (int) Math.round(o.bookNewBusinessMaxPct() * checkIns / 100);
      BookContext atTheLine =
          new BookContext(Map.of("U_REP", new RepBook("U_REP", 20, checkIns, atLine, 500)), OptionalDouble.empty());
      BookContext justAbove =
          new BookContext(Map.of("U_REP", new RepBook("U_REP", 20, checkIns, atLine + 1, 500)), OptionalDouble.empty());

      Story atStory = heavy(o.warningWeeks(), 40).book(atTheLine);
      assertThat(severity(atStory, Pattern.OVER_SERVICING)).contains(Severity.WARNING);
      assertThat(evidence(atStory, Pattern.OVER_SERVICING)).contains(atLine + " of " + Phrases.count(checkIns, "check-in", "check-ins"));
      assertThat(severity(heavy(o.warningWeeks(), 40).book(justAbove), Pattern.OVER_SERVICING)).contains(Severity.WATCH);
    }

    @Test
    void anyNewBusinessInTheWindowExplainsTheService() {
      Story progressed = heavy(P.window().weeks(), 40);
      progressed.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(P.window().weeks() - 1))
          .serviceHours(40.0).outcome(Outcome.PROGRESSED).build());
      Story revenue = heavy(P.window().weeks(), 40);
      revenue.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(P.window().weeks() - 1))
          .serviceHours(40.0).revenueWon(1.0).build());
      Story lost = heavy(P.window().weeks(), 40);
      lost.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(P.window().weeks() - 1))
          .serviceHours(40.0).outcome(Outcome.LOST).revenueWon(0.0).build());

      assertThat(severity(progressed, Pattern.OVER_SERVICING)).isEmpty();
      assertThat(severity(revenue, Pattern.OVER_SERVICING)).isEmpty();
      assertThat(severity(lost, Pattern.OVER_SERVICING)).contains(Severity.WARNING);
    }

    @Test
    void theEvidenceAddsUpTheHoursOfTheWindow() {
      Story story = heavy(o.watchWeeks(), 11);

      assertThat(evidence(story, Pattern.OVER_SERVICING)).contains(Integer.toString(11 * o.watchWeeks()));
    }
  }

  @Nested
  @DisplayName("QUOTA_PRESSURE")
  class QuotaPressure {
    private final Policy.QuotaPressure q = P.quotaPressure();
    // 2023-12-31 and 2024-03-31 are Sundays: the Monday 13 days before each is the first day of the
    // last two ISO weeks of its quarter.
    private final IsoWeek lastTwoWeeksOfQ4 = IsoWeek.parse("2023-W51");
    private final IsoWeek threeWeeksBeforeQ4End = IsoWeek.parse("2023-W50");
    private final IsoWeek lastTwoWeeksOfQ1 = IsoWeek.parse("2024-W12");

    private Story pushes(IsoWeek first, IsoWeek second, double discount) {
      Story s = Story.of(ACME);
      s.checkIns().add(CheckIn.builder("acme", first).discountPct(discount).build());
      s.checkIns().add(CheckIn.builder("acme", second).discountPct(discount).build());
      return s;
    }

    @Test
    void pressureWeeksAwayFromQuarterEndsCountUpToTheirLevels() {
      // 2026-W25 to W33 lie well inside the third quarter, far from any quarter end
      for (int n : new int[] {q.watchWeeks() - 1, q.watchWeeks(), q.warningWeeks() - 1, q.warningWeeks()}) {
        Story s = Story.of(ACME);
        for (int i = 0; i < n; i++) {
          s.checkIns().add(CheckIn.builder("acme", IsoWeek.parse("2026-W33").minusWeeks(i)).quotaPressure(true).build());
        }
        s.checkIns().add(CheckIn.builder("acme", IsoWeek.parse("2026-W33").minusWeeks(8)).quotaPressure(false).build());
        assertThat(severity(s, Pattern.QUOTA_PRESSURE)).as("%d pressure weeks", n)
            .isEqualTo(level(n, q.watchWeeks(), q.warningWeeks()));
      }
    }

    @Test
    void deepDiscountsInTheLastTwoWeeksOfTwoQuartersAreAWarning() {
      assertThat(severity(pushes(lastTwoWeeksOfQ4, lastTwoWeeksOfQ1, q.periodEndDiscountPct()), Pattern.QUOTA_PRESSURE))
          .contains(Severity.WARNING);
    }

    @Test
    void aDiscountThreeWeeksBeforeTheQuarterEndIsNotAPeriodEndPush() {
      assertThat(severity(pushes(threeWeeksBeforeQ4End, lastTwoWeeksOfQ1, 50), Pattern.QUOTA_PRESSURE)).isEmpty();
    }

    @Test
    void aDiscountJustUnderTheLineIsNoPush() {
      assertThat(severity(pushes(lastTwoWeeksOfQ4, lastTwoWeeksOfQ1, q.periodEndDiscountPct() - 0.1),
          Pattern.QUOTA_PRESSURE)).isEmpty();
    }

    @Test
    void twoPushesInOneQuarterAreOneQuarter() {
      assertThat(severity(pushes(lastTwoWeeksOfQ4, lastTwoWeeksOfQ4.plusWeeks(1), 50), Pattern.QUOTA_PRESSURE)).isEmpty();
    }

    @Test
    void pressureAtAQuarterEndIsBothAPressureWeekAndAPush() {
      Story s = Story.of(ACME);
      s.checkIns().add(CheckIn.builder("acme", lastTwoWeeksOfQ4).quotaPressure(true).discountPct(20.0).build());
      s.checkIns().add(CheckIn.builder("acme", lastTwoWeeksOfQ1).quotaPressure(true).build());

      assertThat(severity(s, Pattern.QUOTA_PRESSURE)).contains(Severity.WARNING);
      assertThat(evidence(s, Pattern.QUOTA_PRESSURE)).contains("20");
    }
  }

  @Nested
  @DisplayName("ABUSIVE and BIG_BROTHER")
  class Conduct {
    private Story conduct(int weeks, ClientConduct c) {
      return story(weeks, b -> b.clientConduct(c));
    }

    @Test
    void aggressiveWeeksCountUpToTheirLevelsAndDemandingNeverDoes() {
      Policy.Abusive a = P.abusive();
      assertThat(severity(conduct(a.watchWeeks() - 1, ClientConduct.AGGRESSIVE), Pattern.ABUSIVE)).isEmpty();
      assertThat(severity(conduct(a.watchWeeks(), ClientConduct.AGGRESSIVE), Pattern.ABUSIVE)).contains(Severity.WATCH);
      assertThat(severity(conduct(a.warningWeeks() - 1, ClientConduct.AGGRESSIVE), Pattern.ABUSIVE))
          .isEqualTo(level(a.warningWeeks() - 1, a.watchWeeks(), a.warningWeeks()));
      assertThat(severity(conduct(a.warningWeeks(), ClientConduct.THREATENING), Pattern.ABUSIVE)).contains(Severity.WARNING);
      assertThat(severity(conduct(P.window().weeks(), ClientConduct.DEMANDING), Pattern.ABUSIVE)).isEmpty();
    }

    @Test
    void oneThreatIsAWatchAndTheWarningLevelOfThreatsAWarning() {
      int warning = P.bigBrother().warningWeeks();
      assertThat(severity(conduct(1, ClientConduct.THREATENING), Pattern.BIG_BROTHER)).contains(Severity.WATCH);
      assertThat(severity(conduct(warning - 1, ClientConduct.THREATENING), Pattern.BIG_BROTHER)).contains(Severity.WATCH);
      assertThat(severity(conduct(warning, ClientConduct.THREATENING), Pattern.BIG_BROTHER)).contains(Severity.WARNING);
      assertThat(severity(conduct(P.window().weeks(), ClientConduct.AGGRESSIVE), Pattern.BIG_BROTHER)).isEmpty();
    }
  }

  @Nested
  @DisplayName("EXPLOITATIVE")
  class Exploitative {
    @Test
    void oneDisputeIsAWatchAndTheWarningLevelOfDisputesAWarning() {
      int warning = P.exploitative().warningWeeks();
      assertThat(severity(story(1, b -> b.billingDispute(true)), Pattern.EXPLOITATIVE)).contains(Severity.WATCH);
      assertThat(severity(story(warning - 1, b -> b.billingDispute(true)), Pattern.EXPLOITATIVE)).contains(Severity.WATCH);
      assertThat(severity(story(warning, b -> b.billingDispute(true)), Pattern.EXPLOITATIVE)).contains(Severity.WARNING);
      assertThat(severity(story(P.window().weeks(), b -> b.billingDispute(false)), Pattern.EXPLOITATIVE)).isEmpty();
    }

    @Test
    void theEvidenceSaysTheNotesDescribeTheDisputeOnlyWhenTheyDoAndNeverQuotesThem() {
      Story noted = story(1, b -> b.billingDispute(true).note("charged twice for the March order"));
      Story blank = story(1, b -> b.billingDispute(true).note("  "));
      Story quietNote = story(1, b -> b.billingDispute(true));
      quietNote.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(P.window().weeks() - 1))
          .note("lunch next week").build());

      assertThat(evidence(noted, Pattern.EXPLOITATIVE)).doesNotContain("charged twice").isNotEqualTo(evidence(blank, Pattern.EXPLOITATIVE));
      assertThat(evidence(blank, Pattern.EXPLOITATIVE)).isEqualTo(evidence(quietNote, Pattern.EXPLOITATIVE));
    }
  }

  @Nested
  @DisplayName("BROKEN_PROMISES")
  class BrokenPromises {
    private final Policy.BrokenPromises bp = P.brokenPromises();

    @Test
    void brokenPromisesCountUpToTheWatchOnEitherSide() {
      assertThat(severity(story(1, b -> b.promisesBrokenByClient(bp.watchCount() - 1)), Pattern.BROKEN_PROMISES)).isEmpty();
      assertThat(severity(story(1, b -> b.promisesBrokenByClient(bp.watchCount())), Pattern.BROKEN_PROMISES))
          .contains(Severity.WATCH);
      assertThat(severity(story(1, b -> b.promisesBrokenByUs(bp.watchCount())), Pattern.BROKEN_PROMISES))
          .contains(Severity.WATCH);
      assertThat(severity(story(1, b -> b.promisesBrokenByClient(bp.watchCount() - 1).promisesBrokenByUs(1)),
          Pattern.BROKEN_PROMISES)).contains(Severity.WATCH);
    }

    @Test
    void theWarningNeedsTheCountSpreadOverItsWeeks() {
      int perWeek = (bp.warningCount() + bp.warningWeeks() - 1) / bp.warningWeeks();
      assertThat(severity(story(bp.warningWeeks(), b -> b.promisesBrokenByClient(perWeek)), Pattern.BROKEN_PROMISES))
          .contains(Severity.WARNING);
      assertThat(severity(story(bp.warningWeeks() - 1, b -> b.promisesBrokenByClient(bp.warningCount())),
          Pattern.BROKEN_PROMISES)).contains(Severity.WATCH);
      assertThat(severity(story(1, b -> b.promisesBrokenByClient(bp.warningCount() * 5)), Pattern.BROKEN_PROMISES))
          .contains(Severity.WATCH);
    }

    @Test
    void enoughWeeksButOnePromiseTooFewIsAWatch() {
      Story story = story(bp.warningWeeks(), b -> b.promisesBrokenByClient(1));
      int missing = bp.warningCount() - 1 - bp.warningWeeks();
      if (missing > 0) {
        CheckIn last = story.checkIns().get(story.checkIns().size() - 1);
        story.checkIns().set(story.checkIns().size() - 1,
            CheckIn.builder("acme", last.week()).promisesBrokenByClient(1 + missing).build());
      }

      assertThat(severity(story, Pattern.BROKEN_PROMISES))
          .isEqualTo(level(Math.max(bp.warningCount() - 1, bp.warningWeeks()), bp.watchCount(), Integer.MAX_VALUE));
    }

    @Test
    void onlyPromisesWeBrokeMakeItAnAdmission() {
      assertThat(story(1, b -> b.promisesBrokenByUs(bp.watchCount())).finding(Pattern.BROKEN_PROMISES).orElseThrow().admitted())
          .isTrue();
      assertThat(story(1, b -> b.promisesBrokenByClient(bp.watchCount())).finding(Pattern.BROKEN_PROMISES).orElseThrow().admitted())
          .isFalse();
    }
  }

  @Nested
  @DisplayName("HOSTAGE")
  class Hostage {
    private final Policy.Hostage h = P.hostage();
    private final Account mandated = ACME.withMandated(true);

    private Story rated(Account account, int... ratings) {
      Story s = Story.of(account);
      for (int i = 0; i < ratings.length; i++) {
        s.checkIns().add(CheckIn.builder(account.id(), AS_OF.minusWeeks(ratings.length - 1 - i)).valueRating(ratings[i]).build());
      }
      return s;
    }

    private int[] times(int n, int rating) {
      int[] r = new int[n];
      java.util.Arrays.fill(r, rating);
      return r;
    }

    @Test
    void lowRatingsOfAMandatedAccountRaiseAWatchOnlyWithEnoughOfThem() {
      int low = (int) Math.floor(h.watchMeanValue());
      assertThat(severity(rated(mandated, times(h.watchRatedWeeks(), low)), Pattern.HOSTAGE)).isPresent();
      assertThat(severity(rated(mandated, times(h.watchRatedWeeks() - 1, 1)), Pattern.HOSTAGE)).isEmpty();
      assertThat(severity(rated(ACME, times(h.warningRatedWeeks(), 1)), Pattern.HOSTAGE)).isEmpty();
    }

    @Test
    void anAverageJustAboveTheWatchLineRaisesNothing() {
      // watchRatedWeeks - 1 ratings at the line and one a point higher: average just above it
      int[] ratings = times(h.watchRatedWeeks(), (int) Math.floor(h.watchMeanValue()));
      ratings[0] += 1;
      double mean = java.util.Arrays.stream(ratings).average().orElseThrow();
      assertThat(mean).isGreaterThan(h.watchMeanValue());

      assertThat(severity(rated(mandated, ratings), Pattern.HOSTAGE)).isEmpty();
    }

    @Test
    void theWarningNeedsBothItsRatingsAndItsAverage() {
      int[] atWarningMean = times(h.warningRatedWeeks(), 1);
      // raise ratings one by one while the average stays at or under the warning line
      for (int i = 0; i < atWarningMean.length; i++) {
        atWarningMean[i] = 2;
        if (java.util.Arrays.stream(atWarningMean).average().orElseThrow() > h.warningMeanValue()) {
          atWarningMean[i] = 1;
          break;
        }
      }
      int[] justAbove = atWarningMean.clone();
      for (int i = 0; i < justAbove.length; i++) {
        if (justAbove[i] == 1) {
          justAbove[i] = 2;
          break;
        }
      }
      assertThat(java.util.Arrays.stream(justAbove).average().orElseThrow()).isGreaterThan(h.warningMeanValue());

      assertThat(severity(rated(mandated, atWarningMean), Pattern.HOSTAGE)).contains(Severity.WARNING);
      assertThat(severity(rated(mandated, justAbove), Pattern.HOSTAGE)).contains(Severity.WATCH);
      assertThat(severity(rated(mandated, times(h.warningRatedWeeks() - 1, 1)), Pattern.HOSTAGE)).contains(Severity.WATCH);
    }
  }

  @Nested
  @DisplayName("WIN_LOSE")
  class WinLose {
    private final Policy.WinLose w = P.winLose();

    private Story concessions(int weeks, double discount) {
      return story(ACME, w.windowWeeks(), weeks, b -> b.discountPct(discount));
    }

    private Story oneSidedWins(int weeks, int rating) {
      return story(ACME, w.windowWeeks(), weeks, b -> b.outcome(Outcome.WON).valueRating(rating));
    }

    @Test
    void concessionsExactlyAtTheLineCountAndJustUnderItDoNot() {
      assertThat(severity(concessions(w.watchWeeks(), w.concessionDiscountPct()), Pattern.WIN_LOSE)).contains(Severity.WATCH);
      assertThat(severity(concessions(w.watchWeeks(), w.concessionDiscountPct() - 0.1), Pattern.WIN_LOSE)).isEmpty();
      assertThat(severity(concessions(w.watchWeeks() - 1, 50), Pattern.WIN_LOSE)).isEmpty();
      assertThat(severity(concessions(w.warningWeeks() - 1, 50), Pattern.WIN_LOSE)).contains(Severity.WATCH);
      assertThat(severity(concessions(w.warningWeeks(), 50), Pattern.WIN_LOSE)).contains(Severity.WARNING);
    }

    @Test
    void freebiesAreConcessionsAndNewBusinessMakesThemATrade() {
      Story freebies = story(ACME, w.windowWeeks(), w.watchWeeks(), b -> b.freebies(true));
      Story traded = story(ACME, w.windowWeeks(), w.warningWeeks(), b -> b.freebies(true));
      traded.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(w.windowWeeks() - 1)).outcome(Outcome.PROGRESSED).build());

      assertThat(severity(freebies, Pattern.WIN_LOSE)).contains(Severity.WATCH);
      assertThat(evidence(freebies, Pattern.WIN_LOSE)).contains("freebies");
      assertThat(severity(traded, Pattern.WIN_LOSE)).isEmpty();
    }

    @Test
    void winsTheClientRatedAtTheLowLineAreOneSidedAndOnePointHigherAreNot() {
      assertThat(severity(oneSidedWins(w.oneSidedWatchWeeks(), w.lowValueRating()), Pattern.WIN_LOSE)).contains(Severity.WATCH);
      assertThat(severity(oneSidedWins(w.oneSidedWarningWeeks(), w.lowValueRating() + 1), Pattern.WIN_LOSE)).isEmpty();
      assertThat(severity(oneSidedWins(w.oneSidedWatchWeeks() - 1, 1), Pattern.WIN_LOSE)).isEmpty();
      assertThat(severity(oneSidedWins(w.oneSidedWarningWeeks() - 1, 1), Pattern.WIN_LOSE)).contains(Severity.WATCH);
      assertThat(severity(oneSidedWins(w.oneSidedWarningWeeks(), 1), Pattern.WIN_LOSE)).contains(Severity.WARNING);
    }

    @Test
    void revenueWithoutAWonOutcomeIsAWinToo() {
      Story revenue = story(ACME, w.windowWeeks(), w.oneSidedWatchWeeks(), b -> b.revenueWon(500.0).valueRating(1));
      Story unrated = story(ACME, w.windowWeeks(), w.oneSidedWarningWeeks(), b -> b.revenueWon(500.0));

      assertThat(severity(revenue, Pattern.WIN_LOSE)).contains(Severity.WATCH);
      assertThat(severity(unrated, Pattern.WIN_LOSE)).isEmpty();
    }

    @Test
    void oneSidedWinsAreJudgedThoughTheyAreNewBusiness() {
      Story both = story(ACME, w.windowWeeks(), w.oneSidedWarningWeeks(), b -> b.outcome(Outcome.WON).valueRating(1));
      assertThat(severity(both, Pattern.WIN_LOSE)).contains(Severity.WARNING);
      assertThat(both.finding(Pattern.WIN_LOSE).orElseThrow().evidence()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("WORKING_FOR_THE_CLIENT")
  class WorkingForTheClient {
    private final Policy.WorkingForTheClient wc = P.workingForTheClient();

    private Story discounts(int weeks, double pct) {
      return story(weeks, b -> b.discountPct(pct));
    }

    @Test
    void discountsAtTheCeilingAreDeepAndJustUnderItAreNot() {
      assertThat(severity(discounts(wc.watchWeeks(), wc.ceilingPct()), Pattern.WORKING_FOR_THE_CLIENT)).contains(Severity.WATCH);
      assertThat(severity(discounts(wc.watchWeeks(), wc.ceilingPct() - 0.1), Pattern.WORKING_FOR_THE_CLIENT)).isEmpty();
      assertThat(severity(discounts(wc.watchWeeks() - 1, 90), Pattern.WORKING_FOR_THE_CLIENT)).isEmpty();
    }

    @Test
    void aGenerousBookRaisesTheLineToItsNormTimesTheFactor() {
      double norm = wc.ceilingPct();
      double line = norm * wc.normFactor();
      BookContext generous = new BookContext(Map.of(), OptionalDouble.of(norm));

      Story atLine = discounts(wc.watchWeeks(), line).book(generous);
      assertThat(severity(atLine, Pattern.WORKING_FOR_THE_CLIENT)).contains(Severity.WATCH);
      assertThat(evidence(atLine, Pattern.WORKING_FOR_THE_CLIENT)).contains(Phrases.pct(norm));
      assertThat(severity(discounts(wc.watchWeeks(), line - 0.1).book(generous), Pattern.WORKING_FOR_THE_CLIENT)).isEmpty();
    }

    @Test
    void freebiesAloneRaiseAWatchAtTheirOwnLevel() {
      assertThat(severity(story(wc.freebieWeeks(), b -> b.freebies(true)), Pattern.WORKING_FOR_THE_CLIENT)).isPresent();
      assertThat(severity(story(wc.freebieWeeks() - 1, b -> b.freebies(true)), Pattern.WORKING_FOR_THE_CLIENT)).isEmpty();
    }

    @Test
    void theWarningCountsEveryGiveawayWeekOnce() {
      Story mixed = story(wc.warningWeeks(), b -> b.discountPct(wc.ceilingPct()));
      int freebieWeek = mixed.checkIns().size() - wc.warningWeeks();
      CheckIn c = mixed.checkIns().get(freebieWeek);
      mixed.checkIns().set(freebieWeek, CheckIn.builder("acme", c.week()).freebies(true).build());
      Story both = story(wc.warningWeeks() - 1, b -> b.discountPct(wc.ceilingPct()).freebies(true));

      assertThat(severity(mixed, Pattern.WORKING_FOR_THE_CLIENT)).contains(Severity.WARNING);
      assertThat(severity(both, Pattern.WORKING_FOR_THE_CLIENT)).contains(Severity.WATCH);
    }

    @Test
    void aDiscountThatEatsTheWholeListMarginIsCalledOut() {
      Account margin = ACME.withListMarginPct(wc.ceilingPct() + 5);
      Story atMargin = story(margin, P.window().weeks(), wc.watchWeeks(), b -> b.discountPct(wc.ceilingPct() + 5));
      Story underMargin = story(margin, P.window().weeks(), wc.watchWeeks(), b -> b.discountPct(wc.ceilingPct() + 4));

      assertThat(atMargin.finding(Pattern.WORKING_FOR_THE_CLIENT).orElseThrow().evidence()).hasSize(2);
      assertThat(underMargin.finding(Pattern.WORKING_FOR_THE_CLIENT).orElseThrow().evidence()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("PROFESSIONAL_VISITOR")
  class ProfessionalVisitor {
    private final Policy.ProfessionalVisitor pv = P.professionalVisitor();

    private Story socialOnly(int weeks) {
      Story s = Story.of(ACME);
      for (int i = pv.windowWeeks() - 1; i >= 0; i--) {
        CheckIn.Builder b = CheckIn.builder("acme", AS_OF.minusWeeks(i));
        s.checkIns().add((i < weeks ? b.contacts(0, 2) : b.serviceHours(1.0)).build());
      }
      return s;
    }

    @Test
    void socialOnlyWeeksCountUpToTheirLevels() {
      assertThat(severity(socialOnly(pv.watchWeeks() - 1), Pattern.PROFESSIONAL_VISITOR)).isEmpty();
      assertThat(severity(socialOnly(pv.watchWeeks()), Pattern.PROFESSIONAL_VISITOR)).contains(Severity.WATCH);
      assertThat(severity(socialOnly(pv.warningWeeks() - 1), Pattern.PROFESSIONAL_VISITOR)).contains(Severity.WATCH);
      assertThat(severity(socialOnly(pv.warningWeeks()), Pattern.PROFESSIONAL_VISITOR)).contains(Severity.WARNING);
    }

    @Test
    void oneBusinessContactAnywhereKeepsItAWatch() {
      Story s = socialOnly(pv.warningWeeks());
      s.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(pv.windowWeeks() - 1)).contacts(1, 0).build());

      assertThat(severity(s, Pattern.PROFESSIONAL_VISITOR)).contains(Severity.WATCH);
    }

    @Test
    void socialContactNextToBusinessContactIsNotAVisit() {
      Story s = Story.of(ACME);
      for (int i = pv.windowWeeks() - 1; i >= 0; i--) {
        s.checkIns().add(CheckIn.builder("acme", AS_OF.minusWeeks(i)).contacts(1, 3).build());
      }
      assertThat(severity(s, Pattern.PROFESSIONAL_VISITOR)).isEmpty();
    }

    @Test
    void aWeekWhoseBusinessContactsWereNotReportedIsNotSocialOnly() {
      Story s = socialOnly(pv.watchWeeks());
      s.checkIns().set(pv.windowWeeks() - 1,
          CheckIn.builder("acme", AS_OF).contacts(new io.rapport.domain.Contacts(null, 2)).build());

      assertThat(severity(s, Pattern.PROFESSIONAL_VISITOR)).as("one known social-only week short").isEmpty();
      s.checkIns().set(pv.windowWeeks() - 1, CheckIn.builder("acme", AS_OF).contacts(0, 2).build());
      assertThat(severity(s, Pattern.PROFESSIONAL_VISITOR)).as("reported as none").contains(Severity.WATCH);
    }

    @Test
    void newBusinessMakesTheVisitsWorthIt() {
      Story s = socialOnly(pv.warningWeeks());
      s.checkIns().set(0, CheckIn.builder("acme", AS_OF.minusWeeks(pv.windowWeeks() - 1)).outcome(Outcome.WON).build());

      assertThat(severity(s, Pattern.PROFESSIONAL_VISITOR)).isEmpty();
    }
  }

  @Test
  void aCleanHistoryOfQuietWeeksRaisesNothing() {
    assertThat(quiet(ACME, P.lookbackWeeks()).analyze().findings()).isEmpty();
  }

  @Test
  void theLongestLookBackCoversEveryDetectorsWindow() {
    assertThat(P.lookbackWeeks())
        .isGreaterThanOrEqualTo(P.window().weeks())
        .isGreaterThanOrEqualTo(P.quotaPressure().windowWeeks())
        .isGreaterThanOrEqualTo(P.professionalVisitor().windowWeeks())
        .isGreaterThanOrEqualTo(P.winLose().windowWeeks());
    for (String group : List.of("window.weeks", "quotaPressure.windowWeeks", "professionalVisitor.windowWeeks",
        "winLose.windowWeeks")) {
      assertThat(P.with(group, "52").lookbackWeeks()).as(group).isEqualTo(52);
    }
  }
}
