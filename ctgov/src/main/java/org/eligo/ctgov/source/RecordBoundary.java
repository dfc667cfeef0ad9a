package org.eligo.ctgov.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds where a broken record of a JSON array ends by counting brackets outside strings, from the record's opening
 * brace: a syntax error such as a missing colon or comma leaves brackets and quotes balanced, so the records after it
 * can still be read.
 */
final class RecordBoundary {
  /** How far to look for the end of one record before giving up. */
  static final long MAX_RECORD_BYTES = 256L * 1024 * 1024;

  /** What follows the broken record. */
  enum After { NEXT_RECORD, END_OF_ARRAY, UNKNOWN }

  /**
   * @param after what follows the record
   * @param resumeAt absolute offset just after the comma (NEXT_RECORD) or the closing bracket
   * @param newlines line breaks from the record's start up to {@code resumeAt}
   */
  record Found(After after, long resumeAt, int newlines) {}

  private RecordBoundary() {}

  /**
   * Scans {@code held} (the bytes from the record's opening brace at absolute offset {@code start}) and then
   * {@code more}.
   */
  static Found scan(byte[] held, InputStream more, long start) throws IOException {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    boolean ended = false;
    int newlines = 0;
    long position = start;
    byte[] chunk = new byte[8192];
    byte[] source = held;
    int length = held.length;
    int i = 0;
    while (position - start < MAX_RECORD_BYTES) {
      if (i == length) {
        source = chunk;
        length = more.read(chunk);
        i = 0;
        if (length <= 0) return new Found(After.UNKNOWN, position, newlines);
      }
      byte b = source[i++];
      position++;
      if (b == '\n') newlines++;
      if (ended) {
        if (b == ',') return new Found(After.NEXT_RECORD, position, newlines);
        if (b == ']') return new Found(After.END_OF_ARRAY, position, newlines);
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return new Found(After.UNKNOWN, position, newlines);
        continue;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) ended = true;
      }
    }
    return new Found(After.UNKNOWN, position, newlines);
  }
}
