package org.eligo.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the web server library's own "Failed to start Javalin" off standard error: {@code eligo serve} says on the
 * next line why it could not listen and what to do ("port 8080 is already in use (stop the other process, or choose
 * another --port ...)"), and an ERROR line above it named a library the user never chose, as if Eligo had crashed.
 * Every other message of the library is kept.
 */
public final class StartFailureLogFilter extends Filter<ILoggingEvent> {
  @Override
  public FilterReply decide(ILoggingEvent event) {
    return event.getLoggerName().startsWith("io.javalin.")
        && String.valueOf(event.getFormattedMessage()).startsWith("Failed to start Javalin")
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
