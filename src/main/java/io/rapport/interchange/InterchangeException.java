package io.rapport.interchange;

/**
 * An interchange file that cannot be accepted. The message names the record (section, index and
 * id) and the field, e.g. {@code checkins[12] (account "acme", week 2026-W41): discountPct: must be
 * between 0 and 100, got 150}, so it can be shown to a person as is.
 */
public final class InterchangeException extends RuntimeException {
  private final String record;
  private final String field;

  /**
   * @param record the record, e.g. {@code checkins[12] (account "acme", week 2026-W41)}, or null
   *     when the problem is with the file as a whole
   * @param field the field, or null when the problem is not with one field
   * @param reason what is wrong
   */
  public InterchangeException(String record, String field, String reason) {
    super(
        (record == null ? "" : record + ": ") + (field == null ? "" : field + ": ") + reason);
    this.record = record;
    this.field = field;
  }

  /** The record, e.g. {@code accounts[3] (id "acme")}, or null for the file as a whole. */
  public String record() {
    return record;
  }

  /** The field, or null. */
  public String field() {
    return field;
  }
}
