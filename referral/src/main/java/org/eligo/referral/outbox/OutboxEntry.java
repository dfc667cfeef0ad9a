package org.eligo.referral.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbox row: what to send for which referral, where, and how far delivery has got.
 *
 * @param deliveryId stable for the life of the row; the idempotency key recipients see
 * @param secretPayload the withdrawal code of a confirmation not yet sent
 */
public record OutboxEntry(
    long id,
    long referralId,
    DeliveryKind kind,
    Optional<String> destination,
    String deliveryId,
    Optional<String> secretPayload,
    DeliveryState state,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> lastError,
    Instant createdAt,
    Optional<Instant> deliveredAt) {

  public OutboxEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(state, "state");
  }
}
