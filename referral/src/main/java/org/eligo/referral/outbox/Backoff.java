package org.eligo.referral.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: the wait after the n-th failed attempt is {@code initial × 2^(n-1)}, capped at {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial must be positive");
    if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max must be at least initial");
  }

  /** 30 s doubling up to 1 h: with 40 attempts, a destination may be down for more than a day. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
  }

  /** The wait after {@code failedAttempts} failures (1 or more). */
  public Duration delayAfter(int failedAttempts) {
    if (failedAttempts < 1) throw new IllegalArgumentException("failedAttempts must be at least 1");
    int shift = Math.min(failedAttempts - 1, 30);
    Duration delay = initial.multipliedBy(1L << shift);
    return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
  }
}
