package org.eligo.referral.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the forwarder works.
 *
 * @param workerId this process's name on the leases it takes; unique per running process
 * @param lease how long a claimed row is held; longer than any send can take (SMTP and webhook timeouts)
 * @param maxAttempts attempts before a row is FAILED and waits for an administrator
 * @param pollInterval the pause between looks at the outbox when it is idle
 */
public record ForwarderSettings(
    String workerId,
    Duration lease,
    int batchSize,
    Backoff backoff,
    int maxAttempts,
    Duration pollInterval) {

  public ForwarderSettings {
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (workerId.isBlank() || workerId.length() > 64) throw new IllegalArgumentException("workerId: 1 to 64 chars");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be positive");
  }

  /** Production defaults: 2-minute leases, batches of 20, 30 s to 1 h backoff, 40 attempts, a look every 2 s. */
  public static ForwarderSettings standard(String workerId) {
    return new ForwarderSettings(workerId, Duration.ofMinutes(2), 20, Backoff.standard(), 40, Duration.ofSeconds(2));
  }
}
