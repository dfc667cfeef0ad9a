package org.eligo.ctgov.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** One JSON file: a single study or an API page of studies. */
final class JsonFileStudySource extends IteratingStudySource {

  private final Path file;
  private DocumentsIterator<Path> records;

  JsonFileStudySource(Path file) {
    this.file = file;
  }

  @Override
  protected Iterator<StudyRecord> iterator() {
    records = new DocumentsIterator<>(List.of(file).iterator(), JsonFileStudySource::open);
    return records;
  }

  /** The records of one file; an unreadable file gives one error record. */
  static Iterator<StudyRecord> open(Path file) {
    Origin origin = Origin.of(file);
    InputStream input;
    try {
      input = Files.newInputStream(file);
    } catch (IOException e) {
      return List.<StudyRecord>of(new RawStudyError(origin, "cannot read file: " + e)).iterator();
    }
    return new JsonRecordIterator(input, origin);
  }

  @Override
  public void close() {
    if (records != null) records.close();
  }
}
