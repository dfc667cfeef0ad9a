package org.eligo.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs handlers on virtual threads with a time limit: a request that runs longer is answered with a 503 timeout
 * problem. No shared locks, so concurrent requests never wait on each other here.
 */
public final class Deadlines implements AutoCloseable {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Duration limit;

  public Deadlines(Duration limit) {
    this.limit = limit;
  }

  /** {@code handler}, answered within the limit or with a timeout problem. */
  public Handler within(Handler handler) {
    return ctx -> ctx.future(() -> run(ctx, handler));
  }

  private CompletableFuture<Void> run(Context ctx, Handler handler) {
    return CompletableFuture.runAsync(() -> {
      try {
        handler.handle(ctx);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, executor).orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
