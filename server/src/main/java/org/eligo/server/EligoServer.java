package org.eligo.server;

import io.javalin.Javalin;
import java.util.Objects;
import org.eligo.registry.Registry;

/** The running Eligo web application and HTTP API on one registry. */
public final class EligoServer {
  private final Javalin app;

  private EligoServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving {@code registry}; returns once the port is bound. */
  public static EligoServer start(Registry registry, ServerConfig config) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(config, "config");
    Javalin app = Javalin.create(c -> {
      c.jetty.host = config.host();
      c.jetty.port = config.port();
      c.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "UP")));
    });
    app.start();
    return new EligoServer(app);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** Stops serving; idempotent. */
  public void stop() {
    app.stop();
  }
}
