package org.eligo.ctgov.source;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A study source backed by one lazy iterator; {@link #records()} may be called once. */
abstract class IteratingStudySource implements StudySource {

  private boolean streamed;

  /** The records, opened on first use. */
  protected abstract Iterator<StudyRecord> iterator();

  /** The documents, opened on first use; by default one document holding every record. */
  protected Iterator<StudyDocument> documentIterator() {
    return java.util.List.of(StudyDocument.of(-1, this::iterator)).iterator();
  }

  @Override
  public final synchronized Stream<StudyDocument> documents() {
    streamOnce();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documentIterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  private void streamOnce() {
    if (streamed) throw new IllegalStateException("a study source can be streamed once; open it again");
    streamed = true;
  }

  @Override
  public final synchronized Stream<StudyRecord> records() {
    streamOnce();
    Iterator<StudyRecord> records = iterator();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }
}
