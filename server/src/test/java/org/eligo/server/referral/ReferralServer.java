package org.eligo.server.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.referral.ReferralSettings;
import org.eligo.referral.Referrals;
import org.eligo.referral.outbox.Backoff;
import org.eligo.referral.outbox.ForwarderSettings;
import org.eligo.referral.outbox.SmtpSettings;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.server.EligoServer;
import org.eligo.server.ServerConfig;

/**
 * A real Eligo server with referrals for the referral and staff HTTP tests: bundled registry in a temporary
 * directory, referrals forwarding to {@code smtpPort} on loopback (tests drain the outbox themselves), cheapest
 * bcrypt, and a plain HTTP client that keeps no cookies (tests pass them explicitly).
 */
public final class ReferralServer implements AutoCloseable {

  public static final String OWN = "NCT02979873";
  public static final String OTHER = "NCT03364764";

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  public final Registry registry;
  public final Referrals referrals;
  public final EligoServer server;
  private final Path dir;

  public ReferralServer(int smtpPort) {
    this(smtpPort, 10);
  }

  /** @param formsPerClient the per-client form limit (per 10 minutes) */
  public ReferralServer(int smtpPort, int formsPerClient) {
    try {
      dir = Files.createTempDirectory("eligo-referral-http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry = Registry.open(RegistryConfig.embedded(dir));
    ForwarderSettings forwarder = new ForwarderSettings("http-test", Duration.ofMinutes(2), 50,
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)), 5, Duration.ofSeconds(1));
    referrals = new Referrals(registry.database(), new ReferralSettings(
        Optional.of(SmtpSettings.plain("127.0.0.1", smtpPort, "referrals@eligo.example")),
        URI.create("https://eligo.example"), forwarder, Optional.empty(), Duration.ofHours(8), 4, formsPerClient), Clock.systemUTC());
    server = EligoServer.start(registry, ServerConfig.defaults().withPort(0), referrals)
        .awaitMatchingReady(java.time.Duration.ofMinutes(2));
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  public HttpResponse<String> postForm(String path, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.build());
  }

  public HttpResponse<String> postForm(String path, String body, String... headers) {
    return postForm(path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** The value of cookie {@code name} set by {@code response}, or null. */
  public static String cookie(HttpResponse<?> response, String name) {
    for (String set : response.headers().allValues("Set-Cookie")) {
      if (set.startsWith(name + "=")) return set.substring(name.length() + 1, set.indexOf(';'));
    }
    return null;
  }

  /** The whole Set-Cookie header for {@code name}, or null. */
  public static String setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith(name + "=")).findFirst()
        .orElse(null);
  }

  public static String csrfField(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) throw new AssertionError("no csrf field in page");
    return m.group(1);
  }

  /** Percent-encodes name/value pairs as a form body. */
  public static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (b.length() > 0) b.append('&');
      b.append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  public static List<String> list(String... values) {
    return List.of(values);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    registry.close();
    // the registry holds the interest forms the tests sent: leave no copy in the temporary directory
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
