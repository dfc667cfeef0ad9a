package org.eligo.referral.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * At most {@code limit} events per key in any sliding {@code window}, in memory. Keys are client addresses or
 * account names; the table is bounded (oldest keys dropped first) so a flood of keys cannot exhaust memory.
 */
public final class RateLimiter {

  private static final int MAX_KEYS = 100_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> events = new LinkedHashMap<>(16, 0.75f, true);

  public RateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1) throw new IllegalArgumentException("limit must be positive");
    this.limit = limit;
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether one more event for {@code key} is within the limit; if so it is counted. */
  public synchronized boolean tryAcquire(String key) {
    Deque<Instant> recent = recent(key);
    if (recent.size() >= limit) return false;
    recent.addLast(clock.instant());
    return true;
  }

  /** Whether {@code key} is under the limit, without counting anything. */
  public synchronized boolean allowed(String key) {
    return recent(key).size() < limit;
  }

  /** Counts one event for {@code key} (a failed login). */
  public synchronized void record(String key) {
    recent(key).addLast(clock.instant());
  }

  /** Forgets {@code key} (a successful login). */
  public synchronized void reset(String key) {
    events.remove(key);
  }

  /** When {@code key} may act again, or now if it already may. */
  public synchronized Instant retryAt(String key) {
    Deque<Instant> recent = recent(key);
    if (recent.size() < limit) return clock.instant();
    return recent.peekFirst().plus(window);
  }

  private Deque<Instant> recent(String key) {
    Instant cutoff = clock.instant().minus(window);
    Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) recent.removeFirst();
    if (events.size() > MAX_KEYS) {
      Iterator<Map.Entry<String, Deque<Instant>>> oldest = events.entrySet().iterator();
      while (events.size() > MAX_KEYS && oldest.hasNext()) {
        if (oldest.next().getKey().equals(key)) continue;
        oldest.remove();
      }
    }
    return recent;
  }
}
