package io.rapport.prompt;

import java.util.Locale;

/** The messages a rep can get in one week: the weekly prompt and at most one follow-up. */
public enum PromptKind {
  /** Sent at the team's slot in the rep's time zone (or by {@code prompt-now}). */
  WEEKLY,
  /** Sent 24 hours after the weekly prompt when something is still open; never more than one. */
  REMINDER,
  /** Sent a day after the rep pressed "Snooze to tomorrow" (it replaces the reminder). */
  SNOOZE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PromptKind of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
