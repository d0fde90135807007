package io.rapport.domain;

/** How the client treated the rep this week, from best to worst. */
public enum ClientConduct {
  RESPECTFUL,
  DEMANDING,
  AGGRESSIVE,
  THREATENING;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ClientConduct parse(String field, String text) {
    return Enums.parse(ClientConduct.class, field, text);
  }
}
