package org.eligo.screening.population;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.eligo.terminology.Terminology;

/**
 * Writes a synthetic population as FHIR Bulk Data NDJSON ({@code Patient.ndjson}, {@code Observation.ndjson}, ...).
 * Patients are simulated in parallel in chunks and written in patient order, so the files depend only on the seed
 * and the as-of date, never on the number of threads; memory stays flat whatever the population size.
 */
public final class PopulationGenerator {
  private static final int CHUNK = 2_000;

  /**
   * What was written.
   *
   * @param resources lines written per {@link ResourceType}, in ordinal order
   */
  public record Summary(Path dir, long patients, long[] resources, long bytes, Duration elapsed) {
    public long totalResources() {
      long sum = 0;
      for (long n : resources) sum += n;
      return sum;
    }

    public double patientsPerSecond() {
      return patients / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
  }

  private PopulationGenerator() {}

  /** Writes the population with one thread per available core. */
  public static Summary write(PopulationSpec spec) {
    return write(spec, Runtime.getRuntime().availableProcessors());
  }

  public static Summary write(PopulationSpec spec, int threads) {
    long started = System.nanoTime();
    PatientSimulator simulator = new PatientSimulator(new Codings(Terminology.load()), spec.asOf());
    ResourceType[] types = ResourceType.values();
    long[] counts = new long[types.length];
    long bytes = 0;
    try {
      Files.createDirectories(spec.out());
      OutputStream[][] files = open(spec, types);
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
        Thread t = new Thread(r, "population-generator");
        t.setDaemon(true);
        return t;
      });
      try {
        long chunks = (spec.patients() + CHUNK - 1) / CHUNK;
        Deque<Future<byte[][]>> pending = new ArrayDeque<>();
        long submitted = 0;
        for (long written = 0; written < chunks; written++) {
          while (submitted < chunks && pending.size() < 2 * Math.max(1, threads)) {
            long from = submitted * CHUNK;
            long to = Math.min(spec.patients(), from + CHUNK);
            pending.add(pool.submit(() -> simulate(simulator, spec.seed(), from, to, types.length)));
            submitted++;
          }
          byte[][] chunk = pending.removeFirst().get();
          int file = (int) (written * spec.filesPerType() / chunks);
          for (int t = 0; t < types.length; t++) {
            files[t][file].write(chunk[t]);
            bytes += chunk[t].length;
            counts[t] += lines(chunk[t]);
          }
        }
      } finally {
        pool.shutdownNow();
        for (OutputStream[] perType : files) for (OutputStream o : perType) o.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the population", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("population generation failed: " + e.getCause(), e.getCause());
    }
    return new Summary(spec.out(), spec.patients(), counts, bytes, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The file name of part {@code part} of a type. */
  public static String fileName(ResourceType type, int part, PopulationSpec spec) {
    String base = spec.filesPerType() == 1 ? type.name() : type.name() + "." + String.format("%03d", part);
    return base + (spec.gzip() ? ".ndjson.gz" : ".ndjson");
  }

  private static OutputStream[][] open(PopulationSpec spec, ResourceType[] types) throws IOException {
    OutputStream[][] files = new OutputStream[types.length][spec.filesPerType()];
    for (int t = 0; t < types.length; t++) {
      for (int p = 0; p < spec.filesPerType(); p++) {
        OutputStream raw = Files.newOutputStream(spec.out().resolve(fileName(types[t], p, spec)));
        files[t][p] = spec.gzip() ? new FastGzip(raw) : new BufferedOutputStream(raw, 1 << 20);
      }
    }
    return files;
  }

  private static byte[][] simulate(PatientSimulator simulator, long seed, long from, long to, int typeCount) {
    StringBuilder[] out = new StringBuilder[typeCount];
    for (int t = 0; t < typeCount; t++) out[t] = new StringBuilder(1 << 16);
    for (long i = from; i < to; i++) simulator.write(i + 1, seed, out);
    byte[][] bytes = new byte[typeCount][];
    for (int t = 0; t < typeCount; t++) bytes[t] = out[t].toString().getBytes(StandardCharsets.UTF_8);
    return bytes;
  }

  private static long lines(byte[] bytes) {
    long n = 0;
    for (byte b : bytes) if (b == '\n') n++;
    return n;
  }

  /** Gzip at the fastest level, buffered. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(new BufferedOutputStream(out, 1 << 20), 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
