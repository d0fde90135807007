package io.rapport.completion;

import io.rapport.domain.IsoWeek;
import java.util.Collection;

/**
 * Where the excluded weeks of {@link DueSlots} come from (e.g. the weeks reps are away), read once
 * per computation for a set of reps and weeks. {@link #NONE} until a capability provides them.
 */
@FunctionalInterface
public interface ExclusionSource {
  ExclusionSource NONE = (ws, reps, from, to) -> SlotExclusions.NONE;

  SlotExclusions of(String workspaceId, Collection<String> repIds, IsoWeek from, IsoWeek to);
}
