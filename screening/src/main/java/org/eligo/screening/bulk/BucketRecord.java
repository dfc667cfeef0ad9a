package org.eligo.screening.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * One resource line in a bucket file, with where it came from: {@code patientId TAB type TAB file TAB line TAB json}.
 * Records sort by patient, then type, then file and line, the canonical order a patient's resources are read in
 * (so the result never depends on threads or bucket boundaries).
 */
public record BucketRecord(String patientId, SupportedType type, int file, long line, String json) {
  public static final Comparator<BucketRecord> CANONICAL = Comparator.comparing(BucketRecord::patientId)
      .thenComparing(BucketRecord::type).thenComparingInt(BucketRecord::file).thenComparingLong(BucketRecord::line);

  /** Writes a record whose JSON is {@code bytes[from, to)}. */
  static void write(OutputStream out, String patientId, SupportedType type, int file, long line, byte[] bytes,
                    int from, int to) throws IOException {
    out.write(patientId.getBytes(StandardCharsets.US_ASCII));
    out.write('\t');
    out.write(Integer.toString(type.ordinal()).getBytes(StandardCharsets.US_ASCII));
    out.write('\t');
    out.write(Integer.toString(file).getBytes(StandardCharsets.US_ASCII));
    out.write('\t');
    out.write(Long.toString(line).getBytes(StandardCharsets.US_ASCII));
    out.write('\t');
    out.write(bytes, from, to - from);
    out.write('\n');
  }

  /** Parses {@code bytes[from, to)} (one record, without its newline). */
  static BucketRecord parse(byte[] bytes, int from, int to) {
    int t1 = indexOf(bytes, from, to);
    int t2 = indexOf(bytes, t1 + 1, to);
    int t3 = indexOf(bytes, t2 + 1, to);
    int t4 = indexOf(bytes, t3 + 1, to);
    if (t4 < 0) throw new IllegalStateException("corrupt bucket record");
    String patient = new String(bytes, from, t1 - from, StandardCharsets.US_ASCII);
    SupportedType type = SupportedType.values()[(int) number(bytes, t1 + 1, t2)];
    int file = (int) number(bytes, t2 + 1, t3);
    long line = number(bytes, t3 + 1, t4);
    return new BucketRecord(patient, type, file, line, new String(bytes, t4 + 1, to - t4 - 1, StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] bytes, int from, int to) {
    if (from < 0) return -1;
    for (int i = from; i < to; i++) if (bytes[i] == '\t') return i;
    return -1;
  }

  private static long number(byte[] bytes, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) n = n * 10 + (bytes[i] - '0');
    return n;
  }
}
