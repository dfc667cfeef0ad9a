package org.eligo.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests wait their turn for a worker in arrival order, and one whose time ran out while it waited is answered 503
 * and never started. A real Jetty server on a free port, one worker.
 */
class DeadlinesTest {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch busy = new CountDownLatch(1);
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final CountDownLatch overran = new CountDownLatch(1);
  private final List<Throwable> lateWriteFailures = new CopyOnWriteArrayList<>();
  private Javalin app;
  private Deadlines deadlines;

  private void start(Duration limit) {
    deadlines = new Deadlines(limit, 1);
    ErrorResponses errors = new ErrorResponses((ctx, problem) -> ctx.status(problem.status()).result("page: " + problem.getMessage()));
    app = Javalin.create(c -> {
      c.concurrency.useVirtualThreads = true;
      c.routes.exception(Exception.class, errors::exception);
      c.routes.get("/block", deadlines.within(ctx -> {
        busy.countDown();
        release.await(10, TimeUnit.SECONDS);
        ctx.result("released");
      }));
      c.routes.get("/overrun", deadlines.within(ctx -> {
        Thread.sleep(1_000); // past the limit: the client has had its 503 by now
        try {
          ctx.status(201).header("X-Late", "yes").result("late");
        } catch (RuntimeException e) {
          lateWriteFailures.add(e);
        } finally {
          overran.countDown();
        }
      }));
      c.routes.get("/work/{n}", deadlines.within(ctx -> {
        started.add(ctx.pathParam("n"));
        ctx.result("done " + ctx.pathParam("n"));
      }));
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (app != null) app.stop();
    if (deadlines != null) deadlines.close();
  }

  private CompletableFuture<HttpResponse<String>> get(String path) {
    return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void waitingRequestsAreServedInArrivalOrder() throws Exception {
    start(Duration.ofSeconds(20));
    CompletableFuture<HttpResponse<String>> blocking = get("/block");
    assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<HttpResponse<String>>> queued = new java.util.ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      queued.add(get("/work/" + n));
      Thread.sleep(150); // each request reaches the queue before the next is sent
    }
    assertThat(started).as("nothing runs while the only worker is busy").isEmpty();
    release.countDown();
    assertThat(blocking.get(10, TimeUnit.SECONDS).body()).isEqualTo("released");
    for (int n = 1; n <= 6; n++) assertThat(queued.get(n - 1).get(10, TimeUnit.SECONDS).body()).isEqualTo("done " + n);
    assertThat(started).containsExactly("1", "2", "3", "4", "5", "6");
  }

  @Test
  void aRequestWhoseTimeRanOutWhileWaitingIsAnswered503AndNeverStarted() throws Exception {
    start(Duration.ofMillis(500));
    get("/block");
    assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> late = get("/work/late").get(10, TimeUnit.SECONDS);
    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(late.body()).contains("took longer");
    assertThat(late.headers().firstValue("Retry-After")).hasValue("5");
    release.countDown();
    get("/work/after").get(10, TimeUnit.SECONDS);
    assertThat(started).as("the expired request was dropped, the next one ran").containsExactly("after");
  }

  @Test
  void aHandlerThatOverrunsItsLimitWritesNothingAfterTheTimeoutAnswer() throws Exception {
    start(Duration.ofMillis(300));
    HttpResponse<String> timedOut = get("/overrun").get(10, TimeUnit.SECONDS);
    assertThat(timedOut.statusCode()).isEqualTo(503);
    assertThat(timedOut.body()).contains("took longer");
    assertThat(overran.await(10, TimeUnit.SECONDS)).isTrue();
    // the handler went on to write status, header and body into an exchange already answered (and perhaps already
    // reused by Jetty): those writes are dropped, quietly
    assertThat(lateWriteFailures).isEmpty();
    HttpResponse<String> next = get("/work/next").get(10, TimeUnit.SECONDS); // on the same kept-alive connection
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).isEqualTo("done next");
    assertThat(next.headers().firstValue("X-Late")).isEmpty();
  }

  @Test
  void aClientThatHangsUpWhileItsRequestWaitsDoesNotDisturbTheRequestsAfterIt() throws Exception {
    start(Duration.ofSeconds(20));
    get("/block");
    assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.getOutputStream().write("GET /work/gone HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(300); // the request is read and waits for the worker
    }
    Thread.sleep(300); // the connection's close reaches the server
    release.countDown();
    HttpResponse<String> after = get("/work/after").get(10, TimeUnit.SECONDS);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("done after");
    // Jetty notices a closed connection only when it next reads or writes it, so the abandoned request may still
    // run; it must not be answered to anyone else, and the worker must be free again afterwards.
    assertThat(started).endsWith("after").doesNotHaveDuplicates();
  }
}
