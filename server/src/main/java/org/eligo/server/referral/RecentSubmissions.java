package org.eligo.server.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Interest forms sent in the last half hour, by the one-time token their page carried and what they said: the same
 * form sent twice (a double click, a reload of the confirmation) is stored once, and the second sending is shown the
 * first one's confirmation. Held in memory only, at most {@value #MAX_HELD} forms.
 *
 * @param <R> what a stored form gives back (its receipt)
 */
final class RecentSubmissions<R> {

  static final int MAX_HELD = 10_000;
  static final Duration HELD_FOR = Duration.ofMinutes(30);

  private record Held<R>(CompletableFuture<R> result, Instant at) {}

  private final Map<String, Held<R>> held = new LinkedHashMap<>();
  private final Clock clock;

  RecentSubmissions(Clock clock) {
    this.clock = clock;
  }

  /**
   * The result of the form with this key: {@code store}'s, run now if the form was not sent before, or the first
   * sending's (waiting for it if it is still being stored). A failed store is forgotten, so sending again retries.
   */
  /** The receipt of the form with this key if it was stored (waiting while it is being stored), else empty. */
  java.util.Optional<R> earlier(String key) {
    CompletableFuture<R> first;
    synchronized (held) {
      forgetOld();
      Held<R> earlier = held.get(key);
      first = earlier == null ? null : earlier.result();
    }
    if (first == null) return java.util.Optional.empty();
    try {
      return java.util.Optional.of(await(first));
    } catch (RuntimeException e) {
      return java.util.Optional.empty(); // storing it failed: this sending may try again
    }
  }

  R once(String key, Supplier<R> store) {
    CompletableFuture<R> mine = new CompletableFuture<>();
    CompletableFuture<R> first;
    synchronized (held) {
      forgetOld();
      Held<R> earlier = held.get(key);
      first = earlier == null ? null : earlier.result();
      if (first == null) held.put(key, new Held<>(mine, clock.instant()));
    }
    if (first != null) return await(first);
    try {
      R result = store.get();
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      synchronized (held) {
        held.remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** How many forms are held now. */
  int size() {
    synchronized (held) {
      return held.size();
    }
  }

  private R await(CompletableFuture<R> first) {
    try {
      return first.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the same form was being stored", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the same form is still being stored", e);
    }
  }

  private void forgetOld() {
    Instant oldest = clock.instant().minus(HELD_FOR);
    Iterator<Held<R>> it = held.values().iterator();
    while (it.hasNext()) {
      Held<R> next = it.next();
      // in order of arrival; room is left for the one about to be added
      if (held.size() < MAX_HELD && !next.at().isBefore(oldest)) break;
      it.remove();
    }
  }
}
