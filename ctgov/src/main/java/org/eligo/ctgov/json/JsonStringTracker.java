package org.eligo.ctgov.json;

/**
 * Follows a JSON text byte by byte and tells which bytes belong to a string literal (its quotes included), so that
 * brackets and white space inside strings are not taken for structure. UTF-8 needs nothing special: no byte of a
 * multi-byte character is a quote or a backslash.
 */
public final class JsonStringTracker {
  private boolean inString;
  private boolean escaped;

  /** Takes the next byte; true when it is part of a string literal. */
  public boolean inString(byte b) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      }
      return true;
    }
    if (b == '"') {
      inString = true;
      return true;
    }
    return false;
  }
}
