package org.eligo.ctgov.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input that keeps the bytes read through it since a mark, so that a reader can go back to where the current record
 * began after a syntax error and look for the next one. Memory is bounded by the largest record (the caller moves the
 * mark forward at each record). Closing it does not close the input under it.
 */
final class RecordingInput extends InputStream {
  private final InputStream in;
  /** True when the input is a document already in memory: its own array is what is kept. */
  private final boolean whole;
  private byte[] kept;
  /** Index in {@code kept} of the first byte kept (0 unless {@link #whole}). */
  private int start;
  private int size;
  /** Absolute offset (bytes from the start of the input) of {@code kept[start]}. */
  private long keptFrom;

  RecordingInput(InputStream in) {
    this.in = in;
    this.whole = false;
    this.kept = new byte[8192];
  }

  /**
   * A document read whole into memory, kept as it is (no copy): every byte counts as read already, so a parser reads
   * the array itself, and this input is at its end.
   */
  RecordingInput(byte[] document) {
    this.in = InputStream.nullInputStream();
    this.whole = true;
    this.kept = document;
    this.size = document.length;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) keep(new byte[] {(byte) b}, 0, 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) keep(buffer, offset, n);
    return n;
  }

  private void keep(byte[] bytes, int offset, int length) {
    if (size + length > kept.length) kept = Arrays.copyOf(kept, Math.max(kept.length * 2, size + length));
    System.arraycopy(bytes, offset, kept, size, length);
    size += length;
  }

  /** Absolute offset of the next byte to be read from the input. */
  long position() {
    return keptFrom + size;
  }

  /** Forgets the bytes before absolute offset {@code from} (no earlier offset is asked for again). */
  void discardBefore(long from) {
    int drop = (int) Math.max(0, Math.min(size, from - keptFrom));
    if (drop == 0) return;
    if (whole) {
      start += drop;
    } else {
      System.arraycopy(kept, drop, kept, 0, size - drop);
    }
    size -= drop;
    keptFrom += drop;
  }

  /**
   * A copy of the kept bytes from absolute offset {@code from} up to {@code to} (exclusive), or null when they are
   * not all kept.
   */
  byte[] kept(long from, long to) {
    if (from < keptFrom || to > keptFrom + size || from > to) return null;
    return Arrays.copyOfRange(kept, start + (int) (from - keptFrom), start + (int) (to - keptFrom));
  }

  /** A copy of the kept bytes from absolute offset {@code from} to {@link #position()}. */
  byte[] keptFrom(long from) {
    int first = (int) Math.max(0, Math.min(size, from - keptFrom));
    return Arrays.copyOfRange(kept, start + first, start + size);
  }

  /**
   * The kept bytes from absolute offset {@code from} to {@link #position()}, to be read once: for a document read whole
   * a view on its array (never written to), so that reading on past each broken study of a page does not copy the rest
   * of the page; else a copy (later reads and {@link #discardBefore} move the kept bytes).
   */
  InputStream keptStream(long from) {
    if (!whole) return new ByteArrayInputStream(keptFrom(from));
    int first = (int) Math.max(0, Math.min(size, from - keptFrom));
    return new ByteArrayInputStream(kept, start + first, size - first);
  }

  @Override
  public void close() {
    // the owner closes the underlying input
  }
}
