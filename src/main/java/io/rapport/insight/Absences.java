package io.rapport.insight;

import io.rapport.domain.IsoWeek;

/**
 * The weeks a rep was away (on leave, or marked away by their manager). A week away is not a gap:
 * the evidence window of an account reaches back one more week for each week its rep was away in
 * it, so a rep back from a fortnight's holiday does not find their accounts "no recent check-ins".
 * {@link #NONE} when nobody was away (or nobody knows, as in an interchange file).
 */
@FunctionalInterface
public interface Absences {
  Absences NONE = (repId, week) -> false;

  /** True when {@code repId} was away in {@code week}. */
  boolean away(String repId, IsoWeek week);
}
