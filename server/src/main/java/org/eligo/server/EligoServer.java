package org.eligo.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.eligo.referral.Referrals;
import org.eligo.registry.Registry;
import org.eligo.server.api.ApiRoutes;
import org.eligo.server.api.OpenApiRoutes;
import org.eligo.server.api.TrialLookup;
import org.eligo.server.fhir.FhirRoutes;
import org.eligo.server.http.AccessLog;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.Deadlines;
import org.eligo.server.http.ErrorResponses;
import org.eligo.server.http.HttpMetrics;
import org.eligo.server.http.ProblemType;
import org.eligo.server.staff.SecurityHeaders;
import org.eligo.server.staff.StaffArea;
import org.eligo.server.web.WebRoutes;

/**
 * The running Eligo web application and HTTP API on one registry: web pages, {@code /api/v1}, {@code /fhir},
 * health, readiness and metrics. Request handling takes no global lock; Jetty reads connections on virtual threads
 * and handlers run on a fixed pool of workers in arrival order ({@link Deadlines}).
 */
public final class EligoServer {
  private final Javalin app;
  private final Deadlines deadlines;
  private final List<RouteTable.Route> routes;
  private final Referrals referrals;
  private final Registry registry;

  private EligoServer(Javalin app, Deadlines deadlines, List<RouteTable.Route> routes, Referrals referrals,
                      Registry registry) {
    this.registry = registry;
    this.app = app;
    this.deadlines = deadlines;
    this.routes = routes;
    this.referrals = referrals;
  }

  /**
   * Why the server could not listen, in the operator's terms. Javalin reports every failure to bind as "Port already
   * in use", also for an address that does not exist or is not this machine's; the cause says which it was.
   */
  static String cannotListen(ServerConfig config, Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String where = config.host() + ":" + config.port();
    String message = String.valueOf(root.getMessage());
    String why;
    if (root instanceof java.nio.channels.UnresolvedAddressException
        || root instanceof java.net.UnknownHostException) {
      why = "no address is known by the name '" + config.host() + "' (--host takes an address of this machine, "
          + "e.g. 127.0.0.1, or 0.0.0.0 for every interface)";
    } else if (message.contains("Address already in use")) {
      why = "port " + config.port() + " is already in use (stop the other process, or choose another --port; "
          + "0 picks a free one)";
    } else if (message.contains("Cannot assign requested address")) {
      why = config.host() + " is not an address of this machine (use 127.0.0.1, or 0.0.0.0 for every interface)";
    } else if (message.contains("Permission denied")) {
      why = "permission denied (ports below 1024 need administrator rights; choose a higher --port)";
    } else {
      why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
    return "cannot listen on " + where + ": " + why;
  }

  /** Starts serving {@code registry}; returns once the port is bound. */
  public static EligoServer start(Registry registry, ServerConfig config) {
    Objects.requireNonNull(registry, "registry");
    return start(registry, config, StaffArea.referralsFromEnvironment(registry));
  }

  /** Starts serving {@code registry} with referrals (interest forms, staff area) from {@code referrals}. */
  public static EligoServer start(Registry registry, ServerConfig config, Referrals referrals) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(referrals, "referrals");
    TrialLookup lookup = new TrialLookup(registry);
    HttpMetrics metrics = new HttpMetrics();
    Deadlines deadlines = new Deadlines(config.requestTimeout(), config.workers());
    deadlines.bindTo(metrics.registry());
    WebRoutes web = new WebRoutes(lookup);
    ErrorResponses errors = new ErrorResponses(web::errorPage, config.maxRequestBytes());
    RouteTable[] table = new RouteTable[1];
    Javalin app = Javalin.create(c -> {
      configureHttp(c, config, metrics, errors);
      RouteTable routes = new RouteTable(c.routes);
      table[0] = routes;
      routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "UP")));
      routes.get("/ready", ctx -> ready(ctx, registry));
      routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(metrics.scrape()));
      new ApiRoutes(lookup, config).register(routes, deadlines);
      new OpenApiRoutes().register(routes);
      new FhirRoutes(registry).register(routes, deadlines);
      web.register(routes, deadlines);
      StaffArea.install(routes::get, routes::post, registry, referrals, registry::rulesChanged, Clock.systemUTC());
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(cannotListen(config, e), e);
    }
    registry.prepareMatching(); // compiled in the background; /ready says NOT READY until then
    return new EligoServer(app, deadlines, table[0].registered(), referrals, registry);
  }

  /**
   * The HTTP settings every Eligo server shares: host and port, body limits, virtual threads for connections, the
   * access log and metrics, one error format, size checks and security headers.
   */
  static void configureHttp(io.javalin.config.JavalinConfig c, ServerConfig config, HttpMetrics metrics,
                            ErrorResponses errors) {
    c.jetty.host = config.host();
    c.jetty.port = config.port();
    c.http.maxRequestSize = config.maxRequestBytes();
    c.http.prefer405over404 = true; // a known path with the wrong method says so (and which methods it takes)
    c.http.asyncTimeout = config.requestTimeout().toMillis() + 5_000;
    c.concurrency.useVirtualThreads = true;
    int inMemory = (int) Math.min(Integer.MAX_VALUE, config.maxRequestBytes());
    c.jetty.multipartConfig.maxFileSize(config.maxRequestBytes(), SizeUnit.BYTES);
    c.jetty.multipartConfig.maxTotalRequestSize(config.maxRequestBytes(), SizeUnit.BYTES);
    // Uploaded FHIR records stay in memory: nothing a person sends is written to disk.
    c.jetty.multipartConfig.maxInMemoryFileSize(inMemory, SizeUnit.BYTES);
    c.requestLogger.http((ctx, ms) -> {
      String route = ErrorResponses.routeOf(ctx);
      AccessLog.log(ctx, route, ms);
      metrics.record(ctx, route, ms);
    });
    c.routes.exception(Exception.class, errors::exception);
    c.routes.error(404, "*", errors::status);
    c.routes.error(405, "*", errors::status);
    c.routes.error(413, "*", errors::status);
    c.routes.error(500, "*", errors::status);
    c.routes.before(ctx -> rejectOversized(ctx, config.maxRequestBytes()));
    c.routes.before(SecurityHeaders::apply);
  }

  private static void rejectOversized(Context ctx, long limit) {
    String length = ctx.header("Content-Length");
    if (length == null) return;
    try {
      if (Long.parseLong(length.strip()) > limit) {
        throw new ApiProblem(ProblemType.CONTENT_TOO_LARGE, "The request body (" + length.strip()
            + " bytes) is larger than the " + limit + " bytes this server accepts.");
      }
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("Content-Length is not a number.");
    }
  }

  private static void ready(Context ctx, Registry registry) {
    int trials;
    try {
      trials = registry.trials().count();
    } catch (RuntimeException e) {
      throw new ApiProblem(ProblemType.NOT_READY, "The registry database is not reachable.");
    }
    if (!registry.matchingReady()) {
      boolean failedBefore = registry.matchingFailed();
      if (failedBefore) registry.prepareMatching(); // starts again
      throw new ApiProblem(ProblemType.NOT_READY, failedBefore
          ? "Compiling the trials' eligibility criteria failed (see the server's log); trying again."
          : "The trials' eligibility criteria are still being compiled (" + trials + " trials); matching is ready "
              + "in a moment.");
    }
    ctx.json(java.util.Map.of("status", "READY", "trials", trials));
  }

  /**
   * Waits until matching is ready (every trial's criteria compiled), as {@code /ready} then says.
   *
   * @throws IllegalStateException when it is not ready within {@code timeout}, or preparing it failed
   */
  public EligoServer awaitMatchingReady(java.time.Duration timeout) {
    try {
      registry.prepareMatching().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for matching to be ready", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("matching not ready within " + timeout, e);
    }
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** Every route served, method and path template (for checking the OpenAPI document). */
  public List<RouteTable.Route> routes() {
    return routes;
  }

  /** Stops serving; idempotent. */
  public void stop() {
    app.stop();
    deadlines.close();
    referrals.close();
  }
}
