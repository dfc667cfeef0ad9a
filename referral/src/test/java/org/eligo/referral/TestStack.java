package org.eligo.referral;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eligo.referral.outbox.Backoff;
import org.eligo.referral.outbox.ForwarderSettings;
import org.eligo.referral.outbox.SmtpSettings;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffUser;
import org.eligo.store.Database;

/** The referral stack on a test database with a hand-moved clock and the cheapest bcrypt cost. */
public final class TestStack {

  public static final String PASSWORD = "correct horse battery";

  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  public final Referrals referrals;

  public TestStack(Database database, Optional<SmtpSettings> smtp) {
    this(database, smtp, "test-worker");
  }

  public TestStack(Database database, Optional<SmtpSettings> smtp, String workerId) {
    ForwarderSettings forwarder = new ForwarderSettings(workerId, Duration.ofMinutes(2), 50,
        new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)), 8, Duration.ofMillis(50));
    referrals = new Referrals(database, new ReferralSettings(smtp, URI.create("https://eligo.example"), forwarder,
        Optional.empty(), Duration.ofHours(8), 4, 10), clock);
  }

  public StaffUser user(String email, Role role, String... trials) {
    return referrals.staff().create(email, PASSWORD, role, Set.of(trials));
  }
}
