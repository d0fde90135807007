package io.rapport.completion;

import io.rapport.domain.IsoWeek;

/**
 * Weeks in which a rep's slots are not due, e.g. the weeks a rep is away. The extension point of
 * {@link DueSlots}: a slot in an excluded week is not due unless it was answered anyway (an answer
 * always counts). {@link #NONE} excludes nothing.
 */
@FunctionalInterface
public interface SlotExclusions {
  SlotExclusions NONE = (repId, week) -> false;

  /** True when {@code repId}'s slots of {@code week} are not due. */
  boolean excluded(String repId, IsoWeek week);
}
