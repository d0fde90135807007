package io.rapport.command;

/** The words every command shares, whichever surface answers it. */
public final class CommandCopy {
  /** The answer when a command failed for a reason the person cannot fix (logged with the cause). */
  public static final String SORRY =
      "Sorry — Rapport could not do that just now. Please try again in a minute; if it keeps"
          + " happening, tell your Rapport admin.";

  private CommandCopy() {}
}
