package org.eligo.registry.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;

/**
 * The bundled registry opened once for all golden tests of a run (opening loads the trials and the first match
 * compiles every trial's criteria, which takes seconds), in a temporary directory removed when the JVM exits.
 */
final class GoldenRegistry {
  /** "Today" for every golden case: all dates in the case files are relative to it. */
  static final LocalDate AS_OF = LocalDate.parse("2026-11-23");

  /** The four seed trials, whose rules are curated. */
  static final List<String> SEED_TRIALS = List.of("NCT02979873", "NCT06802055", "NCT03364764", "NCT04324411");

  private static Registry registry;

  private GoldenRegistry() {}

  static synchronized Registry get() {
    if (registry == null) {
      try {
        Path dir = Files.createTempDirectory("eligo-golden");
        Registry opened = Registry.open(RegistryConfig.embedded(dir));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          opened.close();
          delete(dir);
        }));
        registry = opened;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return registry;
  }

  /** Matches a Bundle against the named trials on {@link #AS_OF}. */
  static MatchReport match(String bundleJson, String trialId) {
    return get().match(new MatchRequest(bundleJson, List.of(trialId), false, AS_OF));
  }

  /** Matches a Bundle against every trial of the registry, open or not, on {@link #AS_OF}. */
  static MatchReport matchAll(String bundleJson) {
    return get().match(new MatchRequest(bundleJson, List.of(), true, AS_OF));
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at shutdown: the directory is in the system's temporary area
    }
  }
}
