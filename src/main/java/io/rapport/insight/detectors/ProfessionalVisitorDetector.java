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
 * {@link Pattern#PROFESSIONAL_VISITOR}: calling in for a chat and a coffee — paid to have a social
 * life.
 *
 * <p>Rule: over the last {@code professionalVisitor.windowWeeks} weeks, only when the account had
 * no new business. Count the <em>social-only weeks</em> (at least one social contact, no business
 * contact): {@code professionalVisitor.watchWeeks} raise a watch; {@code
 * professionalVisitor.warningWeeks} raise a warning when there was no business contact at all in
 * the window. A count not reported is unknown: only weeks reporting both counts can be social-only. Plenty of social contact next to steady business raises nothing.
 */
public final class ProfessionalVisitorDetector implements Detector {

  @Override
  public Pattern pattern() {
    return Pattern.PROFESSIONAL_VISITOR;
  }

  @Override
  public Optional<Finding> detect(History history, BookContext book, Policy policy) {
    Policy.ProfessionalVisitor p = policy.professionalVisitor();
    List<CheckIn> recent = history.lastWeeks(p.windowWeeks());
    int socialOnly = 0;
    int social = 0;
    int business = 0;
    for (CheckIn c : recent) {
      if (Signals.newBusiness(c)) {
        return Optional.empty();
      }
      Integer s = Signals.social(c);
      Integer b = Signals.business(c);
      social += s == null ? 0 : s;
      business += b == null ? 0 : b;
      if (socialOnly(c)) {
        socialOnly++;
      }
    }
    if (socialOnly < p.watchWeeks()) {
      return Optional.empty();
    }
    List<IsoWeek> weeks = new ArrayList<>(socialOnly);
    for (CheckIn c : recent) {
      if (socialOnly(c)) {
        weeks.add(c.week());
      }
    }
    Severity severity =
        socialOnly >= p.warningWeeks() && business == 0 ? Severity.WARNING : Severity.WATCH;
    return Optional.of(
        Finding.of(
            pattern(),
            severity,
            socialOnly,
            List.of(
                "Social contact but no business contact " + Phrases.when(weeks, history.asOf()) + ".",
                Phrases.sentence(Phrases.count(social, "social contact", "social contacts")) + " and "
                    + Phrases.count(business, "business contact", "business contacts")
                    + ", and no new business, "
                    + Phrases.since(history.timeframe().start(p.windowWeeks()), history.asOf()) + ".")));
  }

  /**
   * A week with social contact and no business contact. A count not reported is unknown: a week
   * that reports social contacts but not business ones is not a social-only week.
   */
  private static boolean socialOnly(CheckIn c) {
    Integer social = Signals.social(c);
    Integer business = Signals.business(c);
    return social != null && social > 0 && business != null && business == 0;
  }
}
