package org.eligo.ctgov.source;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The records of a sequence of JSON documents (files, ZIP entries), opening each document only when the previous one
 * is exhausted and closing it after, so at most one is open at a time.
 */
final class DocumentsIterator<D> implements Iterator<StudyRecord>, AutoCloseable {

  private final Iterator<D> documents;
  private final Function<D, Iterator<StudyRecord>> open;
  private Iterator<StudyRecord> current;

  DocumentsIterator(Iterator<D> documents, Function<D, Iterator<StudyRecord>> open) {
    this.documents = documents;
    this.open = open;
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      closeCurrent();
      if (!documents.hasNext()) return false;
      current = open.apply(documents.next());
    }
    return true;
  }

  @Override
  public StudyRecord next() {
    if (!hasNext()) throw new NoSuchElementException();
    return current.next();
  }

  private void closeCurrent() {
    if (current instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // read-only input: nothing to recover
      }
    }
    current = null;
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
