package org.eligo.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The resumable state of a run, under {@code output/.screening-work}: a manifest naming the input files, trials,
 * as-of date and bucket layout; the bucket files; a marker once partitioning is done; and per bucket its results
 * with a completion marker written last. A run whose manifest matches resumes; any other starts afresh.
 */
final class WorkDir {
  static final String NAME = ".screening-work";

  final Path root;
  final Path buckets;
  final Path results;

  WorkDir(Path output) {
    this.root = output.resolve(NAME);
    this.buckets = root.resolve("buckets");
    this.results = root.resolve("results");
  }

  Path manifest() {
    return root.resolve("manifest.json");
  }

  Path partitionErrors() {
    return root.resolve("partition-errors.tsv");
  }

  Path medicationErrors() {
    return root.resolve("medication-errors.tsv");
  }

  Path partitioned() {
    return root.resolve("partitioned.json");
  }

  Path rows(int bucket) {
    return results.resolve(String.format("bucket-%05d.rows", bucket));
  }

  Path errors(int bucket) {
    return results.resolve(String.format("bucket-%05d.errors.tsv", bucket));
  }

  Path done(int bucket) {
    return results.resolve(String.format("bucket-%05d.done.json", bucket));
  }

  /** True when an earlier run with the same manifest left state to resume from. */
  boolean open(String manifest) {
    try {
      if (Files.exists(manifest()) && Files.readString(manifest(), StandardCharsets.UTF_8).equals(manifest)) {
        Files.createDirectories(buckets);
        Files.createDirectories(results);
        return true;
      }
      delete(root);
      Files.createDirectories(buckets);
      Files.createDirectories(results);
      write(manifest(), manifest);
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clearBuckets() {
    delete(buckets);
    try {
      Files.createDirectories(buckets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file so that it either exists whole or not at all. */
  static void write(Path file, String text) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      move(tmp, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
