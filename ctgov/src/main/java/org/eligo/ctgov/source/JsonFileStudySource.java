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
    records = new DocumentsIterator<>(List.of(file).iterator(), f -> document(f).records());
    return records;
  }

  @Override
  protected Iterator<StudyDocument> documentIterator() {
    return List.of(document(file)).iterator();
  }

  /** One file as a document. */
  static StudyDocument document(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = 0; // opening it gives the error
    }
    long known = size;
    return StudyDocument.of(size, () -> known <= READ_WHOLE ? openWhole(file) : open(file));
  }

  /** Documents up to this size are read into memory before parsing (faster; the parser reads the array itself). */
  static final long READ_WHOLE = 1 << 20;

  /** The records of one small file, read whole first. */
  static Iterator<StudyRecord> openWhole(Path file) {
    try {
      return new JsonRecordIterator(Files.readAllBytes(file), Origin.of(file));
    } catch (IOException e) {
      return open(file);
    }
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
