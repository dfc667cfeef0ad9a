package org.eligo.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one structured (JSON) line per request to the logger {@code eligo.access}: time (UTC, when the answer was
 * written), method, route template, status, duration and response size. It never logs query strings, bodies, form fields or headers, so no patient data (and no
 * search text) reaches the log; NCT IDs appear only as the route's {@code {nctId}} placeholder.
 */
public final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("eligo.access");
  private static final ObjectMapper JSON = new ObjectMapper();

  private AccessLog() {}

  /** Bytes of the answer's body as sent (compressed when it was), or -1 when not known yet. */
  static long bodyBytes(Context ctx) {
    String length = ctx.res().getHeader("Content-Length");
    if (length != null) return Long.parseLong(length);
    // A long answer is streamed (chunked) without a Content-Length; Jetty counts what it has written.
    if (ctx.res() instanceof ServletApiResponse servlet) {
      long written = Response.getContentBytesWritten(servlet.getResponse());
      if (written > 0) return written;
    }
    return -1;
  }

  public static void log(Context ctx, String route, float millis) {
    if (!LOG.isInfoEnabled()) return;
    ObjectNode line = JSON.createObjectNode();
    line.put("time", java.time.Instant.now().toString());
    line.put("method", ctx.method().name());
    line.put("route", route);
    line.put("status", ctx.statusCode());
    line.put("durationMs", Math.round(millis * 10) / 10.0);
    long bytes = bodyBytes(ctx);
    if (bytes >= 0) line.put("bytes", bytes);
    LOG.info(line.toString());
  }
}
