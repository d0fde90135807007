package io.rapport.insight;

import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.Outcome;

/** Plain readings of one check-in that several detectors and the book share. */
public final class Signals {
  private Signals() {}

  /** New business this week: an outcome that progressed or won a deal, or revenue won. */
  public static boolean newBusiness(CheckIn c) {
    return (c.outcome() != null && c.outcome().isNewBusiness())
        || (c.revenueWon() != null && c.revenueWon() > 0);
  }

  /** Business was won this week: outcome won, or revenue won. */
  public static boolean won(CheckIn c) {
    return c.outcome() == Outcome.WON || (c.revenueWon() != null && c.revenueWon() > 0);
  }

  public static double serviceHours(CheckIn c) {
    return c.serviceHours() == null ? 0 : c.serviceHours();
  }

  public static double unpaidHours(CheckIn c) {
    return c.unpaidHours() == null ? 0 : c.unpaidHours();
  }

  public static double revenue(CheckIn c) {
    return c.revenueWon() == null ? 0 : c.revenueWon();
  }

  /** Social contacts of the week, or null when not reported (unknown, not zero). */
  public static Integer social(CheckIn c) {
    return c.contacts() == null ? null : c.contacts().social();
  }

  /** Business contacts of the week, or null when not reported (unknown, not zero). */
  public static Integer business(CheckIn c) {
    return c.contacts() == null ? null : c.contacts().business();
  }

  public static boolean freebies(CheckIn c) {
    return Boolean.TRUE.equals(c.freebies());
  }

  public static boolean quotaPressure(CheckIn c) {
    return Boolean.TRUE.equals(c.quotaPressure());
  }

  public static boolean billingDispute(CheckIn c) {
    return Boolean.TRUE.equals(c.billingDispute());
  }

  /** Aggressive or worse. */
  public static boolean bullying(CheckIn c) {
    return c.clientConduct() != null && c.clientConduct().compareTo(ClientConduct.AGGRESSIVE) >= 0;
  }

  public static boolean threatening(CheckIn c) {
    return c.clientConduct() == ClientConduct.THREATENING;
  }

  public static int brokenPromises(CheckIn c) {
    return (c.promisesBrokenByClient() == null ? 0 : c.promisesBrokenByClient())
        + (c.promisesBrokenByUs() == null ? 0 : c.promisesBrokenByUs());
  }
}
