package org.eligo.ctgov.json;

import java.util.Arrays;

/**
 * Compact JSON from a well-formed UTF-8 JSON document: the white space between tokens is dropped, everything else is
 * kept byte for byte (strings, escapes, numbers as written). Cheaper than parsing and writing the document again;
 * the input must already have been parsed successfully.
 */
public final class CompactJson {

  private CompactJson() {}

  /** The document without white space between tokens, and without a UTF-8 byte order mark. */
  public static byte[] of(byte[] json) {
    byte[] out = new byte[json.length];
    int n = 0;
    int start = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF
        ? 3 : 0;
    JsonStringTracker strings = new JsonStringTracker();
    for (int i = start; i < json.length; i++) {
      byte b = json[i];
      if (strings.inString(b) || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) out[n++] = b;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
