package org.eligo.registry.imports;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Two stages of an import that run beside the caller's reading: storing each batch (one transaction) on one thread,
 * then handing what it changed to the listeners (the search index) on another, so that reading, storing and indexing
 * overlap instead of taking turns. Each hand-off holds at most one batch, so memory stays flat whatever the number of
 * studies, and batches are stored and then indexed in the order they were read.
 *
 * <p>A failure in either stage stops the others: the caller's next {@link #store} throws it, and so does
 * {@link #finish}. What was stored before the failure stays stored, as when the stages ran in turn.
 *
 * @param <B> a batch as read
 * @param <C> what storing a batch changed, for the listeners
 */
final class ImportPipeline<B, C> {
  private static final long POLL_MILLIS = 50;
  /** Marks the end of the input in a hand-off queue. */
  private static final Object END = new Object();

  private final BlockingQueue<Object> toStore = new ArrayBlockingQueue<>(1);
  private final BlockingQueue<Object> toListen = new ArrayBlockingQueue<>(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread storing;
  private final Thread listening;

  /**
   * Starts both stages.
   *
   * @param store stores a batch and returns what it changed (runs on the storing thread, batch after batch)
   * @param listen tells the listeners what a stored batch changed (runs on the listening thread, in order)
   */
  ImportPipeline(StoreStage<B, C> store, Consumer<C> listen) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(listen, "listen");
    storing = Thread.ofPlatform().name("eligo-import-store").daemon().unstarted(() -> run(() -> {
      for (Object next; (next = take(toStore)) != END; ) {
        @SuppressWarnings("unchecked") B batch = (B) next;
        put(toListen, store.store(batch));
      }
      put(toListen, END);
    }));
    listening = Thread.ofPlatform().name("eligo-import-listen").daemon().unstarted(() -> run(() -> {
      for (Object next; (next = take(toListen)) != END; ) {
        @SuppressWarnings("unchecked") C changed = (C) next;
        listen.accept(changed);
      }
    }));
    storing.start();
    listening.start();
  }

  /** Stores one batch in its stage; waits while the stage is still busy with the one before. */
  void store(B batch) {
    Objects.requireNonNull(batch, "batch");
    try {
      put(toStore, batch);
    } catch (Aborted e) {
      // a stage failed: its failure is thrown below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(e);
    }
    rethrowFailure();
  }

  /** Waits until every batch handed over is stored and heard of; throws the first failure of any stage. */
  void finish() {
    try {
      put(toStore, END);
    } catch (Aborted e) {
      // a stage failed: its failure is thrown below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    }
    awaitStages();
    rethrowFailure();
  }

  /**
   * Stops both stages after a failure on the caller's side (the caller then throws its own failure): waits for them,
   * so that nothing is still being stored when the caller's exception is seen.
   */
  void abort(Throwable cause) {
    failure.compareAndSet(null, cause);
    awaitStages();
  }

  private void awaitStages() {
    boolean interrupted = false;
    for (Thread stage : List.of(storing, listening)) {
      while (stage.isAlive()) {
        try {
          stage.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private void run(Stage stage) {
    try {
      stage.run();
    } catch (Aborted e) {
      // another stage failed first
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }

  private void put(BlockingQueue<Object> queue, Object item) throws InterruptedException {
    while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      if (failure.get() != null) throw new Aborted();
    }
  }

  /** The next item; what was handed over before a failure is still taken, then the stage stops. */
  private Object take(BlockingQueue<Object> queue) throws InterruptedException {
    for (;;) {
      boolean failed = failure.get() != null;
      Object item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (item != null) return item;
      if (failed) throw new Aborted();
    }
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t == null) return;
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    throw new IllegalStateException("the import stopped: " + t.getMessage(), t);
  }

  /** Stores a batch and returns what it changed. */
  @FunctionalInterface
  interface StoreStage<B, C> {
    C store(B batch);
  }

  @FunctionalInterface
  private interface Stage {
    void run() throws InterruptedException;
  }

  /** Leaves a stage's loop once another stage has failed. */
  private static final class Aborted extends RuntimeException {
    Aborted() {
      super(null, null, false, false);
    }
  }
}
