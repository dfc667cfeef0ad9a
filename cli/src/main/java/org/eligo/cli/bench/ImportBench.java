package org.eligo.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.ctgov.synthetic.SyntheticRegistryWriter;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.imports.ImportReport;

/**
 * Import throughput against plain Jackson parsing of the same files, in one run: generates N studies (once per
 * size and seed), parses every file with Jackson's {@code readTree}, then imports them into a fresh embedded
 * registry, sampling the heap.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void run(int count, long seed, Path work, PrintWriter out) throws IOException {
    Path trials = work.resolve("trials-" + count + "-" + seed);
    if (!Files.exists(trials.resolve("DONE"))) {
      out.printf("generating %,d studies into %s%n", count, trials);
      SyntheticRegistryWriter.write(trials, count, seed);
      Files.writeString(trials.resolve("DONE"), "ok");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(trials)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    long bytes = 0;
    for (Path f : files) bytes += Files.size(f);
    double mb = bytes / 1e6;

    ObjectMapper mapper = new ObjectMapper();
    long t0 = System.nanoTime();
    long nodes = 0;
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        nodes += mapper.readTree(in).size();
      }
    }
    double jacksonSeconds = (System.nanoTime() - t0) / 1e9;

    Path registryDir = work.resolve("registry-" + count + "-" + System.nanoTime());
    ImportReport report;
    double importSeconds;
    double peakUsed;
    double peakLive;
    try (Registry registry = Registry.open(RegistryConfig.embedded(registryDir));
         HeapSampler heap = new HeapSampler()) {
      long t1 = System.nanoTime();
      report = registry.importPaths(List.of(trials), ImportListener.NONE);
      importSeconds = (System.nanoTime() - t1) / 1e9;
      peakUsed = heap.peakUsedMb();
      peakLive = heap.peakLiveMb();
    }
    out.printf("studies: %,d files, %.1f MB (%d top-level fields read)%n", files.size(), mb, nodes);
    out.printf("jackson readTree: %.2f s, %.1f MB/s, %,.0f studies/s%n", jacksonSeconds, mb / jacksonSeconds,
        files.size() / jacksonSeconds);
    out.printf("eligo import:     %.2f s, %.1f MB/s, %,.0f studies/s (%s)%n", importSeconds, mb / importSeconds,
        files.size() / importSeconds, report.summary());
    out.printf("import/jackson throughput: %.2f%n", jacksonSeconds / importSeconds);
    out.printf("heap: max %.0f MB, peak used %.0f MB, peak live after GC %.0f MB%n", HeapSampler.maxHeapMb(),
        peakUsed, peakLive);
  }
}
