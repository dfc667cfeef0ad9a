package org.eligo.search.kit;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.eligo.search.LuceneTrialIndex;

/**
 * A process that commits some trials, goes on indexing many more without committing and then dies abruptly
 * ({@link Runtime#halt}, no shutdown hooks, no close), as a crash would.
 */
public final class CrashingIndexer {

  public static final int COMMITTED_TRIALS = 50;
  public static final String COMMITTED_VERSION = "before-crash";
  public static final int HALT_STATUS = 42;

  public static void main(String[] args) {
    LuceneTrialIndex index = LuceneTrialIndex.open(Path.of(args[0]));
    index.index(IntStream.range(0, COMMITTED_TRIALS)
        .mapToObj(i -> TrialBuilder.trial(String.format("NCT%08d", i)).condition("Aplastic Anemia").build()).toList());
    index.commit(COMMITTED_VERSION);
    for (int batch = 1; batch <= 5; batch++) {
      int first = batch * 1000;
      index.index(IntStream.range(first, first + 1000)
          .mapToObj(i -> TrialBuilder.trial(String.format("NCT%08d", i)).condition("ITP").build()).toList());
    }
    index.delete(String.format("NCT%08d", 0));
    Runtime.getRuntime().halt(HALT_STATUS);
  }
}
