package io.rapport.cli;

/** Process exit codes shared by every subcommand. */
public final class ExitCodes {
  public static final int OK = 0;
  /** Invalid input or configuration; the message says what to change. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
