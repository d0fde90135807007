package io.rapport.command;

/** A command argument that cannot be used; the message says what was wrong and how to write it. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
