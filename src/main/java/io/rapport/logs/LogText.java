package io.rapport.logs;

import java.util.regex.Pattern;

/**
 * What a log line may say about a request or a failure. Logs at INFO and above carry no request
 * body and nothing a person typed: a value that came from a request is logged only when it has
 * the shape of an id, and a failure only by its classes (an exception's message can quote SQL
 * arguments or a URL someone typed). On a request path the stack trace goes to DEBUG, for whoever
 * investigates; background work (sweeps, sends, judging) logs its failures at ERROR with a
 * {@linkplain #withoutMessages trace whose messages are withheld}, so an operator still sees where
 * it failed.
 */
public final class LogText {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private LogText() {}

  /** {@code value} when it looks like an id (Slack ids, flag ids, action ids), otherwise a placeholder. */
  public static String id(String value) {
    if (value == null) {
      return "(none)";
    }
    return ID.matcher(value).matches() ? value : "(not an id, " + value.length() + " chars)";
  }

  /**
   * The failure's class and those of its causes, e.g. {@code
   * UnableToExecuteStatementException <- PSQLException}: what failed, never what it quoted.
   */
  public static String failure(Throwable e) {
    StringBuilder b = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < 4; depth++) {
      if (depth > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName());
      t = t.getCause() == t ? null : t.getCause();
    }
    return b.toString();
  }

  /**
   * The same failure for a log: every exception in the chain (causes and suppressed ones) keeps its
   * class and its stack frames, and loses its message, which can quote SQL arguments, a URL or a
   * note someone typed.
   */
  public static Throwable withoutMessages(Throwable e) {
    return e == null ? null : withoutMessages(e, 0);
  }

  private static Throwable withoutMessages(Throwable e, int depth) {
    Throwable cause = e.getCause();
    MessageWithheld copy = new MessageWithheld(e.getClass().getName(),
        cause == null || cause == e || depth >= 8 ? null : withoutMessages(cause, depth + 1));
    copy.setStackTrace(e.getStackTrace());
    if (depth < 8) {
      for (Throwable suppressed : e.getSuppressed()) {
        copy.addSuppressed(withoutMessages(suppressed, depth + 1));
      }
    }
    return copy;
  }

  /** A failure as it is logged: the original's class name where its message was. */
  static final class MessageWithheld extends Exception {
    MessageWithheld(String originalClass, Throwable cause) {
      super(originalClass + " (message withheld)", cause);
    }
  }
}
