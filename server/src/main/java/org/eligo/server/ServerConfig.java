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
 */
public record ServerConfig(String host, int port, long maxRequestBytes, Duration requestTimeout, String adminToken) {
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
  }

  /** 127.0.0.1:8080, 10 MB bodies, 30 s per request, the admin token from the environment (ELIGO_ADMIN_TOKEN). */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_REQUEST_TIMEOUT,
        System.getenv("ELIGO_ADMIN_TOKEN"));
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, maxRequestBytes, requestTimeout, adminToken);
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, maxRequestBytes, requestTimeout, adminToken);
  }

  public ServerConfig withMaxRequestBytes(long value) {
    return new ServerConfig(host, port, value, requestTimeout, adminToken);
  }

  public ServerConfig withRequestTimeout(Duration value) {
    return new ServerConfig(host, port, maxRequestBytes, value, adminToken);
  }

  public ServerConfig withAdminToken(String value) {
    return new ServerConfig(host, port, maxRequestBytes, requestTimeout, value);
  }
}
