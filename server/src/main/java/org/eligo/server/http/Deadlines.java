package org.eligo.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs handlers on virtual threads with a time limit: a request that runs longer is answered with a 503 timeout
 * problem. No shared locks, so concurrent requests never wait on each other here.
 *
 * <p>A handler that overruns keeps running until it finishes (work on a virtual thread cannot be stopped safely), so
 * it gets a guarded view of the request: once the deadline has passed, everything it would write (status, headers,
 * body) is dropped and the timeout problem stands.
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
    AtomicBoolean expired = new AtomicBoolean();
    Context guarded = guard(ctx, expired);
    CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
      try {
        handler.handle(guarded);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, executor);
    return work.orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS).whenComplete((ok, failure) -> {
      if (failure != null) expired.set(true);
    });
  }

  /** The request as a handler sees it: after {@code expired}, calls that write (return the context or nothing) do nothing. */
  static Context guard(Context ctx, AtomicBoolean expired) {
    InvocationHandler calls = (proxy, method, args) -> {
      Class<?> returns = method.getReturnType();
      boolean writes = returns == void.class || Context.class.isAssignableFrom(returns);
      if (expired.get() && writes) return returns == void.class ? null : proxy;
      try {
        Object result = method.invoke(ctx, args);
        return result == ctx ? proxy : result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class}, calls);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
