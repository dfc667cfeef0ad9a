package org.eligo.ctgov.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bulk download ClinicalTrials.gov offers: a ZIP of per-study JSON files, possibly inside a folder, read entry by
 * entry in the archive's own order. Only {@code .json} entries are read (macOS {@code __MACOSX/} metadata is skipped).
 * A corrupt entry gives one error record and the next entry is read, since the central directory locates each one.
 */
final class ZipStudySource extends IteratingStudySource {

  private final Path path;
  private final ZipFile zip;
  private DocumentsIterator<ZipEntry> records;

  ZipStudySource(Path path, ZipFile zip) {
    this.path = path;
    this.zip = zip;
  }

  static boolean isStudyEntry(ZipEntry entry) {
    String name = entry.getName();
    return !entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".json") && !name.startsWith("__MACOSX/");
  }

  @Override
  protected Iterator<StudyRecord> iterator() {
    Iterator<ZipEntry> entries = zip.stream().filter(ZipStudySource::isStudyEntry).<ZipEntry>map(e -> e).iterator();
    records = new DocumentsIterator<>(entries, this::openEntry);
    return records;
  }

  /** Each entry is a document; entries are read concurrently (a {@link ZipFile} may be read from many threads). */
  @Override
  protected Iterator<StudyDocument> documentIterator() {
    return zip.stream().filter(ZipStudySource::isStudyEntry)
        .map(entry -> StudyDocument.of(entry.getSize(), () -> openEntry(entry))).iterator();
  }

  /** A small entry is read whole first (its bytes come with its study), a large one as a stream. */
  private Iterator<StudyRecord> openEntry(ZipEntry entry) {
    return entry.getSize() >= 0 && entry.getSize() <= JsonFileStudySource.READ_WHOLE ? openWhole(entry) : open(entry);
  }

  /** A small entry, read whole first; an entry that cannot be read whole is read as a stream (which reports why). */
  private Iterator<StudyRecord> openWhole(ZipEntry entry) {
    byte[] bytes;
    try (InputStream input = zip.getInputStream(entry)) {
      // no more than the size it claims may be held: an archive can claim a small size for a huge entry
      bytes = input.readNBytes((int) JsonFileStudySource.READ_WHOLE + 1);
    } catch (IOException | RuntimeException e) {
      return open(entry);
    }
    if (bytes.length > JsonFileStudySource.READ_WHOLE) return open(entry);
    return new JsonRecordIterator(bytes, Origin.of(path).entry(entry.getName()));
  }

  private Iterator<StudyRecord> open(ZipEntry entry) {
    Origin origin = Origin.of(path).entry(entry.getName());
    InputStream input;
    try {
      input = zip.getInputStream(entry);
    } catch (IOException | RuntimeException e) {
      return List.<StudyRecord>of(new RawStudyError(origin, "cannot read ZIP entry: " + e)).iterator();
    }
    return new JsonRecordIterator(input, origin);
  }

  @Override
  public void close() {
    if (records != null) records.close();
    try {
      zip.close();
    } catch (IOException ignored) {
      // read-only archive: nothing to recover
    }
  }
}
