package org.eligo.ctgov.source;

import java.io.IOException;
import java.io.InputStream;
import org.eligo.ctgov.json.JsonStringTracker;

/**
 * Finds where a broken record of a JSON array ends by counting brackets outside strings, from the record's opening
 * brace: a syntax error such as a missing colon or comma leaves brackets and quotes balanced, so the records after it
 * can still be read.
 */
final class RecordBoundary {
  /** How far to look for the end of one record before giving up. */
  static final long MAX_RECORD_BYTES = 32L * 1024 * 1024;

  /** What follows the broken record. */
  enum After { NEXT_RECORD, END_OF_ARRAY, UNKNOWN }

  /**
   * @param after what follows the record
   * @param resumeAt absolute offset just after the comma (NEXT_RECORD) or the closing bracket
   * @param newlines line breaks (\n, \r\n or a lone \r, as Jackson counts them) from the record's start up to
   *     {@code resumeAt}
   * @param column the 0-based column of {@code resumeAt} when a line break was passed, else -1 (same line as start)
   */
  record Found(After after, long resumeAt, int newlines, int column) {}

  private RecordBoundary() {}

  /** Scans {@code input}: the bytes from the record's opening brace, which stands at absolute offset {@code start}. */
  static Found scan(InputStream input, long start) throws IOException {
    int depth = 0;
    JsonStringTracker strings = new JsonStringTracker();
    boolean ended = false;
    int newlines = 0;
    int column = -1;
    byte previous = 0;
    long position = start;
    byte[] chunk = new byte[8192];
    int length = 0;
    int i = 0;
    while (position - start < MAX_RECORD_BYTES) {
      if (i == length) {
        length = input.read(chunk);
        i = 0;
        if (length <= 0) return new Found(After.UNKNOWN, position, newlines, column);
      }
      byte b = chunk[i++];
      position++;
      if (b == '\r' || (b == '\n' && previous != '\r')) {
        newlines++;
        column = 0;
      } else if (b != '\n' && column >= 0) {
        column++;
      }
      previous = b;
      if (ended) {
        if (b == ',') return new Found(After.NEXT_RECORD, position, newlines, column);
        if (b == ']') return new Found(After.END_OF_ARRAY, position, newlines, column);
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return new Found(After.UNKNOWN, position, newlines, column);
        }
        continue;
      }
      if (strings.inString(b)) {
        continue;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) ended = true;
      }
    }
    return new Found(After.UNKNOWN, position, newlines, column);
  }
}
