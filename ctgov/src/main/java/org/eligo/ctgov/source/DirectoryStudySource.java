package org.eligo.ctgov.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Every {@code .json} file and {@code .zip} archive (read as {@link ZipStudySource} reads one) under a directory,
 * recursively, in a deterministic order: each directory's entries sorted by name, depth first. Symbolic links to directories are not followed. Only the listings on the current path and
 * one open file are held at a time, so a tree of any size streams in flat memory. A directory that cannot be listed
 * gives one error record and the walk goes on.
 */
final class DirectoryStudySource extends IteratingStudySource {

  private final Path root;
  private DocumentsIterator<Entry> records;

  DirectoryStudySource(Path root) {
    this.root = root;
  }

  @Override
  protected Iterator<StudyRecord> iterator() {
    records = new DocumentsIterator<>(new Walk(root),
        entry -> entry.error() != null ? List.<StudyRecord>of(entry.error()).iterator()
            : isZipFile(entry.file()) ? openZip(entry.file()) : JsonFileStudySource.document(entry.file()).records());
    return records;
  }

  /**
   * Each JSON file is a document; a ZIP archive in the tree is one document of unknown size (its entries are read
   * in order, by one thread).
   */
  @Override
  protected Iterator<StudyDocument> documentIterator() {
    Walk walk = new Walk(root);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return walk.hasNext();
      }

      @Override
      public StudyDocument next() {
        Entry entry = walk.next();
        if (entry.error() != null) return StudyDocument.of(entry.error());
        if (isZipFile(entry.file())) return StudyDocument.of(-1, () -> openZip(entry.file()));
        return JsonFileStudySource.document(entry.file());
      }
    };
  }

  /** True when the tree holds at least one {@code .json} file or {@code .zip} archive; stops at the first. */
  static boolean holdsJson(Path root) {
    Walk walk = new Walk(root);
    while (walk.hasNext()) {
      if (walk.next().file() != null) return true;
    }
    return false;
  }

  /** The records of a ZIP archive found in the tree; the archive is closed when they are read or abandoned. */
  private static Iterator<StudyRecord> openZip(Path file) {
    java.util.zip.ZipFile zip;
    try {
      zip = new java.util.zip.ZipFile(file.toFile());
    } catch (java.io.IOException | RuntimeException e) {
      return List.<StudyRecord>of(new RawStudyError(Origin.of(file), "not a readable ZIP archive: "
          + e.getMessage())).iterator();
    }
    ZipStudySource source = new ZipStudySource(file, zip);
    Iterator<StudyRecord> records = source.iterator();
    return new ClosingIterator(records, source);
  }

  /** Records that close their source once exhausted, or when the walk moves on. */
  private record ClosingIterator(Iterator<StudyRecord> records, ZipStudySource source)
      implements Iterator<StudyRecord>, AutoCloseable {
    @Override
    public boolean hasNext() {
      boolean more = records.hasNext();
      if (!more) source.close();
      return more;
    }

    @Override
    public StudyRecord next() {
      return records.next();
    }

    @Override
    public void close() {
      source.close();
    }
  }

  static boolean isZipFile(Path path) {
    return path.getFileName() != null
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
        && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
  }

  static boolean isJsonFile(Path path) {
    return path.getFileName() != null
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
        && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
  }

  /** A file to read, or a directory that could not be listed. */
  private record Entry(Path file, RawStudyError error) {}

  /** Depth-first walk yielding the tree's {@code .json} files, each directory sorted by name. */
  private static final class Walk implements Iterator<Entry> {
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private Entry next;

    Walk(Path root) {
      push(root);
    }

    @Override
    public boolean hasNext() {
      while (next == null && !stack.isEmpty()) {
        Iterator<Path> top = stack.peek();
        if (!top.hasNext()) {
          stack.pop();
          continue;
        }
        Path path = top.next();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          push(path);
        } else if (isJsonFile(path) || isZipFile(path)) {
          next = new Entry(path, null);
        }
      }
      return next != null;
    }

    @Override
    public Entry next() {
      if (!hasNext()) throw new NoSuchElementException();
      Entry entry = next;
      next = null;
      return entry;
    }

    private void push(Path dir) {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        entries.forEach(children::add);
      } catch (IOException e) {
        next = new Entry(null, new RawStudyError(Origin.of(dir), "cannot list directory: " + e));
      }
      children.sort(null);
      stack.push(children.iterator());
    }
  }

  @Override
  public void close() {
    if (records != null) records.close();
  }
}
