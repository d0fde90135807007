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
import java.util.OptionalDouble;

/**
 * {@link Pattern#WORKING_FOR_THE_CLIENT}: the rep sides with the client, giving away margin and
 * product.
 *
 * <p>Rule: a discount is <em>deep</em> when it is at least the policy ceiling {@code
 * workingForTheClient.ceilingPct} and at least {@code workingForTheClient.normFactor} times the
 * book's norm (the median account's average discount; without a norm, the ceiling alone decides).
 * In the window, {@code workingForTheClient.watchWeeks} deep-discount weeks or {@code
 * workingForTheClient.freebieWeeks} weeks with freebies raise a watch; {@code
 * workingForTheClient.warningWeeks} weeks with either raise a warning. One deliberate strategic
 * discount raises nothing. When the account's list margin is known, evidence says when a discount
 * ate all of it.
 */
public final class WorkingForTheClientDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.WORKING_FOR_THE_CLIENT;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.WorkingForTheClient p = policy.workingForTheClient();
    OptionalDouble norm = book.discountNormPct();
    double deep = Math.max(p.ceilingPct(), norm.isPresent() ? norm.getAsDouble() * p.normFactor() : 0);
    List<CheckIn> recent = history.lastWeeks(policy.window().weeks());
    int deepWeeks = 0;
    int freebieWeeks = 0;
    int giveawayWeeks = 0;
    for (CheckIn c : recent) {
      boolean isDeep = c.discountPct() != null && c.discountPct() >= deep;
      boolean free = Signals.freebies(c);
      deepWeeks += isDeep ? 1 : 0;
      freebieWeeks += free ? 1 : 0;
      giveawayWeeks += isDeep || free ? 1 : 0;
    }
    boolean watch = deepWeeks >= p.watchWeeks() || freebieWeeks >= p.freebieWeeks();
    if (!watch) {
      return Optional.empty();
    }
    Severity severity = giveawayWeeks >= p.warningWeeks() ? Severity.WARNING : Severity.WATCH;
    List<Double> discounts = new ArrayList<>();
    List<IsoWeek> discountWeeks = new ArrayList<>();
    List<IsoWeek> freeWeeks = new ArrayList<>();
    double worst = 0;
    for (CheckIn c : recent) {
      if (c.discountPct() != null && c.discountPct() >= deep) {
        discounts.add(c.discountPct());
        discountWeeks.add(c.week());
        worst = Math.max(worst, c.discountPct());
      }
      if (Signals.freebies(c)) {
        freeWeeks.add(c.week());
      }
    }
    List<String> evidence = new ArrayList<>(3);
    if (!discounts.isEmpty()) {
      String yardstick =
          norm.isPresent()
              ? "at or above the " + Phrases.pct(p.ceilingPct()) + " ceiling and "
                  + Phrases.times(p.normFactor()) + " the usual discount of "
                  + Phrases.pct(norm.getAsDouble())
              : "at or above the " + Phrases.pct(p.ceilingPct()) + " ceiling";
      evidence.add(
          (discounts.size() == 1 ? "A discount of " : "Discounts of ") + Phrases.range(discounts) + "% "
              + Phrases.when(discountWeeks, history.asOf()) + ", " + yardstick + ".");
    }
    if (!freeWeeks.isEmpty()) {
      evidence.add("Freebies given " + Phrases.when(freeWeeks, history.asOf()) + ".");
    }
    Double margin = history.account().listMarginPct();
    if (margin != null && worst >= margin) {
      evidence.add(
          Phrases.sentence(Phrases.aPct(worst)) + " discount gave away the whole list margin of "
              + Phrases.pct(margin) + ": sold at or below cost.");
    }
    return Optional.of(Finding.of(pattern(), severity, giveawayWeeks, evidence));
  }
}
