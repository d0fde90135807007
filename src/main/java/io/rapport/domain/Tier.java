package io.rapport.domain;

/** Key accounts are prompted every week; standard ones can be checked in at any time. */
public enum Tier {
  KEY,
  STANDARD;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Tier parse(String field, String text) {
    return Enums.parse(Tier.class, field, text);
  }
}
