package org.eligo.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from <a href="https://github.com/wg/wrk">wrk</a>, a C load generator (Debian package {@code wrk}), in its own
 * process: a fixed number of connections POSTing the same body for a fixed time. A load generator written in Java
 * and run in the server's JVM costs more CPU per request than the server itself on two cores, so it measures itself.
 */
final class WrkLoad {
  private static final Pattern FIGURES = Pattern.compile("eligo-wrk requests=(\\d+) duration_us=(\\d+) "
      + "p50_us=(\\d+) p99_us=(\\d+) bytes=(\\d+) errors=(\\d+)");

  private WrkLoad() {}

  /** What one run measured. */
  record Result(long requests, double seconds, double p50Ms, double p99Ms, long bytes, long errors) {
    double perSecond() {
      return requests / seconds;
    }
  }

  /** True when {@code wrk} is on the PATH. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** POSTs {@code body} to {@code uri} from {@code connections} connections for {@code seconds}. */
  static Result post(URI uri, String body, String contentType, int connections, int seconds, Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path bodyFile = work.resolve("wrk-body.json");
    Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
    Path script = work.resolve("wrk-post.lua");
    Files.writeString(script, """
        local f = assert(io.open("%s", "rb"))
        wrk.method = "POST"
        wrk.body = f:read("*a")
        f:close()
        wrk.headers["Content-Type"] = "%s"
        done = function(summary, latency, requests)
          local errors = summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.status + summary.errors.timeout
          io.write(string.format("eligo-wrk requests=%%d duration_us=%%d p50_us=%%d p99_us=%%d bytes=%%d errors=%%d\\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.bytes, errors))
        end
        """.formatted(bodyFile.toAbsolutePath().toString().replace("\\", "\\\\"), contentType),
        StandardCharsets.UTF_8);
    int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
    Process p = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--timeout", "30s", "-s", script.toString(), uri.toString())).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("wrk did not stop");
    }
    Matcher m = FIGURES.matcher(output);
    if (p.exitValue() != 0 || !m.find()) throw new IOException("wrk failed (exit " + p.exitValue() + "): " + output);
    return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)) / 1e3,
        Long.parseLong(m.group(4)) / 1e3, Long.parseLong(m.group(5)), Long.parseLong(m.group(6)));
  }
}
