package io.rapport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** How the command line talks to a terminal, whatever its locale. */
final class Terminal {
  private Terminal() {}

  /**
   * Prints UTF-8 on standard output and error, so dashes, arrows and accents survive a terminal
   * started without {@code LANG} (where Java would otherwise print them as "?").
   */
  static void useUtf8() {
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }

  /** Only warnings and errors are logged: for commands whose output is for people. */
  static void quietLogs() {
    org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
