package org.eligo.ctgov.source;

import java.util.Iterator;
import java.util.List;

/**
 * One JSON document of a source (a file, a ZIP entry), whose records may be read on any thread: an import reads many
 * documents at once, one per core. Reading them yields what {@link StudySource#records()} yields for that document,
 * and closes the document when its records are exhausted.
 */
public interface StudyDocument {

  /** Bytes in the document, or -1 when not known before reading it. */
  long size();

  /** The document's records, read as they are asked for. */
  Iterator<StudyRecord> records();

  /** A document of known size whose records are opened by {@code open}. */
  static StudyDocument of(long size, java.util.function.Supplier<Iterator<StudyRecord>> open) {
    return new StudyDocument() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public Iterator<StudyRecord> records() {
        return open.get();
      }
    };
  }

  /** A document that is already one record (an error found while listing the input). */
  static StudyDocument of(StudyRecord record) {
    return of(0, () -> List.of(record).iterator());
  }
}
