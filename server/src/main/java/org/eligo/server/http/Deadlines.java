package org.eligo.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs handlers on a fixed number of workers, first come first served, with a time limit: a request not answered
 * within it (waiting included) gets a 503 timeout problem, and one whose time ran out while it waited is not started.
 *
 * <p>Why a fixed pool and not a virtual thread per request: matching is CPU work that never blocks, and the virtual
 * thread scheduler does not serve such work in arrival order, so under load a few requests waited ten times longer
 * than the rest (p99 150-350 ms against a median of 13 ms, docs/benchmarks.md). A queue in front of as many workers as
 * the cores can keep busy answers in order; Jetty still reads and writes connections on virtual threads.
 *
 * <p>A handler that overruns keeps running until it finishes (a running thread cannot be stopped safely), so
 * it gets a guarded view of the request: once the deadline has passed, everything it would write (status, headers,
 * body) is dropped and the timeout problem stands.
 */
public final class Deadlines implements AutoCloseable {
  private final ExecutorService executor;
  private final Duration limit;

  public Deadlines(Duration limit, int workers) {
    this.limit = limit;
    AtomicInteger numbers = new AtomicInteger();
    ThreadFactory named = work -> {
      Thread t = new Thread(work, "eligo-worker-" + numbers.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        named);
  }

  /** {@code handler}, answered within the limit or with a timeout problem. */
  public Handler within(Handler handler) {
    return ctx -> ctx.future(() -> run(ctx, handler));
  }

  private CompletableFuture<Void> run(Context ctx, Handler handler) {
    AtomicBoolean expired = new AtomicBoolean();
    Context guarded = guard(ctx, expired);
    // orTimeout completes this future itself, and runAsync skips a task whose future is already complete: a request
    // that timed out while queued is never started. Nor is one whose exchange Jetty has already recycled (its client
    // hung up and Jetty noticed; a close that Jetty has not yet read is found only when the answer is written).
    CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
      if (!answerable(ctx)) return;
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

  /**
   * False once the client has gone and Jetty has recycled the exchange (a closed connection ends the request while
   * it waits or runs): there is nobody left to answer.
   */
  public static boolean answerable(Context ctx) {
    try {
      ctx.res().isCommitted();
      return true;
    } catch (IllegalStateException | NullPointerException recycled) {
      return false;
    }
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

  /**
   * Publishes the workers on {@code registry}: {@code executor_active_threads}, {@code executor_queued_tasks},
   * {@code executor_completed_tasks_total} and the rest of Micrometer's executor meters, named {@code eligo.workers}.
   */
  public void bindTo(MeterRegistry registry) {
    new ExecutorServiceMetrics(executor, "eligo.workers", List.of()).bindTo(registry);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
