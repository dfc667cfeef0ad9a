package org.eligo.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;

/**
 * One real registry (bundled trials, in a temporary directory) and one real server on a free port, shared by the test
 * classes of a run; plus a plain {@code java.net.http} client.
 */
public final class TestServers {
  public static final String ADMIN_TOKEN = "test-admin-token-7f3";
  private static Registry registry;
  private static Path dataDir;
  private static EligoServer server;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TestServers() {}

  public static synchronized Registry registry() {
    if (registry == null) {
      try {
        dataDir = Files.createTempDirectory("eligo-server-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      registry = Registry.open(RegistryConfig.embedded(dataDir));
      Runtime.getRuntime().addShutdownHook(new Thread(TestServers::shutdown));
    }
    return registry;
  }

  /** The registry's data directory (database and index). */
  public static synchronized Path dataDir() {
    registry();
    return dataDir;
  }

  public static synchronized EligoServer server() {
    if (server == null) {
      server = EligoServer.start(registry(), ServerConfig.defaults().withPort(0).withAdminToken(ADMIN_TOKEN))
          .awaitMatchingReady(java.time.Duration.ofMinutes(2));
    }
    return server;
  }

  public static String base() {
    return "http://127.0.0.1:" + server().port();
  }

  public static HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  public static HttpResponse<String> post(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A test resource as text. */
  public static String resource(String path) {
    try (InputStream in = TestServers.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void shutdown() {
    if (server != null) server.stop();
    if (registry != null) registry.close();
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // temporary directory; the OS cleans it up
      }
    }
  }
}
