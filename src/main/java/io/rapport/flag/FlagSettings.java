package io.rapport.flag;

import io.rapport.insight.PolicyException;
import java.util.List;
import java.util.Locale;

/**
 * The flag workflow's own per-team settings, tuned by name next to the insight {@link
 * io.rapport.insight.Policy} thresholds (names start with {@code flags.}).
 *
 * @param falseAlarmWeeks weeks a false alarm keeps the pattern off the account
 * @param quietWeeks weeks without the pattern after which a flag closes itself
 * @param resolvedGraceWeeks weeks after Resolved before the same pattern may be flagged again on the
 *     account (the detectors look back weeks, so the old evidence would otherwise re-open it at once)
 */
public record FlagSettings(int falseAlarmWeeks, int quietWeeks, int resolvedGraceWeeks) {
  public static final String PREFIX = "flags.";
  public static final String FALSE_ALARM_WEEKS = "flags.falseAlarmWeeks";
  public static final String QUIET_WEEKS = "flags.quietWeeks";
  public static final String RESOLVED_GRACE_WEEKS = "flags.resolvedGraceWeeks";

  private static final FlagSettings DEFAULTS = new FlagSettings(8, 4, 4);

  /** A setting as an admin sees it. */
  public record Setting(String name, String description, int defaultValue, int value, int min, int max) {}

  public static FlagSettings defaults() {
    return DEFAULTS;
  }

  public static boolean owns(String name) {
    return name != null && name.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX.toLowerCase(Locale.ROOT));
  }

  /** This with one setting changed; the message of the exception names the setting and the range. */
  public FlagSettings with(String name, String value) {
    String n = name.trim();
    if (n.equals(FALSE_ALARM_WEEKS)) {
      return new FlagSettings(parse(n, value, 1, 52), quietWeeks, resolvedGraceWeeks);
    }
    if (n.equals(QUIET_WEEKS)) {
      return new FlagSettings(falseAlarmWeeks, parse(n, value, 1, 26), resolvedGraceWeeks);
    }
    if (n.equals(RESOLVED_GRACE_WEEKS)) {
      return new FlagSettings(falseAlarmWeeks, quietWeeks, parse(n, value, 0, 26));
    }
    throw new PolicyException("unknown setting \"" + name + "\"; flag settings: " + FALSE_ALARM_WEEKS + ", "
        + QUIET_WEEKS + ", " + RESOLVED_GRACE_WEEKS);
  }

  public List<Setting> settings() {
    return List.of(
        new Setting(FALSE_ALARM_WEEKS, "Weeks a false alarm keeps the same pattern off the same account.",
            DEFAULTS.falseAlarmWeeks, falseAlarmWeeks, 1, 52),
        new Setting(QUIET_WEEKS, "Weeks without the pattern after which a flag closes itself.",
            DEFAULTS.quietWeeks, quietWeeks, 1, 26),
        new Setting(RESOLVED_GRACE_WEEKS, "Weeks after Resolved before the same pattern may be flagged again on the account.",
            DEFAULTS.resolvedGraceWeeks, resolvedGraceWeeks, 0, 26));
  }

  private static int parse(String name, String text, int min, int max) {
    String t = text == null ? "" : text.trim();
    int v;
    try {
      v = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new PolicyException(name + " must be a whole number between " + min + " and " + max + ", got \"" + t + "\"");
    }
    if (v < min || v > max) {
      throw new PolicyException(name + " must be a whole number between " + min + " and " + max + ", got " + v);
    }
    return v;
  }
}
