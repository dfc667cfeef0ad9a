package org.eligo.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what is left of a request body the server refuses (413) before it answers. A server that answers
 * and closes while the client is still sending leaves unread bytes in its socket, and the kernel then resets the
 * connection: the client may lose the answer and see only "connection reset" instead of the problem details. Bounded
 * in bytes and in time, so that a client sending without end is cut off as before.
 */
final class UnreadBody {
  /** The most that is read and dropped. */
  static final long MAX_BYTES = 64L * 1024 * 1024;
  /** The longest time spent reading it. */
  static final long MAX_NANOS = 5_000_000_000L;

  private UnreadBody() {}

  static void discard(HttpServletRequest request) {
    long deadline = System.nanoTime() + MAX_NANOS;
    byte[] buffer = new byte[64 * 1024];
    long left = MAX_BYTES;
    // a read blocks until bytes come or the connection's idle timeout (30 s) passes: a client that announces a large
    // body and stalls would hold the worker that long, past MAX_NANOS. The connection is closed after the 413 in any
    // case (its body is not read to the end), so its idle timeout is cut to the time left here.
    org.eclipse.jetty.io.EndPoint endPoint = endPoint(request);
    if (endPoint != null) endPoint.setIdleTimeout(Math.max(1, MAX_NANOS / 1_000_000));
    try {
      InputStream in = request.getInputStream();
      int n;
      while (left > 0 && System.nanoTime() < deadline
          && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client hung up or stalled past the time left, or the body was read already: nothing more is dropped
    }
  }

  private static org.eclipse.jetty.io.EndPoint endPoint(HttpServletRequest request) {
    try {
      var jetty = org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(request);
      return jetty == null ? null : jetty.getConnectionMetaData().getConnection().getEndPoint();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
