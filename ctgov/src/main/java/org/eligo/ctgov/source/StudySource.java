package org.eligo.ctgov.source;

import java.util.stream.Stream;

/**
 * A readable input of study documents. Records are read lazily, one at a time, and may be streamed once; close the
 * source (or the stream) to release its file handles.
 */
public interface StudySource extends AutoCloseable {

  /** The records in a deterministic order; closing the stream closes the source. */
  Stream<StudyRecord> records();

  /**
   * The same records as {@link #records()}, grouped by the JSON document (file, ZIP entry) they come from, in the same
   * order, so that documents can be read on several threads. Use either this or {@link #records()}, once; close the
   * source only after every document has been read. A source that cannot tell its documents apart gives one
   * document of unknown size.
   */
  default Stream<StudyDocument> documents() {
    Stream<StudyRecord> records = records();
    return Stream.of(StudyDocument.of(-1, records::iterator)).onClose(records::close);
  }

  /** Releases open files; never throws. */
  @Override
  void close();
}
