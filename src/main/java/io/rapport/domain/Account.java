package io.rapport.domain;

/**
 * A client account and its settings (SPEC §6).
 *
 * @param id stable identifier, unique within a workspace
 * @param name display name, e.g. "Acme Pty Ltd"
 * @param rep Slack user id of the rep who owns the account
 * @param tier key accounts are prompted weekly
 * @param agreedPaymentDays the payment terms in the contract
 * @param horizon how long the relationship is meant to last
 * @param mandated true when a parent company obliges both sides to deal with each other
 * @param listMarginPct the margin at list price, when known (null otherwise)
 */
public record Account(
    String id,
    String name,
    String rep,
    Tier tier,
    int agreedPaymentDays,
    Horizon horizon,
    boolean mandated,
    Double listMarginPct) {

  public static final int DEFAULT_PAYMENT_DAYS = 30;
  public static final int MAX_NAME_LENGTH = 120;

  public Account {
    Fields.require("id", id);
    Fields.require("name", name);
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidFieldException(
          "name", "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
    }
    Fields.require("rep", rep);
    tier = tier == null ? Tier.KEY : tier;
    horizon = horizon == null ? Horizon.SEASON : horizon;
    Fields.between("agreedPaymentDays", agreedPaymentDays, 0, 365);
    Fields.between("listMarginPct", listMarginPct, 0, 100);
  }

  /** An account with the defaults of SPEC §6: key tier, 30-day terms, a season, not mandated. */
  public static Account of(String id, String name, String rep) {
    return new Account(id, name, rep, Tier.KEY, DEFAULT_PAYMENT_DAYS, Horizon.SEASON, false, null);
  }

  public Account withRep(String newRep) {
    return new Account(id, name, newRep, tier, agreedPaymentDays, horizon, mandated, listMarginPct);
  }

  public Account withTier(Tier newTier) {
    return new Account(id, name, rep, newTier, agreedPaymentDays, horizon, mandated, listMarginPct);
  }

  public Account withAgreedPaymentDays(int days) {
    return new Account(id, name, rep, tier, days, horizon, mandated, listMarginPct);
  }

  public Account withHorizon(Horizon newHorizon) {
    return new Account(id, name, rep, tier, agreedPaymentDays, newHorizon, mandated, listMarginPct);
  }

  public Account withMandated(boolean newMandated) {
    return new Account(id, name, rep, tier, agreedPaymentDays, horizon, newMandated, listMarginPct);
  }

  public Account withListMarginPct(Double pct) {
    return new Account(id, name, rep, tier, agreedPaymentDays, horizon, mandated, pct);
  }

  public boolean isKey() {
    return tier == Tier.KEY;
  }
}
