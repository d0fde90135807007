package io.rapport.completion;

/**
 * Check-in completion: how many due (rep, key account, week) slots were answered — checked in or
 * marked "nothing to report". See {@link DueSlots} for which slots are due.
 *
 * @param answered due slots with an answer
 * @param due due slots
 */
public record Completion(int answered, int due) {
  public static final Completion NONE = new Completion(0, 0);

  public Completion {
    if (answered < 0 || due < 0 || answered > due) {
      throw new IllegalArgumentException("completion " + answered + " of " + due);
    }
  }

  /** Percent answered, rounded down (so 100% always means every due slot); 100 when nothing was due. */
  public int percent() {
    return due == 0 ? 100 : (int) Math.floor(100.0 * answered / due);
  }

  /** Due slots without an answer. */
  public int missing() {
    return due - answered;
  }

  public boolean nothingDue() {
    return due == 0;
  }

  public Completion plus(Completion other) {
    return new Completion(answered + other.answered, due + other.due);
  }
}
