package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo serve} as an operator runs it: its own JVM, stopped with SIGTERM. The access log gets one JSON line per
 * request (to a file, or to standard error by default), and a recognisable patient name sent for matching appears in
 * neither.
 */
class ServeCommandTest {
  private static final Pattern RUNNING = Pattern.compile("running at (http://\\S+?)/ ");
  private static final String MARKER = "Quorrabeth";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void writesOneJsonLinePerRequestToTheAccessLogFileAndNoPatientData() throws Exception {
    Path log = dir.resolve("access.log");
    Served served = serve(log, "--access-log", log.toString());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      assertThat(line).doesNotContain(MARKER);
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(3);
    assertThat(lines).extracting(l -> l.path("route").asText())
        .containsExactlyInAnyOrder("/health", "/api/v1/match", "/api/v1/studies/{nctId}");
    for (JsonNode l : lines) {
      assertThat(l.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(l.path("status").asInt()).isEqualTo(200);
      assertThat(l.has("durationMs")).isTrue();
    }
    JsonNode match = lines.stream().filter(l -> l.path("route").asText().equals("/api/v1/match")).findFirst()
        .orElseThrow();
    assertThat(match.path("bytes").asLong()).as("a streamed answer's size is logged too").isGreaterThan(1_000);
    assertThat(served.err).doesNotContain(MARKER).doesNotContain("\"route\"");
  }

  @Test
  void writesTheAccessLogToStandardErrorByDefault() throws Exception {
    Served served = serve(null);
    List<String> access = served.err.lines().filter(l -> l.startsWith("{")).toList();
    assertThat(access).hasSize(3).allSatisfy(l -> assertThat(JSON.readTree(l).has("route")).isTrue());
    assertThat(served.err).doesNotContain(MARKER);
    assertThat(served.out).doesNotContain(MARKER);
  }

  private record Served(String out, String err) {}

  /**
   * Starts {@code eligo serve} in a new JVM, sends three requests, waits for their lines in {@code awaitLog} (when
   * given), stops it with SIGTERM.
   */
  private Served serve(Path awaitLog, String... options) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        EligoMain.class.getName(), "--data", dir.resolve("data").toString(), "serve", "--port", "0"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    StringBuilder out = new StringBuilder();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String base = null;
      for (String line; base == null && (line = reader.readLine()) != null; ) {
        out.append(line).append('\n');
        Matcher m = RUNNING.matcher(line);
        if (m.find()) base = m.group(1);
      }
      assertThat(base).as("serve printed its address; stderr: %s", err.getNow("")).isNotNull();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String bundle = readAll(ServeCommandTest.class.getResourceAsStream("/org/eligo/cli/bench/patient.json"))
          .replace("\"id\": \"bench\",", "\"id\": \"bench\", \"name\": [{\"family\": \"" + MARKER + "\"}],");
      assertThat(bundle).contains(MARKER);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      HttpResponse<String> match = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/match?asOf=2025-06-01"))
          .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(bundle)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(match.statusCode()).as(match.body()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/studies/NCT03364764")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      // SIGTERM (through the handle: Process.destroy would also close the pipes still being read); the shutdown
      // hook stops the server and flushes the access log.
      if (awaitLog != null) {
        // Buffered lines reach the file within about a second, while the server keeps running.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lines(awaitLog) < 3 && System.nanoTime() < until) Thread.sleep(100);
        assertThat(lines(awaitLog)).as("access lines flushed while serving").isEqualTo(3);
      }
      process.toHandle().destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      for (String line; (line = reader.readLine()) != null; ) out.append(line).append('\n');
    } finally {
      process.destroyForcibly();
    }
    return new Served(out.toString(), err.get(30, TimeUnit.SECONDS));
  }

  private static long lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
