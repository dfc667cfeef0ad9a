package org.eligo.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where {@code eligo serve} writes its access log (logger {@code eligo.access}, one JSON line per request, no patient
 * data): standard error, a file (appended to), or nowhere. Lines are handed to a background writer so a slow
 * terminal or disk does not hold up requests; none is dropped (a full queue makes requests wait instead).
 */
public final class AccessLogOutput {
  /** The logger the server writes access lines to. */
  static final String LOGGER = "eligo.access";

  private AccessLogOutput() {}

  /**
   * Sends access lines to {@code target}: {@code "-"} for standard error, {@code "off"} for none, else a file path.
   * Returns what to stop (flushing the queued lines) when the server stops.
   */
  public static AutoCloseable to(String target) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger(LOGGER);
    logger.setAdditive(false);
    if (target.equalsIgnoreCase("off")) {
      logger.setLevel(Level.OFF);
      return () -> { };
    }
    PatternLayoutEncoder lines = new PatternLayoutEncoder();
    lines.setContext(context);
    lines.setPattern("%msg%n");
    lines.start();
    OutputStreamAppender<ILoggingEvent> out;
    if (target.equals("-")) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.err");
      out = console;
    } else {
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setFile(Path.of(target).toAbsolutePath().toString());
      file.setAppend(true);
      out = file;
    }
    out.setContext(context);
    out.setName("access-out");
    out.setEncoder(lines);
    out.start();
    if (!out.isStarted()) throw new Problems.UserError("cannot write the access log to " + target);
    AsyncAppender queue = new AsyncAppender();
    queue.setContext(context);
    queue.setName("access");
    queue.setQueueSize(8192);
    queue.setDiscardingThreshold(0);
    queue.addAppender(out);
    queue.start();
    logger.detachAndStopAllAppenders();
    logger.addAppender(queue);
    logger.setLevel(Level.INFO);
    return () -> {
      logger.detachAppender(queue);
      queue.stop();
    };
  }
}
