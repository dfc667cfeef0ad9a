package org.eligo.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recently sent forms: each stored once, remembered for half an hour, never more than the bound. */
class RecentSubmissionsTest {

  private final MutableClock clock = new MutableClock();
  private final RecentSubmissions<String> recent = new RecentSubmissions<>(clock);

  @Test
  void aFormIsStoredOnceAndItsReceiptGivenAgainUntilItIsForgotten() {
    AtomicInteger stored = new AtomicInteger();
    assertThat(recent.once("k", () -> "receipt-" + stored.incrementAndGet())).isEqualTo("receipt-1");
    assertThat(recent.once("k", () -> "receipt-" + stored.incrementAndGet())).isEqualTo("receipt-1");
    assertThat(recent.earlier("k")).hasValue("receipt-1");
    clock.now = clock.now.plus(RecentSubmissions.HELD_FOR).plusSeconds(1);
    assertThat(recent.earlier("k")).isEmpty();
    assertThat(recent.once("k", () -> "receipt-" + stored.incrementAndGet())).isEqualTo("receipt-2");
  }

  @Test
  void aFailedStoreIsForgottenSoSendingAgainRetries() {
    assertThatThrownBy(() -> recent.once("k", () -> {
      throw new IllegalStateException("store down");
    })).hasMessage("store down");
    assertThat(recent.earlier("k")).isEmpty();
    assertThat(recent.once("k", () -> "stored")).isEqualTo("stored");
  }

  @Test
  void neverMoreThanTheBoundAreHeldTheOldestGoFirst() {
    for (int i = 0; i < RecentSubmissions.MAX_HELD + 5; i++) recent.once("k" + i, () -> "r");
    assertThat(recent.size()).isEqualTo(RecentSubmissions.MAX_HELD);
    assertThat(recent.earlier("k0")).isEmpty();
    assertThat(recent.earlier("k" + (RecentSubmissions.MAX_HELD + 4))).hasValue("r");
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-05T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
