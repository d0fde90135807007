package io.rapport.domain;

import java.util.Locale;

/** Where a flag stands: open, or how it was closed. */
public enum FlagStatus {
  /** The pattern shows (or showed recently) and nobody has closed the flag. */
  OPEN,
  /** Someone pressed Resolved. */
  RESOLVED,
  /** Someone said it was a false alarm; the pattern is suppressed on the account for a while. */
  FALSE_ALARM,
  /** The pattern did not show for the policy's quiet weeks and the flag closed itself. */
  EXPIRED;

  /** The stored id, e.g. {@code false_alarm}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FlagStatus parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
