package org.eligo.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eligo.registry.Registry;
import org.eligo.server.EligoServer;
import org.eligo.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eligo serve}: the web application and HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Starts the web application and HTTP API on the registry (the bundled trials load on first "
        + "start). Stop it with Ctrl-C.", "", "Examples:", "  eligo serve", "  eligo serve --port 9090 --host 0.0.0.0",
        "  eligo serve --access-log /var/log/eligo/access.log",
        "  eligo --db jdbc:postgresql://db/eligo serve"})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--workers", paramLabel = "N", description = "Requests worked on at once; the rest wait their turn "
      + "in arrival order (default: one per processor, at least 2).")
  Integer workers;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "How long a request may "
      + "take, waiting for a worker included, before it is answered 503 (default: ${DEFAULT-VALUE}; e.g. 500ms, 10s, "
      + "2m).")
  String timeout;

  @Option(names = "--access-log", paramLabel = "FILE", defaultValue = "-", description = "Where to write the access "
      + "log, one JSON line per request (time, method, route, status, duration, size; never patient data): a file "
      + "(appended to), - for standard error, or off (default: ${DEFAULT-VALUE}).")
  String accessLog;

  /** 500ms, 10s, 2m (a number alone is seconds). */
  static java.time.Duration duration(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?").matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new Problems.UserError("--timeout takes a duration such as 500ms, 10s or 2m, not '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    java.time.Duration limit = switch (unit) {
      case "ms" -> java.time.Duration.ofMillis(n);
      case "m" -> java.time.Duration.ofMinutes(n);
      default -> java.time.Duration.ofSeconds(n);
    };
    if (limit.compareTo(java.time.Duration.ofHours(24)) > 0) {
      throw new Problems.UserError("--timeout must be at most 24 hours, not '" + text + "'");
    }
    return limit;
  }

  @Override
  public Integer call() throws Exception {
    ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port).withRequestTimeout(duration(timeout));
    if (workers != null) {
      if (workers < 1) throw new Problems.UserError("--workers must be at least 1");
      config = config.withWorkers(workers);
    }
    AutoCloseable accessLines = AccessLogOutput.to(accessLog);
    Registry registry = RegistryOptions.open(spec);
    EligoServer server = EligoServer.start(registry, config);
    spec.commandLine().getOut().println("Eligo is running at http://" + (host.equals("0.0.0.0") ? "localhost" : host)
        + ":" + server.port() + "/  (Ctrl-C to stop)");
    spec.commandLine().getOut().flush();
    // The server compiles every trial's criteria in the background (/ready says NOT READY until then).
    long start = System.nanoTime();
    registry.prepareMatching().whenComplete((done, failed) -> {
      if (failed != null) {
        // the cause's message only: a stored rule set's or record's content is not printed
        spec.commandLine().getErr().println("Compiling the trials' criteria failed (" + failed.getClass().getSimpleName()
            + "); /ready says NOT READY and tries again.");
        spec.commandLine().getErr().flush();
        return;
      }
      spec.commandLine().getOut().printf("Criteria of %,d trials ready for matching (%.1f s)%n",
          registry.candidates().size(), (System.nanoTime() - start) / 1e9);
      spec.commandLine().getOut().flush();
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      registry.close();
      try {
        accessLines.close();
      } catch (Exception e) {
        // the last access lines could not be flushed; nothing else to do on the way out
      }
      stopped.countDown();
    }, "eligo-shutdown"));
    stopped.await();
    return ExitCode.OK;
  }
}
