package io.rapport.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Collects everything logged (messages, arguments and stack traces) while it is open. */
public final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  /** All captured text, one event a line, with any stack trace. */
  public String text() {
    return appender.list.stream().map(e -> {
      IThrowableProxy t = e.getThrowableProxy();
      return e.getLoggerName() + " " + e.getFormattedMessage() + (t == null ? "" : "\n" + ThrowableProxyUtil.asString(t));
    }).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    root.detachAppender(appender);
  }
}
