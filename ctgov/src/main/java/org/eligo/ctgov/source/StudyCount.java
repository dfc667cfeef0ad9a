package org.eligo.ctgov.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * How many studies an import will read, when that can be told before reading them: one per study file, one per JSON
 * entry of a ZIP (the registry's bulk download). An API page ({@code {"studies": [...]}}) holds an unknown number, and
 * then so does the whole import. For a progress bar's total; nothing depends on it being right.
 */
public final class StudyCount {

  private static final Pattern PAGE = Pattern.compile("\"studies\"\\s*:\\s*\\[");

  private StudyCount() {}

  /** The number of studies in {@code inputs}, or empty when some input is a page (or cannot be read). */
  public static OptionalLong expectedStudies(List<Path> inputs) {
    long total = 0;
    for (Path input : inputs) {
      OptionalLong one = Files.isDirectory(input) ? directory(input) : file(input);
      if (one.isEmpty()) return OptionalLong.empty();
      total += one.getAsLong();
    }
    return OptionalLong.of(total);
  }

  private static OptionalLong directory(Path dir) {
    long total = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        OptionalLong one = file(file);
        if (one.isEmpty()) return one;
        total += one.getAsLong();
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(total);
  }

  private static OptionalLong file(Path file) {
    if (DirectoryStudySource.isZipFile(file)) {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        return OptionalLong.of(zip.stream().filter(ZipStudySource::isStudyEntry).count());
      } catch (IOException e) {
        return OptionalLong.of(0); // a corrupt ZIP is reported by the import itself
      }
    }
    if (!DirectoryStudySource.isJsonFile(file)) return OptionalLong.of(0);
    try (InputStream in = Files.newInputStream(file)) {
      String start = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      return PAGE.matcher(start).find() ? OptionalLong.empty() : OptionalLong.of(1);
    } catch (IOException e) {
      return OptionalLong.of(1);
    }
  }
}
