package io.rapport.domain;

/** "Friends for a reason, a season, or a lifetime": how long the relationship is meant to last. */
public enum Horizon {
  REASON,
  SEASON,
  LIFETIME;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Horizon parse(String field, String text) {
    return Enums.parse(Horizon.class, field, text);
  }
}
