package io.rapport.domain;

/**
 * One rep's answer for one account for one ISO week (SPEC §6). Every signal is optional and null
 * when not answered; {@code account} and {@code week} are required. The compact constructor
 * enforces the ranges of SPEC §6 and names the field that breaks one.
 */
public record CheckIn(
    String account,
    String rep,
    IsoWeek week,
    Contacts contacts,
    Double serviceHours,
    Double unpaidHours,
    Outcome outcome,
    Double revenueWon,
    Double discountPct,
    Boolean freebies,
    Boolean quotaPressure,
    ClientConduct clientConduct,
    Integer promisesBrokenByClient,
    Integer promisesBrokenByUs,
    Integer paymentDays,
    Boolean billingDispute,
    Integer valueRating,
    String note) {

  public static final int MAX_NOTE_LENGTH = 2000;

  public CheckIn {
    Fields.require("account", account);
    if (week == null) {
      throw new InvalidFieldException("week", "is required (format YYYY-Www, e.g. 2026-W41)");
    }
    Fields.nonNegative("serviceHours", serviceHours);
    Fields.nonNegative("unpaidHours", unpaidHours);
    if (unpaidHours != null && unpaidHours > (serviceHours == null ? 0 : serviceHours)) {
      throw new InvalidFieldException(
          "unpaidHours",
          "must not exceed serviceHours ("
              + Fields.fmt(unpaidHours)
              + " unpaid of "
              + (serviceHours == null ? "no" : Fields.fmt(serviceHours))
              + " service hours)");
    }
    Fields.nonNegative("revenueWon", revenueWon);
    Fields.between("discountPct", discountPct, 0, 100);
    Fields.nonNegative("promisesBrokenByClient", promisesBrokenByClient);
    Fields.nonNegative("promisesBrokenByUs", promisesBrokenByUs);
    Fields.between("paymentDays", paymentDays, 0, 3650);
    Fields.between("valueRating", valueRating, 1, 5);
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw new InvalidFieldException(
          "note", "must be at most " + MAX_NOTE_LENGTH + " characters, got " + note.length());
    }
  }

  public static Builder builder(String account, IsoWeek week) {
    return new Builder(account, week);
  }

  public Builder toBuilder() {
    Builder b = new Builder(account, week);
    b.rep = rep;
    b.contacts = contacts;
    b.serviceHours = serviceHours;
    b.unpaidHours = unpaidHours;
    b.outcome = outcome;
    b.revenueWon = revenueWon;
    b.discountPct = discountPct;
    b.freebies = freebies;
    b.quotaPressure = quotaPressure;
    b.clientConduct = clientConduct;
    b.promisesBrokenByClient = promisesBrokenByClient;
    b.promisesBrokenByUs = promisesBrokenByUs;
    b.paymentDays = paymentDays;
    b.billingDispute = billingDispute;
    b.valueRating = valueRating;
    b.note = note;
    return b;
  }

  /** True when the rep answered nothing beyond the account and week. */
  public boolean isEmpty() {
    return contacts == null
        && serviceHours == null
        && unpaidHours == null
        && outcome == null
        && revenueWon == null
        && discountPct == null
        && freebies == null
        && quotaPressure == null
        && clientConduct == null
        && promisesBrokenByClient == null
        && promisesBrokenByUs == null
        && paymentDays == null
        && billingDispute == null
        && valueRating == null
        && (note == null || note.isBlank());
  }

  /** A fluent way to build a check-in; {@link #build()} validates. */
  public static final class Builder {
    private String account;
    private IsoWeek week;
    private String rep;
    private Contacts contacts;
    private Double serviceHours;
    private Double unpaidHours;
    private Outcome outcome;
    private Double revenueWon;
    private Double discountPct;
    private Boolean freebies;
    private Boolean quotaPressure;
    private ClientConduct clientConduct;
    private Integer promisesBrokenByClient;
    private Integer promisesBrokenByUs;
    private Integer paymentDays;
    private Boolean billingDispute;
    private Integer valueRating;
    private String note;

    private Builder(String account, IsoWeek week) {
      this.account = account;
      this.week = week;
    }

    public Builder account(String v) { this.account = v; return this; }
    public Builder week(IsoWeek v) { this.week = v; return this; }
    public Builder rep(String v) { this.rep = v; return this; }
    public Builder contacts(Contacts v) { this.contacts = v; return this; }
    public Builder contacts(int business, int social) { return contacts(new Contacts(business, social)); }
    public Builder serviceHours(Double v) { this.serviceHours = v; return this; }
    public Builder serviceHours(double v) { return serviceHours(Double.valueOf(v)); }
    public Builder unpaidHours(Double v) { this.unpaidHours = v; return this; }
    public Builder unpaidHours(double v) { return unpaidHours(Double.valueOf(v)); }
    public Builder outcome(Outcome v) { this.outcome = v; return this; }
    public Builder revenueWon(Double v) { this.revenueWon = v; return this; }
    public Builder revenueWon(double v) { return revenueWon(Double.valueOf(v)); }
    public Builder discountPct(Double v) { this.discountPct = v; return this; }
    public Builder discountPct(double v) { return discountPct(Double.valueOf(v)); }
    public Builder freebies(Boolean v) { this.freebies = v; return this; }
    public Builder quotaPressure(Boolean v) { this.quotaPressure = v; return this; }
    public Builder clientConduct(ClientConduct v) { this.clientConduct = v; return this; }
    public Builder promisesBrokenByClient(Integer v) { this.promisesBrokenByClient = v; return this; }
    public Builder promisesBrokenByUs(Integer v) { this.promisesBrokenByUs = v; return this; }
    public Builder paymentDays(Integer v) { this.paymentDays = v; return this; }
    public Builder billingDispute(Boolean v) { this.billingDispute = v; return this; }
    public Builder valueRating(Integer v) { this.valueRating = v; return this; }
    public Builder note(String v) { this.note = v; return this; }

    public CheckIn build() {
      return new CheckIn(
          account, rep, week, contacts, serviceHours, unpaidHours, outcome, revenueWon,
          discountPct, freebies, quotaPressure, clientConduct, promisesBrokenByClient,
          promisesBrokenByUs, paymentDays, billingDispute, valueRating, note);
    }
  }
}
