package io.rapport.insight.detectors;

import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.BookContext;
import io.rapport.insight.Detector;
import io.rapport.insight.Finding;
import io.rapport.insight.History;
import io.rapport.insight.Pattern;
import io.rapport.insight.Phrases;
import io.rapport.insight.Policy;
import io.rapport.insight.Severity;
import io.rapport.insight.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#FRIENDSHIP_OVER_PROFIT}: a friendship grown at the expense of a profitable
 * partnership.
 *
 * <p>Rule: split the window into an earlier and a recent half, each with at least {@code
 * friendship.minWeeksPerHalf} check-ins. The friendship is close when recent social contacts
 * average at least {@code friendship.minSocialPerWeek} a week <em>and</em> the friendship has a
 * signal of its own: social contact rising (more a week than in the earlier half) or outweighing
 * business contact in the recent half. Steady, low social contact next to mostly business contact
 * is not a friendship, even when margin is given away: that is {@link
 * Pattern#WORKING_FOR_THE_CLIENT}'s to judge, so the same discounts are not counted twice. Then
 * two profit signals are checked: <em>revenue falling</em> (recent revenue at least {@code
 * friendship.revenueDropPct} percent below the earlier half's) and <em>margin given away</em>
 * (at least {@code friendship.giveawayWeeks} recent weeks with a discount of {@code
 * friendship.discountPct} or freebies). One signal raises a watch; both, or revenue that fell to
 * nothing with no new business in the recent half, raise a warning. Plenty of social contact with
 * steady, profitable business raises nothing — whatever the horizon. A contact count not reported
 * is unknown, not zero: rates are over the weeks that report it, "outweighing" compares only weeks
 * reporting both counts, and a half with fewer than {@code friendship.minWeeksPerHalf} such weeks
 * says nothing.
 */
public final class FriendshipOverProfitDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.FRIENDSHIP_OVER_PROFIT;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.Friendship p = policy.friendship();
    int window = policy.window().weeks();
    int half = window / 2;
    IsoWeek recentStart = history.timeframe().start(half);
    List<CheckIn> all = history.lastWeeks(window);
    int earlierCount = 0;
    int recentCount = 0;
    int earlierSocialWeeks = 0; // weeks reporting social contacts
    int recentSocialWeeks = 0;
    int recentBothWeeks = 0; // recent weeks reporting both counts
    double earlierSocial = 0;
    double recentSocial = 0;
    double recentSocialBoth = 0;
    double earlierRevenue = 0;
    double recentRevenue = 0;
    int recentBusiness = 0;
    boolean recentNewBusiness = false;
    List<IsoWeek> giveawayWeeks = null;
    for (CheckIn c : all) {
      if (c.week().compareTo(recentStart) < 0) {
        earlierCount++;
        Integer social = Signals.social(c);
        if (social != null) {
          earlierSocialWeeks++;
          earlierSocial += social;
        }
        earlierRevenue += Signals.revenue(c);
      } else {
        recentCount++;
        Integer social = Signals.social(c);
        Integer business = Signals.business(c);
        if (social != null) {
          recentSocialWeeks++;
          recentSocial += social;
        }
        if (social != null && business != null) {
          recentBothWeeks++;
          recentSocialBoth += social;
          recentBusiness += business;
        }
        recentRevenue += Signals.revenue(c);
        recentNewBusiness |= Signals.newBusiness(c);
        boolean discount = c.discountPct() != null && c.discountPct() >= p.discountPct();
        if (discount || Signals.freebies(c)) {
          if (giveawayWeeks == null) {
            giveawayWeeks = new ArrayList<>();
          }
          giveawayWeeks.add(c.week());
        }
      }
    }
    if (earlierCount < p.minWeeksPerHalf() || recentCount < p.minWeeksPerHalf()) {
      return Optional.empty();
    }
    // Counts not reported are unknown: rates are over the weeks that report them, and a half with
    // too few such weeks says nothing.
    if (recentSocialWeeks < p.minWeeksPerHalf()) {
      return Optional.empty();
    }
    double earlierSocialRate = earlierSocialWeeks == 0 ? 0 : earlierSocial / earlierSocialWeeks;
    double recentSocialRate = recentSocial / recentSocialWeeks;
    boolean rising = earlierSocialWeeks >= p.minWeeksPerHalf() && recentSocialRate > earlierSocialRate;
    boolean outweighsBusiness = recentBothWeeks >= p.minWeeksPerHalf() && recentSocialBoth > recentBusiness;
    if (recentSocialRate < p.minSocialPerWeek() || (!rising && !outweighsBusiness)) {
      return Optional.empty();
    }
    boolean revenueFell =
        earlierRevenue > 0 && recentRevenue <= earlierRevenue * (1 - p.revenueDropPct() / 100);
    boolean givingAway = giveawayWeeks != null && giveawayWeeks.size() >= p.giveawayWeeks();
    if (!revenueFell && !givingAway) {
      return Optional.empty();
    }
    boolean ordersStopped = revenueFell && recentRevenue == 0 && !recentNewBusiness;
    Severity severity =
        (revenueFell && givingAway) || ordersStopped ? Severity.WARNING : Severity.WATCH;
    List<String> evidence = new ArrayList<>(3);
    String since = Phrases.since(recentStart, history.asOf());
    if (rising) {
      evidence.add(
          Phrases.sentence(Phrases.count(recentSocialRate, "social contact", "social contacts"))
              + " a week " + since + ", up from " + Phrases.number(earlierSocialRate) + " a week in the "
              + Phrases.count(half, "week", "weeks") + " before.");
    } else {
      evidence.add(
          "More social than business contact " + since + ": "
              + Phrases.count(recentSocialBoth, "social contact", "social contacts") + " and "
              + Phrases.count(recentBusiness, "business contact", "business contacts") + ".");
    }
    if (revenueFell) {
      evidence.add(
          "Revenue fell by " + Phrases.pct(100 * (earlierRevenue - recentRevenue) / earlierRevenue)
              + ", from " + Phrases.amount(earlierRevenue, book.currency()) + " in the "
              + Phrases.count(half, "week", "weeks") + " before to "
              + Phrases.amount(recentRevenue, book.currency()) + " " + since
              + (ordersStopped ? ", with no new business." : "."));
    }
    if (givingAway) {
      evidence.add(
          "Discounts of " + Phrases.pct(p.discountPct()) + " or more, or freebies, "
              + Phrases.when(giveawayWeeks, history.asOf()) + ".");
    }
    return Optional.of(Finding.of(pattern(), severity, recentCount, evidence));
  }
}
