package io.rapport.domain;

/**
 * Meetings and calls with a business purpose, and social ones (coffees, lunches, events). Either
 * count may be {@code null}: <em>not reported</em>, which is neither zero nor an error (SPEC §6);
 * at least one of them is reported (a check-in that reports neither has no {@code Contacts}).
 */
public record Contacts(Integer business, Integer social) {
  public Contacts {
    Fields.nonNegative("contacts.business", business);
    Fields.nonNegative("contacts.social", social);
    if (business == null && social == null) {
      throw new InvalidFieldException("contacts", "reports neither business nor social contacts");
    }
  }

  /** The contacts of two counts that may be missing; null when neither is reported. */
  public static Contacts of(Integer business, Integer social) {
    return business == null && social == null ? null : new Contacts(business, social);
  }
}
