package io.rapport.team;

/** A polite refusal of something the person's role does not allow; nothing has changed. */
public final class NotAllowed extends Refusal {
  /**
   * The one answer to someone asking about an account, team, rep or flag they have no access to.
   * It is the same whether the thing exists or not, and names nobody: no owner, no manager, no
   * list of teams.
   */
  public static final String NOT_YOURS = "Sorry, that is not one of your accounts or teams, so Rapport did"
      + " nothing. If it should be, ask your manager or one of Rapport's admins.";

  public NotAllowed(String message) {
    super(message);
  }

  /** The uniform refusal ({@link #NOT_YOURS}). */
  public static NotAllowed notYours() {
    return new NotAllowed(NOT_YOURS);
  }
}
