package org.eligo.registry.imports;

import java.util.Collection;
import org.eligo.core.trial.Trial;

/**
 * Hears about an import as it runs: progress for a terminal, then the trials it changed (for the search index and
 * the matcher), which are handed on after they are stored, batch by batch.
 */
public interface ImportListener {
  /** Called after each stored batch with the running number of records read. */
  default void progress(long recordsRead) {}

  /**
   * Called as the trials the import changed are handed on after storing (the search index catching up), with how
   * many were handed on so far and how many there are.
   */
  default void indexing(long done, long total) {}

  /** Trials inserted or updated by the import (not unchanged or older ones), a batch at a time. */
  default void changed(Collection<Trial> trials) {}

  ImportListener NONE = new ImportListener() {};
}
