package org.eligo.screening.bulk;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * One NDJSON file of a bulk export.
 *
 * @param index the file's position in the sorted list of inputs (bucket records refer to files by it)
 * @param name the file name as shown in errors
 * @param type the resource type its name announces, e.g. {@code Observation} for {@code Observation.002.ndjson.gz}
 */
public record BulkFile(int index, Path path, String name, SupportedType type, boolean gzip, long size) {
  public BulkFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }

  /** The file's lines as bytes, decompressed when gzipped. */
  public InputStream open() throws IOException {
    return open(null);
  }

  /** As {@link #open()}, adding the number of file bytes read to {@code read} (for progress). */
  public InputStream open(LongAdder read) throws IOException {
    InputStream raw = Files.newInputStream(path);
    if (read != null) raw = new CountingInputStream(raw, read);
    return gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
  }

  private static final class CountingInputStream extends FilterInputStream {
    private final LongAdder read;

    CountingInputStream(InputStream in, LongAdder read) {
      super(in);
      this.read = read;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) read.increment();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) read.add(n);
      return n;
    }
  }
}
