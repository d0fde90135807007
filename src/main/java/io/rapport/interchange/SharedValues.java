package io.rapport.interchange;

import io.rapport.domain.Contacts;

/**
 * Shares the small values that recur in almost every check-in (whole hours, whole percentages,
 * contact counts), so a million check-ins do not cost a million identical boxed numbers.
 */
final class SharedValues {
  private static final int WHOLE_NUMBERS = 1025;
  private static final int CONTACTS = 32;

  private final Double[] wholeNumbers = new Double[WHOLE_NUMBERS];
  private final Contacts[] contacts = new Contacts[CONTACTS * CONTACTS];

  Double number(Double value) {
    if (value == null) {
      return null;
    }
    double d = value;
    if (d >= 0 && d < WHOLE_NUMBERS && d == Math.rint(d) && Double.doubleToRawLongBits(d) != Long.MIN_VALUE) {
      int i = (int) d;
      Double shared = wholeNumbers[i];
      if (shared == null) {
        wholeNumbers[i] = value;
        return value;
      }
      return shared;
    }
    return value;
  }

  /** Contacts with either count possibly not reported (null); shared when both are small. */
  Contacts contacts(Integer business, Integer social) {
    if (business == null || social == null) {
      return Contacts.of(business, social);
    }
    if (business >= 0 && business < CONTACTS && social >= 0 && social < CONTACTS) {
      int i = business * CONTACTS + social;
      Contacts c = contacts[i];
      if (c == null) {
        c = new Contacts(business, social);
        contacts[i] = c;
      }
      return c;
    }
    return new Contacts(business, social);
  }
}
