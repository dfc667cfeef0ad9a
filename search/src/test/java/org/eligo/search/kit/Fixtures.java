package org.eligo.search.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.core.trial.Trial;
import org.eligo.ctgov.json.StudyJsonReader;
import org.eligo.search.LuceneTrialIndex;

/**
 * Test corpora: the trials kept in this module's test resources ({@code /trials}, see SOURCES.md there) and the
 * registry module's bundled studies, read with the ctgov module's reader.
 */
public final class Fixtures {

  /** The registry module's bundled studies, relative to this module's directory (the tests' working directory). */
  public static final Path BUNDLED_STUDIES = Path.of("..", "registry", "src", "main", "resources", "org", "eligo",
      "registry", "bundled", "studies");

  private Fixtures() {}

  /** The trials in this module's test resources. */
  public static List<Trial> trials() {
    try {
      return StudyJson.readAll(Path.of(Fixtures.class.getResource("/trials").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The registry's bundled studies; empty when that directory is not there. */
  public static List<Trial> bundled() {
    if (!Files.isDirectory(BUNDLED_STUDIES)) return List.of();
    StudyJsonReader reader = new StudyJsonReader();
    ObjectMapper mapper = new ObjectMapper();
    try (Stream<Path> files = Files.list(BUNDLED_STUDIES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().map(file -> {
        try {
          return reader.read(mapper.readTree(file.toFile())).trialOrThrow();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh in-memory index holding every fixture trial, committed as version "fixtures". */
  public static LuceneTrialIndex index() {
    return index(trials());
  }

  public static LuceneTrialIndex index(Collection<Trial> trials) {
    LuceneTrialIndex index = LuceneTrialIndex.inMemory();
    index.index(trials);
    index.commit("fixtures");
    return index;
  }
}
