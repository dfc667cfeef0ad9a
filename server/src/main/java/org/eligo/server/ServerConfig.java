package org.eligo.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Eligo server listens: address, port, the largest request body it accepts and how long a request may run.
 *
 * @param host the address to bind (127.0.0.1 by default; 0.0.0.0 for every interface)
 * @param port the port, or 0 for a free one
 * @param maxRequestBytes the largest request body accepted; larger bodies are answered 413
 * @param requestTimeout how long one request may take before it is answered 503 (timeouts)
 * @param adminToken the bearer token that administrators send to import studies; null disables import
 * @param workers how many requests are worked on at once; the others wait their turn, first come first served
 */
public record ServerConfig(String host, int port, long maxRequestBytes, Duration requestTimeout, String adminToken,
                           int workers) {
  public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535: " + port);
    if (maxRequestBytes < 1) throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
    }
    if (adminToken != null && adminToken.isBlank()) adminToken = null;
    if (workers < 1) throw new IllegalArgumentException("workers must be at least 1: " + workers);
  }

  /**
   * One per processor, at least 2: matching is CPU work, so more requests at once only share the same cores and
   * stretch every answer. Measured on 2 cores under 32 clients (docs/benchmarks.md, 2026-12-06): 2 workers answered
   * about 1,950 matches a second, 3 or 4 workers about 1,500, 1 worker 1,280; the extra workers once meant to cover
   * database waits cost more than they covered, as matching never waits on the database.
   */
  public static int defaultWorkers() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /**
   * 127.0.0.1:8080, 10 MB bodies, 30 s per request, the admin token from the environment (ELIGO_ADMIN_TOKEN),
   * {@link #defaultWorkers()} workers.
   */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_REQUEST_TIMEOUT,
        System.getenv("ELIGO_ADMIN_TOKEN"), defaultWorkers());
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, maxRequestBytes, requestTimeout, adminToken, workers);
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, maxRequestBytes, requestTimeout, adminToken, workers);
  }

  public ServerConfig withMaxRequestBytes(long value) {
    return new ServerConfig(host, port, value, requestTimeout, adminToken, workers);
  }

  public ServerConfig withRequestTimeout(Duration value) {
    return new ServerConfig(host, port, maxRequestBytes, value, adminToken, workers);
  }

  public ServerConfig withAdminToken(String value) {
    return new ServerConfig(host, port, maxRequestBytes, requestTimeout, value, workers);
  }

  public ServerConfig withWorkers(int value) {
    return new ServerConfig(host, port, maxRequestBytes, requestTimeout, adminToken, value);
  }
}
