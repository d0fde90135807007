package io.rapport.insight;

/**
 * The unhealthy relationship types Rapport recognises (SPEC §7). The enum constant names are the
 * public identifiers used in JSON, Slack flags and the database; never rename them.
 */
public enum Pattern {
  OVER_SERVICING(
      "Over-servicing",
      "Existing clients are over-serviced at the expense of winning new business."),
  QUOTA_PRESSURE(
      "Quota pressure",
      "Selling to make a quota or a period target rather than to build the relationship."),
  FRIENDSHIP_OVER_PROFIT(
      "Friendship over profit",
      "A friendship has grown at the expense of a profitable partnership."),
  PROFESSIONAL_VISITOR(
      "Professional visitor",
      "Calling in for a chat and a coffee: paid to have a social life, with no business done."),
  MASTER_SERVANT(
      "Master and servant",
      "\"You are here to serve my every need\": much of the work is unpaid favours and free advice."),
  ABUSIVE("Abusive client", "The client bullies and intimidates the rep."),
  BIG_BROTHER("Big brother", "\"You'll do as I say or else\": the client threatens the rep."),
  WIN_LOSE("Win-lose", "Someone has to lose out: one side keeps conceding and gets nothing back."),
  BROKEN_PROMISES("Broken promises", "Commitments keep not coming through."),
  EXPLOITATIVE(
      "Exploitative", "Double dipping or tricking people: the client is charged twice or misled."),
  WORKING_FOR_THE_CLIENT(
      "Working for the client",
      "The rep sides with the client, giving away margin and product."),
  HOSTAGE(
      "Hostage",
      "\"I have to deal with you\": a mandated relationship that creates no value and breeds"
          + " resentment."),
  TERMS_DICTATED(
      "Terms dictated", "A bigger business disregards the agreed payment terms.");

  private final String title;
  private final String description;

  Pattern(String title, String description) {
    this.title = title;
    this.description = description;
  }

  /** The public identifier, e.g. {@code TERMS_DICTATED}. */
  public String id() {
    return name();
  }

  /** A plain-words title for people, e.g. "Terms dictated". */
  public String title() {
    return title;
  }

  /**
   * True for the patterns about how people are treated (the client bullying or threatening the rep,
   * a client charged twice or misled): the most serious kind, which {@link HealthScore} weighs by
   * {@code health.conductFactor}. The others cost money, margin or time.
   */
  public boolean aboutConduct() {
    return this == ABUSIVE || this == BIG_BROTHER || this == EXPLOITATIVE;
  }

  /** One line describing the relationship this pattern names. */
  public String description() {
    return description;
  }
}
