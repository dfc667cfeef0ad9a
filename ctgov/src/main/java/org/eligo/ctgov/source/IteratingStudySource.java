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

  @Override
  public final synchronized Stream<StudyRecord> records() {
    if (streamed) throw new IllegalStateException("a study source can be streamed once; open it again");
    streamed = true;
    Iterator<StudyRecord> records = iterator();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }
}
