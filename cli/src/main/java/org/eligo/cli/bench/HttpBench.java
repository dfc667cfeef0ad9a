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
import org.eligo.cli.AccessLogOutput;
import org.eligo.ctgov.synthetic.SyntheticRegistryWriter;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.match.MatchJson;
import org.eligo.registry.match.MatchRequest;
import org.eligo.server.EligoServer;
import org.eligo.server.FixedAnswerServer;
import org.eligo.server.ServerConfig;

/**
 * {@code POST /api/v1/match} under load on loopback, beside the same matches run in-process in the same run: a
 * registry of N generated trials, C concurrent clients, the same patient each time; in-process a bounded number of
 * matches, over HTTP a bounded run of {@link WrkLoad wrk} (or Java's HttpClient in this JVM when wrk is missing).
 * Prints p50/p99 latency and sustained requests per second for both.
 */
public final class HttpBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpBench() {}

  /** Which load generator sends the HTTP requests. */
  public enum Client {
    /** wrk in its own process (when installed). */
    WRK,
    /** Java's HttpClient on 32 threads in this JVM: heavier than the server on two cores. */
    JAVA
  }

  /** What one run measures: see {@code eligo bench http --help}. */
  public record Options(int trials, int clients, int requests, Integer limit, Client client, int seconds, int workers,
                        int rounds, Path work) {}

  public static void run(Options o, PrintWriter out) throws Exception {
    Path registryDir = prepare(o.trials(), o.work(), out);
    String bundle = sampleBundle();
    LocalDate asOf = LocalDate.of(2026, 1, 15);
    try (Registry registry = Registry.open(RegistryConfig.embedded(registryDir))) {
      long compile = System.nanoTime();
      int candidates = registry.candidates().size();
      out.printf("registry: %,d trials with compiled criteria (compiled in %.1f s)%n", candidates,
          (System.nanoTime() - compile) / 1e9);
      // The server writes its access log as `eligo serve` does, to a file here rather than into these figures.
      Path accessLog = o.work().resolve("access.log");
      Files.deleteIfExists(accessLog);
      AutoCloseable accessLines = AccessLogOutput.to(accessLog.toString());
      out.printf("access log: %s; server workers: %d%n", accessLog, o.workers());
      EligoServer server = EligoServer.start(registry, ServerConfig.defaults().withPort(0).withWorkers(o.workers()))
          .awaitMatchingReady(java.time.Duration.ofMinutes(10));
      try {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/match?asOf=" + asOf
            + (o.limit() == null ? "" : "&limit=" + o.limit()));
        int explained = o.limit() == null ? MatchJson.DEFAULT_LIMIT : o.limit();
        Task inProcess = () -> JSON.writeValueAsBytes(MatchJson.write(registry.match(new MatchRequest(bundle,
            List.of(), false, asOf)), explained)).length;
        Phase overHttp = o.client() == Client.WRK ? wrk(uri, bundle, o, out) : javaClient(uri, bundle, o, out);
        // In-process matches run on as many threads as the server has workers, so both sides match on the same number
        // of threads: more only share the same cores (32 threads on 2 cores gave 1,500-4,700 matches/s from run to
        // run; 4 threads about 6,500, steadily).
        int threads = o.workers();
        List<Double> ratios = new ArrayList<>();
        List<Double> inProcessRates = new ArrayList<>();
        for (int round = 1; round <= o.rounds(); round++) {
          // Each phase is measured right after its own warm-up: run between the HTTP warm-up and its measurement,
          // the in-process phase made the JIT recompile hundreds of methods of the HTTP path during the first
          // seconds of that measurement (-XX:+PrintCompilation), which counted against the server. Later rounds
          // warm up for a quarter of the time: the code is compiled by then, only the switch is left to settle.
          int warmUp = round == 1 ? o.seconds() : Math.max(1, o.seconds() / 4);
          String label = o.rounds() == 1 ? "" : " (round " + round + ")";
          measure("warm-up in-process", inProcess, threads, o.requests(), warmUp, null);
          Figures process = measure("in-process" + label, inProcess, threads, o.requests(), o.seconds(), out);
          Figures network = overHttp.run(warmUp, label);
          double ratio = network.perSecond() / process.perSecond();
          out.printf("http/in-process throughput%s: %.2f%n", label, ratio);
          ratios.add(ratio);
          inProcessRates.add(process.perSecond());
        }
        if (o.rounds() > 1) {
          out.printf("http/in-process throughput, median of %d rounds: %.2f (rounds: %s)%n", o.rounds(),
              median(ratios), ratios.stream().map(r -> String.format("%.2f", r)).toList());
        }
        if (o.client() == Client.WRK) {
          httpAlone(o, bundle, JSON.writeValueAsBytes(MatchJson.write(registry.match(new MatchRequest(bundle,
              List.of(), false, asOf)), explained)), median(inProcessRates), out);
        }
      } finally {
        server.stop();
        accessLines.close();
      }
    }
  }

  /** One HTTP phase: a warm-up of the given seconds, then the measured run. */
  private interface Phase {
    Figures run(int warmUpSeconds, String label) throws Exception;
  }

  private static Phase wrk(URI uri, String bundle, Options o, PrintWriter out) {
    return (warmUp, label) -> {
      WrkLoad.post(uri, bundle, "application/fhir+json", o.clients(), warmUp, o.work());
      WrkLoad.Result r = WrkLoad.post(uri, bundle, "application/fhir+json", o.clients(), o.seconds(), o.work());
      out.printf("%-10s %,d requests, %d clients (wrk, %d s): p50 %.1f ms, p99 %.1f ms, %.0f requests/s, "
          + "%.0f kB/answer%s%n", "http" + label, r.requests(), o.clients(), o.seconds(), r.p50Ms(), r.p99Ms(),
          r.perSecond(), r.bytes() / 1e3 / Math.max(1, r.requests()),
          r.errors() == 0 ? "" : ", " + r.errors() + " ERRORS");
      if (r.errors() > 0) throw new IllegalStateException(r.errors() + " requests failed under load");
      return new Figures(r.p50Ms(), r.p99Ms(), r.perSecond());
    };
  }

  private static Phase javaClient(URI uri, String bundle, Options o, PrintWriter out) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
    Task request = () -> {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/fhir+json")
          .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode());
      return r.body().length;
    };
    return (warmUp, label) -> {
      measure("warm-up http", request, o.clients(), o.requests(), warmUp, null);
      return measure("http" + label, request, o.clients(), o.requests(), o.seconds(), out);
    };
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The same request against {@link FixedAnswerServer}: every HTTP setting of the real server, the same answer bytes,
   * no matching. If a request costs the machine 1/inProcess for matching and 1/alone for HTTP, the server can at best
   * answer 1/(1/inProcess + 1/alone) a second, so http/in-process cannot exceed alone/(alone + inProcess).
   */
  private static void httpAlone(Options o, String bundle, byte[] answer, double inProcessPerSecond,
                                PrintWriter out) throws IOException, InterruptedException {
    ServerConfig config = ServerConfig.defaults().withPort(0).withWorkers(o.workers());
    try (FixedAnswerServer alone = FixedAnswerServer.start(config, answer)) {
      URI uri = URI.create("http://127.0.0.1:" + alone.port() + "/api/v1/match");
      WrkLoad.post(uri, bundle, "application/fhir+json", o.clients(), Math.min(o.seconds(), 10), o.work());
      WrkLoad.Result r = WrkLoad.post(uri, bundle, "application/fhir+json", o.clients(), o.seconds(), o.work());
      if (r.errors() > 0) throw new IllegalStateException(r.errors() + " requests failed under load");
      out.printf("%-10s %,d requests, %d clients (wrk, %d s): p50 %.1f ms, p99 %.1f ms, %.0f requests/s "
          + "(the same request answered with the same %.0f kB, without matching: HTTP's own cost)%n", "http alone",
          r.requests(), o.clients(), o.seconds(), r.p50Ms(), r.p99Ms(), r.perSecond(), answer.length / 1e3);
      out.printf("ceiling that HTTP's own cost puts on http/in-process: %.2f%n",
          r.perSecond() / (r.perSecond() + inProcessPerSecond));
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

  /** Runs {@code task} from {@code clients} threads until {@code requests} are done or {@code seconds} have passed. */
  private static Figures measure(String name, Task task, int clients, int requests, int seconds, PrintWriter out)
      throws Exception {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
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
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] done = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    Figures f = new Figures(done[done.length / 2] / 1e6, done[(int) Math.min(done.length - 1,
        Math.ceil(done.length * 0.99) - 1)] / 1e6, done.length / elapsed);
    if (out != null) {
      out.printf("%-10s %,d requests, %d threads: p50 %.1f ms, p99 %.1f ms, %.0f requests/s, %.0f kB/answer%n",
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
