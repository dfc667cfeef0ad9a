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
    try {
      InputStream in = request.getInputStream();
      int n;
      while (left > 0 && System.nanoTime() < deadline
          && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client hung up, or the body was read already: nothing is left to drop
    }
  }
}
