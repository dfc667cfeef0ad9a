package org.eligo.server;

import io.javalin.Javalin;
import java.util.Objects;
import org.eligo.server.http.Deadlines;
import org.eligo.server.http.ErrorResponses;
import org.eligo.server.http.HttpMetrics;
import org.eligo.server.http.JsonBodies;

/**
 * What HTTP alone costs on this machine: a server with every HTTP setting of {@link EligoServer} (virtual threads
 * for connections, the workers and their time limit, the access log, metrics, size checks, security headers) whose
 * one route, {@code POST /api/v1/match}, checks the body as the real route does and answers the same bytes every
 * time, without matching. {@code eligo bench http} runs it beside the real server to show how much of a match
 * request's cost is HTTP's and what ceiling that puts on the server's throughput; {@code eligo serve} never starts
 * it.
 */
public final class FixedAnswerServer implements AutoCloseable {
  private final Javalin app;
  private final Deadlines deadlines;

  private FixedAnswerServer(Javalin app, Deadlines deadlines) {
    this.app = app;
    this.deadlines = deadlines;
  }

  /** Starts answering {@code answer} (JSON) to every match request; returns once the port is bound. */
  public static FixedAnswerServer start(ServerConfig config, byte[] answer) {
    Objects.requireNonNull(answer, "answer");
    HttpMetrics metrics = new HttpMetrics();
    Deadlines deadlines = new Deadlines(config.requestTimeout(), config.workers());
    ErrorResponses errors = new ErrorResponses((ctx, problem) -> ctx.status(problem.status()),
        config.maxRequestBytes());
    Javalin app = Javalin.create(c -> {
      EligoServer.configureHttp(c, config, metrics, errors);
      c.routes.post("/api/v1/match", deadlines.within(ctx -> {
        JsonBodies.requirePresent(ctx);
        ctx.contentType("application/json").result(answer);
      }));
    });
    app.start();
    return new FixedAnswerServer(app, deadlines);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    deadlines.close();
  }
}
