package org.eligo.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eligo.ctgov.synthetic.SyntheticRegistryWriter;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.match.MatchJson;
import org.eligo.registry.match.MatchRequest;
import org.eligo.server.EligoServer;
import org.eligo.server.ServerConfig;

/**
 * {@code POST /api/v1/match} under load on loopback, beside the same matches run in-process in the same run: a
 * registry of N generated trials, C concurrent clients, a bounded number of requests (and a time cap), the same
 * patient each time. Prints p50/p99 latency and sustained requests per second for both.
 */
public final class HttpBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpBench() {}

  public static void run(int trials, int clients, int requests, Path work, PrintWriter out) throws Exception {
    Path registryDir = prepare(trials, work, out);
    String bundle = sampleBundle();
    LocalDate asOf = LocalDate.of(2026, 1, 15);
    try (Registry registry = Registry.open(RegistryConfig.embedded(registryDir))) {
      long compile = System.nanoTime();
      int candidates = registry.candidates().size();
      out.printf("registry: %,d trials with compiled criteria (compiled in %.1f s)%n", candidates,
          (System.nanoTime() - compile) / 1e9);
      EligoServer server = EligoServer.start(registry, ServerConfig.defaults().withPort(0));
      try {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/match?asOf=" + asOf + "&limit=50");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
        Task overHttp = () -> {
          HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/fhir+json")
              .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode());
          return r.body().length;
        };
        Task inProcess = () -> JSON.writeValueAsBytes(MatchJson.write(registry.match(new MatchRequest(bundle,
            List.of(), false, asOf)), 50)).length;
        measure("warm-up in-process", inProcess, clients, Math.max(50, requests / 10), null);
        measure("warm-up http", overHttp, clients, Math.max(50, requests / 10), null);
        Figures process = measure("in-process", inProcess, clients, requests, out);
        Figures network = measure("http", overHttp, clients, requests, out);
        out.printf("http/in-process throughput: %.2f%n", network.perSecond() / process.perSecond());
      } finally {
        server.stop();
      }
    }
  }

  private static Path prepare(int trials, Path work, PrintWriter out) throws IOException {
    Path registryDir = work.resolve("http-registry-" + trials);
    if (Files.exists(registryDir.resolve("DONE"))) return registryDir;
    Path studies = work.resolve("http-trials-" + trials);
    if (!Files.exists(studies.resolve("DONE"))) {
      SyntheticRegistryWriter.write(studies, trials, 7);
      Files.writeString(studies.resolve("DONE"), "ok");
    }
    try (Registry registry = Registry.open(RegistryConfig.embedded(registryDir))) {
      out.printf("importing %,d generated trials: %s%n", trials,
          registry.importPaths(List.of(studies), ImportListener.NONE).summary());
    }
    Files.writeString(registryDir.resolve("DONE"), "ok");
    return registryDir;
  }

  /** One request: returns the size of the answer. */
  private interface Task {
    int run() throws Exception;
  }

  private record Figures(double p50Ms, double p99Ms, double perSecond) {}

  private static Figures measure(String name, Task task, int clients, int requests, PrintWriter out)
      throws Exception {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    long start = System.nanoTime();
    long bytes;
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<Long>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(pool.submit(() -> {
          long size = 0;
          int i;
          while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            size += task.run();
            latencies[i] = System.nanoTime() - t;
          }
          return size;
        }));
      }
      bytes = 0;
      for (Future<Long> w : workers) bytes += w.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] done = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    Figures f = new Figures(done[done.length / 2] / 1e6, done[(int) Math.min(done.length - 1,
        Math.ceil(done.length * 0.99) - 1)] / 1e6, done.length / seconds);
    if (out != null) {
      out.printf("%-10s %,d requests, %d clients: p50 %.1f ms, p99 %.1f ms, %.0f requests/s, %.0f kB/answer%n",
          name, done.length, clients, f.p50Ms(), f.p99Ms(), f.perSecond(), bytes / 1e3 / done.length);
    }
    return f;
  }

  private static String sampleBundle() throws IOException {
    try (InputStream in = HttpBench.class.getResourceAsStream("/org/eligo/cli/bench/patient.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
