package io.rapport.domain;

/** Meetings and calls with a business purpose, and social ones (coffees, lunches, events). */
public record Contacts(int business, int social) {
  public Contacts {
    Fields.nonNegative("contacts.business", business);
    Fields.nonNegative("contacts.social", social);
  }

  public int total() {
    return business + social;
  }
}
