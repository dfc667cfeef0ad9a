package org.eligo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The embedded registry's study documents: one append-only JSON Lines file ({@code documents/1.jsonl} in the data
 * directory, {@code 2.jsonl} after it is first compacted, and so on; see {@code DocumentFiles}) that the {@code trial}
 * rows point into by offset and length.
 *
 * <p>Why: the embedded database (H2) spends several times Jackson's parse time writing each study's 4–5 kB document
 * into its pages; appending the same bytes to a file costs next to nothing, and the rows then stay small
 * (docs/benchmarks.md, session 15). PostgreSQL keeps documents in its table.
 *
 * <p>Crash safety comes from order: a document is appended and {@linkplain #force() forced to disk} before the row
 * that points to it commits (once per stored batch). A crash in between leaves bytes that no row points to, which are
 * never read; a line the crash cut short is cut off when the file is next opened. A document that replaces another is
 * appended too; the old bytes stay until the file is compacted ({@code DocumentFiles}). Appends are serialised; reads are
 * positional and may run from any thread, during appends.
 */
public final class DocumentLog implements AutoCloseable {

  /** Where one document is: file number, byte offset and length in bytes (without the line break). */
  public record Ref(int file, long offset, int length) {
    public Ref {
      if (file < 1 || offset < 0 || length < 1) {
        throw new IllegalArgumentException("not a document reference: " + file + "/" + offset + "/" + length);
      }
    }
  }

  /** This log's file number: {@code <file>.jsonl}; a compaction writes the next number. */
  private final int file;
  private static final byte[] NEWLINE = {'\n'};
  private final Path path;
  /**
   * Opened again when a thread that was interrupted while using it closed it (a {@link FileChannel} closes itself
   * then, for every thread), so that one cancelled import or request does not leave the registry unreadable.
   */
  private volatile FileChannel channel;
  /** Set by {@link #close()}: the channel is not opened again. */
  private boolean closed;
  private long end;

  /** Package-private for tests that hand it a channel of their own. */
  DocumentLog(int file, Path path, FileChannel channel) throws IOException {
    this.file = file;
    this.path = path;
    this.channel = channel;
    this.end = endOfLastWholeLine(channel);
    if (end < channel.size()) channel.truncate(end);
  }

  /**
   * Where the last complete line ends. A line without its line break is the tail of an append that a crash cut short:
   * no committed row points to it (rows commit only after their documents are forced to disk), so it is cut off and
   * the next document starts on a line of its own.
   */
  private static long endOfLastWholeLine(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    long position = size;
    while (position > 0) {
      int length = (int) Math.min(buffer.capacity(), position);
      buffer.clear().limit(length);
      long from = position - length;
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, from + buffer.position()) < 0) break;
      }
      for (int i = length - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') return from + i + 1;
      }
      position = from;
    }
    return 0;
  }

  /** Opens (creating as needed) the log under {@code directory}, file 1. */
  public static DocumentLog open(Path directory) {
    return open(directory, 1);
  }

  /** Opens (creating as needed) file {@code file} of the log under {@code directory}. */
  public static DocumentLog open(Path directory, int file) {
    Objects.requireNonNull(directory, "directory");
    if (file < 1) throw new IllegalArgumentException("file numbers start at 1: " + file);
    Path path = directory.resolve(file + ".jsonl");
    FileChannel channel;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new DatabaseException("Cannot open the document file " + path + " of the registry: " + e, e);
    }
    try {
      lock(channel, path);
      return new DocumentLog(file, path, channel);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof DatabaseException d) throw d;
      throw new DatabaseException("Cannot open the document file " + path + " of the registry: " + e, e);
    }
  }

  /**
   * Holds the file for this log alone: a second log on it (the same registry opened twice in one process, which the
   * embedded database allows) would append at its own idea of the end, over the other's documents.
   */
  private static void lock(FileChannel channel, Path path) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new DatabaseException("The document file " + path + " of the registry is in use: the registry is open"
          + " already (open it once and share it)");
    }
  }

  /**
   * Appends one JSON document as a line and returns where it is. Not durable until {@link #force()}. See
   * {@link #appendAll}.
   */
  public Ref append(byte[] document) {
    return appendAll(List.of(document)).getFirst();
  }

  /**
   * Appends JSON documents, one line each, in one gathered write, and returns where each is. A raw line break in a
   * JSON document can only stand between tokens, where a space means the same, so it is written as a space (the
   * stored document is then one line, same length). Not durable until {@link #force()}.
   */
  public synchronized List<Ref> appendAll(List<byte[]> documents) {
    Objects.requireNonNull(documents, "documents");
    if (documents.isEmpty()) return List.of();
    ByteBuffer[] lines = new ByteBuffer[documents.size() * 2];
    List<Ref> refs = new ArrayList<>(documents.size());
    long offset = end;
    long at = offset;
    for (int i = 0; i < documents.size(); i++) {
      byte[] document = oneLine(Objects.requireNonNull(documents.get(i), "document"));
      if (document.length == 0) throw new IllegalArgumentException("a stored document cannot be empty");
      lines[2 * i] = ByteBuffer.wrap(document);
      lines[2 * i + 1] = ByteBuffer.wrap(NEWLINE);
      refs.add(new Ref(file, at, document.length));
      at += document.length + 1L;
    }
    try {
      io(channel -> {
        // every attempt writes the whole batch from its start: an attempt after the channel was opened again (another
        // thread's interrupt closed it mid-write) must not write the rest at the batch's offset, nor wait for bytes
        // that the buffers no longer hold
        for (ByteBuffer line : lines) line.rewind();
        // what a failed write left beyond the end goes first: written over by a shorter batch, its tail would stay in
        // the file as fragments that are not documents
        if (channel.size() > offset) channel.truncate(offset);
        channel.position(offset);
        while (lines[lines.length - 1].hasRemaining()) channel.write(lines);
        return null;
      });
      end = at;
    } catch (IOException e) {
      // the end stays where it was: the next append cuts off whatever part was written, which no row points to
      throw new UncheckedIOException("Cannot write to the document file " + path, e);
    }
    return refs;
  }

  /** {@code json} with every raw line break written as a space (a copy only when there is one). */
  static byte[] oneLine(byte[] json) {
    int breaks = 0;
    for (byte b : json) breaks |= (b == '\n' ? 1 : 0) | (b == '\r' ? 1 : 0); // no early exit: the JIT can vectorise it
    if (breaks == 0) return json;
    byte[] line = json.clone();
    for (int i = 0; i < line.length; i++) {
      if (line[i] == '\n' || line[i] == '\r') line[i] = ' ';
    }
    return line;
  }

  /** Makes every appended document durable. */
  public synchronized void force() {
    try {
      io(channel -> {
        channel.force(false);
        return null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot flush the document file " + path, e);
    }
  }

  /** The document's bytes. */
  public byte[] read(Ref ref) {
    Objects.requireNonNull(ref, "ref");
    if (ref.file() != file || ref.offset() + ref.length() > end) {
      throw new IllegalStateException("the registry points to a document that " + path + " does not hold ("
          + ref + "); the data directory is incomplete");
    }
    try {
      return io(channel -> {
        ByteBuffer buffer = ByteBuffer.allocate(ref.length());
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, ref.offset() + buffer.position()) < 0) break;
        }
        return buffer.array();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the document file " + path, e);
    }
  }

  private interface Io<T> {
    T on(FileChannel channel) throws IOException;
  }

  /**
   * Runs {@code io} on the channel, opening it again first when an interrupted thread closed it, and once more when
   * another thread's interrupt closes it meanwhile. A thread that is itself interrupted gets the exception.
   */
  private <T> T io(Io<T> io) throws IOException {
    FileChannel current = channel;
    for (int attempt = 0; ; attempt++) {
      try {
        if (!current.isOpen()) current = reopen(current);
        return io.on(current);
      } catch (ClosedChannelException e) {
        boolean closedByAnother = !(e instanceof AsynchronousCloseException) || !Thread.currentThread().isInterrupted();
        if (attempt > 0 || !closedByAnother) throw e;
      }
    }
  }

  private synchronized FileChannel reopen(FileChannel closedOne) throws IOException {
    if (closed) throw new ClosedChannelException();
    if (channel == closedOne && !closedOne.isOpen()) {
      FileChannel reopened = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        lock(reopened, path); // closing the channel released the lock
      } catch (RuntimeException e) {
        reopened.close();
        throw new IOException(e.getMessage(), e);
      }
      channel = reopened;
    }
    return channel;
  }

  /** Bytes in the file, including documents no row points to any longer. */
  public synchronized long size() {
    return end;
  }

  public Path path() {
    return path;
  }

  /** This log's file number. */
  public int file() {
    return file;
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (channel.isOpen()) channel.force(false);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the document file " + path, e);
    }
  }
}
