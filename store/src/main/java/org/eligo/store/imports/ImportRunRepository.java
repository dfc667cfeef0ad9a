package org.eligo.store.imports;

import java.util.List;

/** The log of registry imports. */
public interface ImportRunRepository {

  /** Records a finished import and returns it with its id. */
  ImportRun recordImportRun(FinishedImport run);

  /** The most recent imports first (by start time, then id), at most {@code limit}. */
  List<ImportRun> importRuns(int limit);
}
