package io.rapport.team;

/** A polite refusal of something the person's role does not allow; nothing has changed. */
public final class NotAllowed extends Refusal {
  public NotAllowed(String message) {
    super(message);
  }
}
