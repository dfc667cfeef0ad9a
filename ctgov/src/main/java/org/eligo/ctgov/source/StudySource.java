package org.eligo.ctgov.source;

import java.util.stream.Stream;

/**
 * A readable input of study documents. Records are read lazily, one at a time, and may be streamed once; close the
 * source (or the stream) to release its file handles.
 */
public interface StudySource extends AutoCloseable {

  /** The records in a deterministic order; closing the stream closes the source. */
  Stream<StudyRecord> records();

  /** Releases open files; never throws. */
  @Override
  void close();
}
