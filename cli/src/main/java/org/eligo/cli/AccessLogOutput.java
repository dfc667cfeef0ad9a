package org.eligo.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Where {@code eligo serve} writes its access log (logger {@code eligo.access}, one JSON line per request, no patient
 * data): standard error, a file (appended to), or nowhere.
 *
 * <p>Lines are written into a 64 kB buffer on the request's own thread and flushed once a second (and when the server
 * stops), so a busy server makes one write call per few hundred requests. Measured on two cores: a write per line, or
 * handing each line to a background thread (logback's AsyncAppender wakes it for every line), cost a quarter of the
 * server's match throughput (docs/benchmarks.md).
 */
public final class AccessLogOutput {
  /** The logger the server writes access lines to. */
  static final String LOGGER = "eligo.access";
  private static final int BUFFER_BYTES = 64 * 1024;

  private AccessLogOutput() {}

  /**
   * Sends access lines to {@code target}: {@code "-"} for standard error, {@code "off"} for none, else a file path.
   * Returns what to close (flushing the buffered lines) when the server stops.
   */
  public static AutoCloseable to(String target) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger(LOGGER);
    logger.setAdditive(false);
    logger.detachAndStopAllAppenders();
    if (target.equalsIgnoreCase("off")) {
      logger.setLevel(Level.OFF);
      return () -> { };
    }
    OutputStream raw;
    try {
      raw = target.equals("-") ? new KeepOpen(new FileOutputStream(FileDescriptor.err))
          : new FileOutputStream(Path.of(target).toAbsolutePath().toFile(), true);
    } catch (IOException e) {
      throw new Problems.UserError("cannot write the access log to " + target + ": " + e.getMessage());
    }
    PatternLayoutEncoder lines = new PatternLayoutEncoder();
    lines.setContext(context);
    lines.setPattern("%msg%n");
    lines.start();
    BufferedLines out = new BufferedLines();
    out.setContext(context);
    out.setName("access");
    out.setEncoder(lines);
    out.setImmediateFlush(false);
    out.setOutputStream(new BufferedOutputStream(raw, BUFFER_BYTES));
    out.start();
    logger.addAppender(out);
    logger.setLevel(Level.INFO);
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(work -> {
      Thread t = new Thread(work, "eligo-access-log-flush");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(out::flushNow, 1, 1, TimeUnit.SECONDS);
    return () -> {
      flusher.shutdownNow();
      logger.detachAppender(out);
      out.stop(); // flushes and closes the file (standard error stays open)
    };
  }

  /** An appender whose buffered lines can be flushed from another thread, under the appender's own write lock. */
  private static final class BufferedLines extends OutputStreamAppender<ILoggingEvent> {
    void flushNow() {
      streamWriteLock.lock();
      try {
        if (isStarted() && getOutputStream() != null) getOutputStream().flush();
      } catch (IOException e) {
        addError("could not flush the access log", e);
      } finally {
        streamWriteLock.unlock();
      }
    }
  }

  /** Standard error, which closing the access log must leave open. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
