package org.eligo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's gathered write that another thread's interrupt cuts short (the channel closes for every thread; the log
 * opens it again and writes once more) must end with every document where its reference says, and must end.
 */
class DocumentLogRetryTest {

  @TempDir
  Path tempDir;

  @Test
  void aBatchWriteCutShortByAnotherThreadsInterruptIsWrittenWholeFromItsStartAfterReopening() throws Exception {
    Path path = tempDir.resolve("1.jsonl");
    Files.write(path, "{\"old\":0}\n".getBytes(StandardCharsets.UTF_8));
    FileChannel real = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < 5; i++) documents.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));

    try (DocumentLog log = new DocumentLog(1, path, new ClosedMidWrite(real))) {
      List<DocumentLog.Ref> refs = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> log.appendAll(documents));
      for (int i = 0; i < documents.size(); i++) {
        assertThat(new String(log.read(refs.get(i)), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + i + "}");
      }
    }
    assertThat(Files.readAllLines(path))
        .containsExactly("{\"old\":0}", "{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
  }

  @Test
  void aBatchWhoseWriteFailedLeavesNothingBehindTheNextShorterBatch() throws Exception {
    Path path = tempDir.resolve("1.jsonl");
    FileChannel real = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    List<byte[]> failed = new ArrayList<>();
    for (int i = 0; i < 5; i++) failed.add(("{\"failed\":\"" + "x".repeat(40) + i + "\"}").getBytes(StandardCharsets.UTF_8));

    try (DocumentLog log = new DocumentLog(1, path, new ClosedMidWrite(real, false))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.appendAll(failed))
          .hasMessageContaining("Cannot write to the document file");
      DocumentLog.Ref next = log.append("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(log.read(next), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }
    // the failed batch's first document reached the file; nothing of it may stay after the next, shorter one
    assertThat(Files.readAllLines(path)).containsExactly("{\"n\":1}");
  }

  /**
   * Writes the first document of a gathered write, then is closed (as by another thread's interrupt), or, when
   * {@code close} is false, fails once (as on a full disk) and writes normally afterwards.
   */
  private static final class ClosedMidWrite extends FileChannel {
    private final FileChannel real;
    private final boolean close;
    private int gatheredWrites;

    ClosedMidWrite(FileChannel real) {
      this(real, true);
    }

    ClosedMidWrite(FileChannel real, boolean close) {
      this.real = real;
      this.close = close;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      if (!isOpen()) throw new ClosedChannelException();
      int call = gatheredWrites++;
      if (call == 0) return real.write(srcs, offset, Math.min(length, 2));
      if (!close) {
        if (call == 1) throw new IOException("No space left on device");
        return real.write(srcs, offset, length);
      }
      close();
      throw new ClosedChannelException();
    }

    @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return real.read(dsts, offset, length);
    }
    @Override public int write(ByteBuffer src) throws IOException { return real.write(src); }
    @Override public long position() throws IOException { return real.position(); }
    @Override public FileChannel position(long newPosition) throws IOException {
      if (!isOpen()) throw new ClosedChannelException();
      real.position(newPosition);
      return this;
    }
    @Override public long size() throws IOException { return real.size(); }
    @Override public FileChannel truncate(long size) throws IOException { real.truncate(size); return this; }
    @Override public void force(boolean metaData) throws IOException { real.force(metaData); }
    @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return real.transferTo(position, count, target);
    }
    @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      return real.transferFrom(src, position, count);
    }
    @Override public int read(ByteBuffer dst, long position) throws IOException {
      if (!isOpen()) throw new ClosedChannelException();
      return real.read(dst, position);
    }
    @Override public int write(ByteBuffer src, long position) throws IOException { return real.write(src, position); }
    @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return real.map(mode, position, size);
    }
    @Override public FileLock lock(long position, long size, boolean shared) throws IOException {
      return real.lock(position, size, shared);
    }
    @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return real.tryLock(position, size, shared);
    }
    @Override protected void implCloseChannel() throws IOException { real.close(); }
  }
}
