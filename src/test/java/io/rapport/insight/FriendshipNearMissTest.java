package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import org.junit.jupiter.api.Test;

/**
 * FRIENDSHIP_OVER_PROFIT needs a signal of its own — social contact rising, or outweighing
 * business — so steady, low social contact next to business does not count the same discounts a
 * second time (they are WORKING_FOR_THE_CLIENT's to judge). Each case sits right at the line.
 */
class FriendshipNearMissTest {
  static final IsoWeek AS_OF = IsoWeek.parse("2026-W40");
  static final Account ACME = Account.of("acme", "Acme", "U_REP");

  /** 12 weeks: {@code biz}/{@code soc} contacts a week in each half, 20% off every recent week. */
  static Story story(int earlierBiz, int earlierSoc, int recentBiz, int recentSoc) {
    Story s = Story.of(ACME);
    for (int i = 11; i >= 0; i--) {
      boolean recent = i < 6;
      CheckIn.Builder b = CheckIn.builder(ACME.id(), AS_OF.minusWeeks(i))
          .contacts(recent ? recentBiz : earlierBiz, recent ? recentSoc : earlierSoc);
      if (recent) {
        b.discountPct(20.0);
      }
      s.checkIns().add(b.build());
    }
    return s;
  }

  @Test
  void steadyLowSocialContactNextToBusinessIsNotAFriendshipEvenWhenMarginIsGivenAway() {
    Story steady = story(3, 1, 3, 1);
    assertThat(steady.finding(Pattern.FRIENDSHIP_OVER_PROFIT)).isEmpty();
    assertThat(steady.finding(Pattern.WORKING_FOR_THE_CLIENT)).as("the discounts are judged there").isPresent();
  }

  @Test
  void socialContactRisingByOneAWeekIsAFriendshipSignal() {
    Finding f = story(3, 1, 3, 2).finding(Pattern.FRIENDSHIP_OVER_PROFIT).orElseThrow();
    assertThat(f.evidence().get(0)).contains("up from 1");
  }

  @Test
  void socialContactEqualToBusinessIsNotOutweighingIt() {
    assertThat(story(2, 2, 2, 2).finding(Pattern.FRIENDSHIP_OVER_PROFIT)).isEmpty();
  }

  @Test
  void steadySocialContactOutweighingBusinessIsAFriendshipSignal() {
    Finding f = story(1, 2, 1, 2).finding(Pattern.FRIENDSHIP_OVER_PROFIT).orElseThrow();
    assertThat(f.evidence().get(0)).isEqualTo(
        "More social than business contact since 24 Aug: 12 social contacts and 6 business contacts.");
  }

  /** Like {@link #story}, with each half's contacts as given (null: the whole object not reported). */
  static Story partial(io.rapport.domain.Contacts earlier, io.rapport.domain.Contacts recent) {
    Story s = Story.of(ACME);
    for (int i = 11; i >= 0; i--) {
      boolean isRecent = i < 6;
      CheckIn.Builder b = CheckIn.builder(ACME.id(), AS_OF.minusWeeks(i)).contacts(isRecent ? recent : earlier);
      if (isRecent) {
        b.discountPct(20.0);
      }
      s.checkIns().add(b.build());
    }
    return s;
  }

  @Test
  void socialContactIsNotRisingFromEarlierWeeksThatDidNotReportIt() {
    io.rapport.domain.Contacts recent = new io.rapport.domain.Contacts(3, 2);
    assertThat(partial(null, recent).finding(Pattern.FRIENDSHIP_OVER_PROFIT)).as("unknown before").isEmpty();
    assertThat(partial(new io.rapport.domain.Contacts(3, null), recent).finding(Pattern.FRIENDSHIP_OVER_PROFIT))
        .as("business reported, social not").isEmpty();
    assertThat(partial(new io.rapport.domain.Contacts(3, 0), recent).finding(Pattern.FRIENDSHIP_OVER_PROFIT))
        .as("reported as none before: rising").isPresent();
  }

  @Test
  void socialContactDoesNotOutweighBusinessContactThatWasNotReported() {
    io.rapport.domain.Contacts before = new io.rapport.domain.Contacts(null, 2);
    assertThat(partial(before, new io.rapport.domain.Contacts(null, 2)).finding(Pattern.FRIENDSHIP_OVER_PROFIT))
        .as("business unknown").isEmpty();
    assertThat(partial(before, new io.rapport.domain.Contacts(1, 2)).finding(Pattern.FRIENDSHIP_OVER_PROFIT))
        .as("business reported as 1 a week").isPresent();
  }
}
