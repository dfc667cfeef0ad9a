package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.eligo.search.kit.RandomTrials;
import org.junit.jupiter.api.Test;

/**
 * A rebuilt index is swapped in with its merges done, so searches do not compete with them for the cores. 85,000
 * trials: the flush of the last partial batch started a merge of its own that the rebuild once did not wait for.
 */
class RebuildMergesTest {

  @Test
  void noMergeIsRunningWhenARebuildReturns() {
    try (LuceneTrialIndex index = LuceneTrialIndex.inMemory()) {
      index.rebuild(new RandomTrials(3L).generate(85_000).iterator(), "v1");
      assertThat(index.mergesRunning()).as("merges still running after the rebuild").isZero();
      assertThat(index.count()).isEqualTo(85_000);
    }
  }
}
