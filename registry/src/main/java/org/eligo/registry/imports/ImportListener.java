package org.eligo.registry.imports;

import java.util.Collection;
import org.eligo.core.trial.Trial;

/** Hears about an import as it runs: progress for a terminal, changed trials for the search index. */
public interface ImportListener {
  /** Called after each stored batch with the running number of records read. */
  default void progress(long recordsRead) {}

  /** Trials inserted or updated by the last stored batch (not unchanged or older ones). */
  default void changed(Collection<Trial> trials) {}

  ImportListener NONE = new ImportListener() {};
}
