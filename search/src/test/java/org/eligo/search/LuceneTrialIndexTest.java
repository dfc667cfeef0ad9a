package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.search.kit.TrialBuilder.trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eligo.core.trial.Trial;
import org.eligo.search.kit.CrashingIndexer;
import org.eligo.search.kit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneTrialIndexTest {

  @TempDir Path dir;

  @Test
  void indexingTheSameNctIdAgainReplacesTheTrial() {
    try (LuceneTrialIndex index = LuceneTrialIndex.inMemory()) {
      index.index(List.of(trial("NCT00000001").title("Old title about danazol").build()));
      index.index(List.of(trial("NCT00000001").title("New title about sirolimus").build()));
      assertThat(index.count()).isEqualTo(1);
      assertThat(ids(index.search(TrialQuery.text("danazol")))).isEmpty();
      assertThat(ids(index.search(TrialQuery.text("sirolimus")))).containsExactly("NCT00000001");
    }
  }

  @Test
  void deleteRemovesOnlyThatTrial() {
    try (LuceneTrialIndex index = LuceneTrialIndex.inMemory()) {
      index.index(List.of(trial("NCT00000001").build(), trial("NCT00000002").build()));
      index.delete("NCT00000001");
      index.delete("NCT09999999");
      assertThat(index.count()).isEqualTo(1);
      assertThat(ids(index.search(TrialQuery.builder().build()))).containsExactly("NCT00000002");
    }
  }

  @Test
  void onlyCommittedChangesSurviveReopeningWithTheirStoreVersion() {
    try (LuceneTrialIndex index = LuceneTrialIndex.open(dir)) {
      assertThat(index.indexedVersion()).isEmpty();
      index.index(Fixtures.trials());
      index.commit("store-7");
      index.index(List.of(trial("NCT00000001").build()));
      assertThat(index.count()).isEqualTo(15);
    }
    try (LuceneTrialIndex reopened = LuceneTrialIndex.open(dir)) {
      assertThat(reopened.count()).isEqualTo(14);
      assertThat(reopened.indexedVersion()).contains("store-7");
      assertThat(ids(reopened.search(TrialQuery.text("NCT03364764")))).first().isEqualTo("NCT03364764");
    }
  }

  @Test
  void rebuildSwapsInAFreshIndexAndRemovesTheOldDirectory() throws Exception {
    try (LuceneTrialIndex index = LuceneTrialIndex.open(dir)) {
      index.index(List.of(trial("NCT00000001").build(), trial("NCT00000002").build()));
      index.commit("v1");
      List<Trial> fresh = IntStream.range(10, 15).mapToObj(i -> trial("NCT000000" + i).build()).toList();
      index.rebuild(fresh.iterator(), "v2");
      assertThat(index.count()).isEqualTo(5);
      assertThat(index.indexedVersion()).contains("v2");
      assertThat(ids(index.search(TrialQuery.text("NCT00000001")))).isEmpty();
    }
    try (var children = Files.list(dir)) {
      assertThat(children.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("index-")))
          .containsExactly("index-000002");
    }
    try (LuceneTrialIndex reopened = LuceneTrialIndex.open(dir)) {
      assertThat(reopened.count()).isEqualTo(5);
      assertThat(reopened.indexedVersion()).contains("v2");
    }
  }

  @Test
  void aFailedRebuildKeepsTheOldIndex() {
    try (LuceneTrialIndex index = LuceneTrialIndex.open(dir)) {
      index.index(List.of(trial("NCT00000001").build()));
      index.commit("v1");
      var failing = IntStream.range(0, 3).mapToObj(i -> {
        if (i == 2) throw new IllegalStateException("store read failed");
        return trial("NCT0000002" + i).build();
      }).iterator();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.rebuild(failing, "v2"))
          .hasMessageContaining("store read failed");
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.indexedVersion()).contains("v1");
    }
  }

  @Test
  void aProcessKilledWhileIndexingLeavesTheLastCommitUsable() throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        CrashingIndexer.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    String output = new String(child.getInputStream().readAllBytes());
    assertThat(child.exitValue()).as(output).isEqualTo(CrashingIndexer.HALT_STATUS);

    try (LuceneTrialIndex index = LuceneTrialIndex.open(dir)) {
      assertThat(index.indexedVersion()).contains(CrashingIndexer.COMMITTED_VERSION);
      assertThat(index.count()).isEqualTo(CrashingIndexer.COMMITTED_TRIALS);
      index.index(List.of(trial("NCT00000999").build()));
      index.commit("after-crash");
      assertThat(index.count()).isEqualTo(CrashingIndexer.COMMITTED_TRIALS + 1);
    }
  }

  static List<String> ids(SearchPage page) {
    return page.hits().stream().map(TrialHit::nctId).toList();
  }
}
