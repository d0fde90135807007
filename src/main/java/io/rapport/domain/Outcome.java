package io.rapport.domain;

/** New business on the account this week. */
public enum Outcome {
  NONE,
  PROGRESSED,
  WON,
  LOST;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True for an outcome that moves new business forward. */
  public boolean isNewBusiness() {
    return this == PROGRESSED || this == WON;
  }

  public static Outcome parse(String field, String text) {
    return Enums.parse(Outcome.class, field, text);
  }
}
