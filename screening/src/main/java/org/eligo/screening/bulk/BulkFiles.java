package org.eligo.screening.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The NDJSON files of a bulk export directory. A file's resource type is the start of its name, as {@code $export}
 * writes it: {@code Observation.ndjson}, {@code Observation.002.ndjson.gz}, {@code Observation-1.ndjson},
 * {@code Observation_part2.ndjson}. Files of types screening does not read (e.g. {@code Encounter.ndjson}) are listed
 * as skipped; other files are ignored. {@code Medication} files hold no patient's data but the drugs that prescriptions
 * refer to ({@code medicationReference}): they are listed apart.
 *
 * @param files the files read, sorted by name, indexed in that order
 * @param skipped names of NDJSON files of resource types eligibility does not use
 * @param medications the shared {@code Medication} files, sorted by name
 */
public record BulkFiles(List<BulkFile> files, List<String> skipped, List<Path> medications) {
  private static final String MEDICATION = "Medication";
  private static final Pattern NAME = Pattern.compile("([A-Za-z]+)(?:[._-][^/]*)?\\.ndjson(\\.gz)?");

  public BulkFiles {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    medications = List.copyOf(medications);
  }

  /**
   * The export files in a directory (not its subdirectories).
   *
   * @throws IllegalArgumentException when the directory does not exist or holds no NDJSON file screening reads
   */
  public static BulkFiles discover(Path dir) {
    List<Path> paths;
    try (Stream<Path> list = Files.list(dir)) {
      paths = list.filter(Files::isRegularFile).sorted().toList();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("input directory not found: " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<BulkFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Path> medications = new ArrayList<>();
    for (Path p : paths) {
      String name = p.getFileName().toString();
      Matcher m = NAME.matcher(name);
      if (!m.matches()) continue;
      if (m.group(1).equals(MEDICATION)) {
        medications.add(p);
        continue;
      }
      Optional<SupportedType> type = SupportedType.of(m.group(1));
      if (type.isEmpty()) {
        skipped.add(name);
        continue;
      }
      try {
        files.add(new BulkFile(files.size(), p, name, type.get(), m.group(2) != null, Files.size(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no FHIR Bulk Data NDJSON files (Patient.ndjson, Observation.ndjson, ...) "
          + "in " + dir);
    }
    return new BulkFiles(files, skipped, medications);
  }

  /**
   * The resource type a bulk file name announces, or empty when the name is not an NDJSON file of a type screening
   * reads (for listings other than a local directory, e.g. HDFS or S3).
   */
  public static Optional<SupportedType> typeOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    return m.matches() ? SupportedType.of(m.group(1)) : Optional.empty();
  }

  /** True for the name of a shared {@code Medication} file ({@code Medication.ndjson}, {@code Medication.2.ndjson.gz}). */
  public static boolean isMedicationFile(String fileName) {
    Matcher m = NAME.matcher(fileName);
    return m.matches() && m.group(1).equals(MEDICATION);
  }

  public long totalBytes() {
    return files.stream().mapToLong(BulkFile::size).sum();
  }

  /** A rough size of the uncompressed text, for choosing the number of buckets (gzip NDJSON shrinks about 8x). */
  public long estimatedTextBytes() {
    return files.stream().mapToLong(f -> f.gzip() ? f.size() * 8 : f.size()).sum();
  }
}
