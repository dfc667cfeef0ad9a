package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.registry.imports.ImportListener;
import org.eligo.search.LuceneTrialIndex;
import org.eligo.search.TrialQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search stays consistent with the store: after imports, after a crash mid-import, after losing the index. */
class SearchIndexSyncTest {
  @TempDir
  Path dir;

  @Test
  void importedTrialsAreSearchableAtOnce() throws IOException {
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir))) {
      Path study = Files.writeString(dir.resolve("s.json"), RegistryImportTest.study("NCT01000020", "RECRUITING",
          "2025-01-01").replace("Aplastic Anemia", "Zebra Fever"));
      registry.importPaths(List.of(study), ImportListener.NONE);
      assertThat(registry.search().search(TrialQuery.text("zebra fever")).hits())
          .extracting(h -> h.nctId()).containsExactly("NCT01000020");
    }
  }

  @Test
  void anIndexLeftMidImportByACrashIsRebuiltOnOpen() throws IOException {
    int stored;
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir))) {
      stored = registry.trials().count();
    }
    try (LuceneTrialIndex index = LuceneTrialIndex.open(dir.resolve("index"))) {
      index.delete("NCT06802055");
      index.commit(SearchIndexSync.IMPORTING);
    }
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir))) {
      assertThat(registry.search().search(TrialQuery.text("NCT06802055")).hits()).isNotEmpty();
      assertThat(((LuceneTrialIndex) registry.search()).count()).isEqualTo(stored);
    }
  }

  @Test
  void aDeletedIndexIsRebuiltFromTheStore() throws IOException {
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir))) {
      assertThat(registry.trials().count()).isPositive();
    }
    try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir))) {
      assertThat(registry.search().search(TrialQuery.text("sirolimus pure red cell aplasia")).hits())
          .extracting(h -> h.nctId()).contains("NCT03364764");
    }
  }
}
