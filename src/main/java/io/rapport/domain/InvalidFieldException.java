package io.rapport.domain;

/**
 * A value that breaks one of the domain's rules (SPEC §6). Carries the name of the field so that
 * whoever reports it — the interchange reader, the check-in modal, a slash command — can point at
 * the exact input that was wrong.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field prefix, for places that show the field separately. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
