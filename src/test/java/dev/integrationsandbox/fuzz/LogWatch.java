package dev.integrationsandbox.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects every ERROR logged anywhere while it is attached: the sandbox logs an ERROR only for its
 * own faults (an {@code INTERNAL} failure, a dialect that could not render), so a fuzzed request
 * that leads to one has found a bug even when the client got a tidy answer.
 */
final class LogWatch extends AppenderBase<ILoggingEvent> {

  private final List<String> errors = new ArrayList<>();

  static LogWatch attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogWatch watch = new LogWatch();
    watch.setContext(context);
    watch.setName("fuzz-log-watch");
    watch.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(watch);
    return watch;
  }

  void detach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(this);
    stop();
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      IThrowableProxy t = event.getThrowableProxy();
      errors.add(
          event.getLoggerName()
              + ": "
              + event.getFormattedMessage()
              + (t == null ? "" : " (" + t.getClassName() + ": " + t.getMessage() + ")"));
    }
  }

  /** The errors logged since the last call, and forgets them. */
  synchronized List<String> drain() {
    List<String> found = List.copyOf(errors);
    errors.clear();
    return found;
  }
}
