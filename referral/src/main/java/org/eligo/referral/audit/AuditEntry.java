package org.eligo.referral.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit entry. {@code actor} is a staff e-mail address, {@code person} (someone acting on their own referral)
 * or {@code system}; {@code target} names the record ({@code referral:42}); {@code detail} never holds a
 * referral's personal data.
 */
public record AuditEntry(
    long id,
    Instant at,
    Optional<Long> actorId,
    String actor,
    AuditAction action,
    Optional<String> target,
    Optional<String> nctId,
    Optional<String> detail) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }
}
