package org.eligo.screening.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.eligo.fhir.bulk.BulkLineError;

/**
 * Phase one of disk-backed grouping: reads every line of every file once, triages it ({@link LineTriage}) and appends
 * it to the bucket file its patient id hashes to. One reader thread cuts the (decompressed) files into blocks of whole
 * lines; worker threads triage them and write to their own bucket parts ({@code bucket-00042.part-01}), so memory is a
 * few blocks and buffers whatever the input size. Rejected lines go to the error log with file, line and reason.
 */
public final class BucketPartitioner {
  /** Lines longer than this are rejected rather than held in memory. */
  public static final int MAX_LINE_BYTES = 64 << 20;
  private static final int BLOCK_BYTES = 1 << 20;

  /**
   * What phase one did.
   *
   * @param lines lines read (blank ones included)
   * @param routed lines written to a bucket
   */
  public record Result(long lines, long routed) {}

  private record Block(BulkFile file, long firstLine, byte[] bytes, int length) {}

  private static final Block END = new Block(null, 0, new byte[0], 0);

  private BucketPartitioner() {}

  /** The bucket a patient id belongs to; stable across runs, JVMs and engines. */
  public static int bucketOf(String patientId, int buckets) {
    int h = patientId.hashCode() * 0x9E3779B9;
    return Math.floorMod(h ^ (h >>> 16), buckets);
  }

  /** The part files of bucket {@code b} in {@code dir}. */
  public static String partName(int bucket, int worker) {
    return String.format("bucket-%05d.part-%02d", bucket, worker);
  }

  /**
   * Partitions every file into {@code buckets} buckets under {@code dir}.
   *
   * @param read file bytes read so far (for progress)
   */
  public static Result partition(BulkFiles input, Path dir, int buckets, int threads, ErrorLog errors,
                                 LongAdder read) {
    int workers = Math.max(1, threads);
    BlockingQueue<Block> queue = new ArrayBlockingQueue<>(2 * workers);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    LongAdder lines = new LongAdder();
    LongAdder routed = new LongAdder();
    Thread[] pool = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      Worker worker = new Worker(w, dir, buckets, errors, lines, routed);
      pool[w] = Thread.ofPlatform().name("screening-partition-" + w).start(() -> {
        try {
          worker.run(queue);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
          queue.clear();
        }
      });
    }
    try {
      for (BulkFile file : input.files()) {
        if (failure.get() != null) break;
        readBlocks(file, queue, errors, read, failure);
      }
      for (int w = 0; w < workers; w++) put(queue, END, failure);
      for (Thread t : pool) t.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      for (Thread t : pool) t.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while partitioning", e);
    }
    if (failure.get() != null) throw new IllegalStateException("partitioning failed: " + failure.get(), failure.get());
    return new Result(lines.sum(), routed.sum());
  }

  private static void readBlocks(BulkFile file, BlockingQueue<Block> queue, ErrorLog errors, LongAdder read,
                                 AtomicReference<Throwable> failure) throws IOException, InterruptedException {
    try (InputStream in = file.open(read)) {
      byte[] buf = new byte[BLOCK_BYTES];
      int len = 0;
      long line = 1;
      boolean skipping = false;
      while (failure.get() == null) {
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          if (len > 0 && !skipping) put(queue, new Block(file, line, Arrays.copyOf(buf, len), len), failure);
          return;
        }
        len += n;
        int lastNewline = lastNewline(buf, len);
        if (skipping) {
          if (lastNewline < 0) {
            len = 0;
            continue;
          }
          int first = firstNewline(buf, len);
          line += 1;
          System.arraycopy(buf, first + 1, buf, 0, len - first - 1);
          len -= first + 1;
          skipping = false;
          lastNewline = lastNewline(buf, len);
        }
        if (len < buf.length) continue;
        if (lastNewline < 0) {
          if (buf.length >= MAX_LINE_BYTES) {
            errors.add(new BulkLineError(file.name(), line, "line longer than " + (MAX_LINE_BYTES >> 20)
                + " MiB; skipped"));
            skipping = true;
            len = 0;
          } else {
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
          continue;
        }
        byte[] block = Arrays.copyOf(buf, lastNewline + 1);
        put(queue, new Block(file, line, block, block.length), failure);
        line += count(block);
        System.arraycopy(buf, lastNewline + 1, buf, 0, len - lastNewline - 1);
        len -= lastNewline + 1;
        if (buf.length > BLOCK_BYTES && len < BLOCK_BYTES) buf = Arrays.copyOf(buf, BLOCK_BYTES);
      }
    }
  }

  /** Hands a block to the workers, giving up when one of them has failed (so the reader never waits forever). */
  private static void put(BlockingQueue<Block> queue, Block block, AtomicReference<Throwable> failure)
      throws InterruptedException {
    while (failure.get() == null) {
      if (queue.offer(block, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) return;
    }
  }

  private static int lastNewline(byte[] b, int len) {
    for (int i = len - 1; i >= 0; i--) if (b[i] == '\n') return i;
    return -1;
  }

  private static int firstNewline(byte[] b, int len) {
    for (int i = 0; i < len; i++) if (b[i] == '\n') return i;
    return -1;
  }

  private static long count(byte[] b) {
    long n = 0;
    for (byte x : b) if (x == '\n') n++;
    return n;
  }

  /** Triages blocks and writes routed lines to this worker's bucket parts. */
  private static final class Worker {
    private final int id;
    private final Path dir;
    private final OutputStream[] parts;
    private final ErrorLog errors;
    private final LongAdder lines;
    private final LongAdder routed;

    Worker(int id, Path dir, int buckets, ErrorLog errors, LongAdder lines, LongAdder routed) {
      this.id = id;
      this.dir = dir;
      this.parts = new OutputStream[buckets];
      this.errors = errors;
      this.lines = lines;
      this.routed = routed;
    }

    void run(BlockingQueue<Block> queue) throws IOException, InterruptedException {
      try {
        for (Block block = queue.take(); block != END; block = queue.take()) process(block);
      } finally {
        for (OutputStream o : parts) if (o != null) o.close();
      }
    }

    private void process(Block block) throws IOException {
      byte[] b = block.bytes();
      long line = block.firstLine();
      int start = 0;
      long n = 0;
      long ok = 0;
      while (start < block.length()) {
        int end = start;
        while (end < block.length() && b[end] != '\n') end++;
        int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
        n++;
        switch (LineTriage.triage(b, start, stop, block.file().type())) {
          case LineTriage.Routed r -> {
            BucketRecord.write(part(bucketOf(r.patientId(), parts.length)), r.patientId(), r.type(),
                block.file().index(), line, b, start, stop);
            ok++;
          }
          case LineTriage.Rejected r -> errors.add(new BulkLineError(block.file().name(), line, r.reason()));
          case LineTriage.Blank x -> { }
        }
        line++;
        start = end + 1;
      }
      lines.add(n);
      routed.add(ok);
    }

    private OutputStream part(int bucket) throws IOException {
      OutputStream o = parts[bucket];
      if (o == null) {
        o = new BufferedOutputStream(Files.newOutputStream(dir.resolve(partName(bucket, id))), 1 << 16);
        parts[bucket] = o;
      }
      return o;
    }
  }
}
