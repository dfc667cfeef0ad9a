package org.eligo.ctgov.json;

import java.util.Arrays;

/**
 * Compact JSON from a well-formed UTF-8 JSON document: the white space between tokens is dropped, everything else is
 * kept byte for byte (strings, escapes, numbers as written). Cheaper than parsing and writing the document again;
 * the input must already have been parsed successfully.
 */
public final class CompactJson {

  private CompactJson() {}

  /**
   * The document without white space between tokens, and without a UTF-8 byte order mark: the array given itself when
   * it has neither (most documents, which then cost one reading pass and no copy).
   */
  public static byte[] of(byte[] json) {
    int start = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF
        ? 3 : 0;
    int first = firstSpace(json, start);
    if (start == 0 && first == json.length) return json;
    byte[] out = new byte[json.length - start];
    System.arraycopy(json, start, out, 0, first - start);
    int n = first - start;
    int i = first;
    while (i < json.length) {
      byte b = json[i++];
      if (b == '"') {
        out[n++] = b;
        // a string is copied up to its closing quote; an escaped character is copied without a look
        while (i < json.length) {
          byte c = json[i++];
          out[n++] = c;
          if (c == '"') break;
          if (c == '\\' && i < json.length) out[n++] = json[i++];
        }
      } else if (!isSpace(b)) {
        out[n++] = b;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Index of the first white space outside a string at or after {@code from}, or the length when there is none. */
  private static int firstSpace(byte[] json, int from) {
    int i = from;
    while (i < json.length) {
      byte b = json[i];
      if (b == '"') {
        i++;
        while (i < json.length) {
          byte c = json[i++];
          if (c == '"') break;
          if (c == '\\') i++;
        }
      } else if (isSpace(b)) {
        return i;
      } else {
        i++;
      }
    }
    return json.length;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
