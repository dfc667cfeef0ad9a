package org.eligo.screening.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eligo.fhir.bulk.BulkLineError;

/**
 * A file of unusable lines ({@code file TAB line TAB reason}), appended to by many threads; the reasons never quote
 * line content.
 */
public final class ErrorLog implements AutoCloseable {
  private final BufferedWriter out;
  private long count;

  public ErrorLog(Path file) {
    try {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void add(BulkLineError error) {
    try {
      out.write(error.file().replace('\t', ' '));
      out.write('\t');
      out.write(Long.toString(error.line()));
      out.write('\t');
      out.write(error.reason().replace('\t', ' ').replace('\n', ' '));
      out.write('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized long count() {
    return count;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a log back. */
  public static List<BulkLineError> read(Path file) {
    List<BulkLineError> errors = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isEmpty()) continue;
        String[] f = line.split("\t", 3);
        errors.add(new BulkLineError(f[0], Long.parseLong(f[1]), f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }
}
