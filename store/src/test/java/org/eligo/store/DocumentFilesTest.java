package org.eligo.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eligo.store.trial.JdbiTrialRepository;
import org.eligo.store.trial.StudyBuilder;
import org.eligo.store.trial.TrialRepository;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry's document file is compacted when replaced versions fill most of it. */
class DocumentFilesTest {

  @TempDir
  Path dataDir;

  private Path documents() {
    return dataDir.resolve("documents");
  }

  /** Three studies, each stored in ten versions: nine in ten lines of the file are replaced versions. */
  private void storeManyVersions() {
    try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
      TrialRepository trials = new JdbiTrialRepository(database);
      for (int version = 1; version <= 10; version++) {
        for (String nct : new String[] {"NCT00000001", "NCT00000002", "NCT00000003"}) {
          trials.upsert(StudyBuilder.study(nct).updated(String.format("2024-01-%02d", version))
              .extraJson("\"version\":" + version).build());
        }
      }
    }
  }

  private Jdbi jdbi() {
    return Jdbi.create(DatabaseConfig.embedded(dataDir).jdbcUrl(), "sa", "");
  }

  @Test
  void replacedVersionsAreDroppedAndEveryStudyKeepsItsLatestDocument() throws Exception {
    storeManyVersions();
    long before = Files.size(documents().resolve("1.jsonl"));

    try (DocumentLog log = DocumentFiles.open(documents(), jdbi(), 0)) {
      assertThat(log.file()).isEqualTo(2);
      assertThat(log.size()).isLessThan(before / 5);
    }
    assertThat(documents().resolve("1.jsonl")).doesNotExist();
    assertThat(Files.readAllLines(documents().resolve("2.jsonl"))).hasSize(3);

    try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
      TrialRepository trials = new JdbiTrialRepository(database);
      for (String nct : new String[] {"NCT00000001", "NCT00000002", "NCT00000003"}) {
        assertThat(trials.find(nct).orElseThrow().documentJson()).contains("\"version\":10").contains(nct);
      }
      trials.upsert(StudyBuilder.study("NCT00000004").build());
      assertThat(trials.find("NCT00000004")).isPresent();
    }
    assertThat(Files.readAllLines(documents().resolve("2.jsonl"))).hasSize(4);
  }

  @Test
  void aFileThatIsMostlyLiveOrSmallIsLeftAsItIs() throws Exception {
    storeManyVersions();
    try (DocumentLog log = DocumentFiles.open(documents(), jdbi(), Long.MAX_VALUE)) {
      assertThat(log.file()).isEqualTo(1);
    }
    try (DocumentLog log = DocumentFiles.open(documents(), jdbi(), 0)) {
      assertThat(log.file()).isEqualTo(2);
    }
    try (DocumentLog log = DocumentFiles.open(documents(), jdbi(), 0)) {
      assertThat(log.file()).as("every line is live: nothing to gain").isEqualTo(2);
    }
  }

  @Test
  void whatACrashedCompactionLeftIsCleanedUp() throws Exception {
    storeManyVersions();
    // a compaction that crashed before its commit: a partial file 2 that no row points to
    Files.writeString(documents().resolve("2.jsonl"), "{\"partial\":true}\n{\"cut");
    try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
      assertThat(database.documentLog().orElseThrow().file()).as("the rows still point into file 1").isEqualTo(1);
      assertThat(new JdbiTrialRepository(database).find("NCT00000002").orElseThrow().documentJson())
          .contains("\"version\":10");
    }
    try (DocumentLog log = DocumentFiles.open(documents(), jdbi(), 0)) {
      assertThat(log.file()).isEqualTo(2);
    }
    assertThat(Files.readAllLines(documents().resolve("2.jsonl"))).hasSize(3).noneMatch(l -> l.contains("partial"));
    // a compaction that crashed after its commit, before deleting the old file
    Files.writeString(documents().resolve("1.jsonl"), "{\"old\":true}\n");
    try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
      assertThat(database.documentLog().orElseThrow().file()).isEqualTo(2);
    }
    assertThat(documents().resolve("1.jsonl")).doesNotExist();
  }
}
