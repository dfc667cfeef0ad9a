package org.eligo.ctgov.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Compact JSON from a well-formed UTF-8 JSON document: the white space between tokens is dropped, everything else is
 * kept byte for byte (strings, escapes, numbers as written). Cheaper than parsing and writing the document again;
 * the input must already have been parsed successfully.
 *
 * <p>Most of a study's bytes are inside strings (titles, descriptions, eligibility criteria), so a string is skipped
 * eight bytes at a time, looking only for its closing quote or a backslash: a byte at a time, this scan was a tenth
 * of an import's checking work (JFR, docs/benchmarks.md).
 */
public final class CompactJson {
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

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
      byte b = json[i];
      if (b == '"') {
        int end = afterString(json, i + 1); // a string is copied whole, escapes and all
        System.arraycopy(json, i, out, n, end - i);
        n += end - i;
        i = end;
      } else {
        if (!isSpace(b)) out[n++] = b;
        i++;
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
        i = afterString(json, i + 1);
      } else if (isSpace(b)) {
        return i;
      } else {
        i++;
      }
    }
    return json.length;
  }

  /**
   * The index just after the closing quote of the string whose content starts at {@code i} (or the length, for a
   * string left open). An escaped character is passed over without a look.
   */
  static int afterString(byte[] json, int i) {
    int length = json.length;
    while (i < length) {
      if (i + Long.BYTES <= length) {
        long word = (long) WORDS.get(json, i);
        long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
        if (found == 0) {
          i += Long.BYTES;
          continue;
        }
        i += Long.numberOfTrailingZeros(found) >>> 3; // the first quote or backslash of the eight
      }
      byte c = json[i++];
      if (c == '"') return i;
      if (c == '\\') i++;
    }
    return length;
  }

  /**
   * A high bit set in each byte of {@code word} that is zero. Above the first zero byte a set bit may be false (a
   * borrow), so callers only use the lowest one, which is exact.
   */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGH_BITS;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
