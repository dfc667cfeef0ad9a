package org.eligo.registry;

import java.util.Collection;
import java.util.Iterator;
import java.util.stream.Stream;
import org.eligo.core.trial.Trial;
import org.eligo.registry.imports.ImportListener;
import org.eligo.search.LuceneTrialIndex;
import org.eligo.store.imports.ImportRunRepository;
import org.eligo.store.trial.TrialRepository;

/**
 * Keeps the search index consistent with the store.
 *
 * <p>The index's commit records the store version it reflects: {@code run-N} after import run N finished, or
 * {@code importing} while an import is under way. On open, an index whose version is not the store's current one
 * (an import crashed part-way, the index was deleted, another process imported into a shared PostgreSQL) is rebuilt
 * from the store, so a crash never leaves search and store disagreeing.
 */
final class SearchIndexSync implements ImportListener {
  static final String IMPORTING = "importing";

  private final LuceneTrialIndex index;
  private final TrialRepository trials;
  private final ImportRunRepository runs;

  SearchIndexSync(LuceneTrialIndex index, TrialRepository trials, ImportRunRepository runs) {
    this.index = index;
    this.trials = trials;
    this.runs = runs;
  }

  /**
   * The store's version (the last finished import run) and the index's document format: an index built by an older
   * Eligo, whose documents are made differently, is rebuilt on start.
   */
  String storeVersion() {
    return runs.importRuns(1).stream().findFirst().map(r -> "run-" + r.id()).orElse("empty")
        + ";" + index.documentFormat();
  }

  /** Rebuilds the index when it does not reflect the store; returns whether it did. */
  boolean ensureCurrent() {
    if (index.indexedVersion().orElse("").equals(storeVersion()) && index.count() == trials.count()) return false;
    rebuild();
    return true;
  }

  void rebuild() {
    String version = storeVersion();
    try (Stream<org.eligo.store.trial.StoredStudy> stored = trials.streamAll()) {
      Iterator<Trial> it = stored.map(TrialDocuments::toTrial).iterator();
      index.rebuild(it, version);
    }
  }

  /** Marks the index as mid-import, so a crash before {@link #importFinished} forces a rebuild. */
  void importStarting() {
    index.commit(IMPORTING);
  }

  void importFinished() {
    index.commit(storeVersion());
  }

  @Override
  public void changed(Collection<Trial> changed) {
    index.index(changed);
  }
}
