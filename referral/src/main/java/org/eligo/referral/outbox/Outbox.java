package org.eligo.referral.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table over Jdbi. Rows are enqueued inside the referral's transaction; a worker claims due rows one by
 * one with a compare-and-set on the lease (safe with several workers on PostgreSQL and H2), and only the lease
 * holder may mark a row delivered or failed.
 */
public final class Outbox {

  private static final String COLUMNS = "id, referral_id, kind, destination, delivery_id, secret_payload, state,"
      + " attempts, next_attempt_at, last_error, created_at, delivered_at";

  private final Jdbi jdbi;

  public Outbox(Database database) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
  }

  /** Adds a row for {@code referralId} in {@code handle}'s transaction; {@link Destination.Nowhere} parks it. */
  public static void enqueue(Handle handle, long referralId, DeliveryKind kind, Destination destination,
      Optional<String> secretPayload, Instant now) {
    String address = switch (destination) {
      case Destination.Email email -> email.address();
      case Destination.Webhook webhook -> webhook.url().toString();
      case Destination.Nowhere nowhere -> null;
    };
    DeliveryState state = address == null ? DeliveryState.NO_DESTINATION : DeliveryState.PENDING;
    handle.createUpdate("INSERT INTO outbox (referral_id, kind, destination, delivery_id, secret_payload, state,"
            + " attempts, next_attempt_at, created_at) VALUES (:referralId, :kind, :destination, :deliveryId,"
            + " :secret, :state, 0, :now, :now)")
        .bind("referralId", referralId).bind("kind", kind.name()).bind("destination", address)
        .bind("deliveryId", UUID.randomUUID().toString()).bind("secret", secretPayload.orElse(null))
        .bind("state", state.name()).bind("now", ReferralRepository.timestamp(now))
        .execute();
  }

  /**
   * Claims up to {@code limit} due rows of the given kinds for {@code worker} until {@code leaseUntil}, counting an
   * attempt for each. A row another worker holds (lease not yet expired) is skipped.
   */
  public List<OutboxEntry> claim(String worker, Set<DeliveryKind> kinds, Instant now, Instant leaseUntil, int limit) {
    if (kinds.isEmpty()) return List.of();
    OffsetDateTime at = ReferralRepository.timestamp(now);
    return jdbi.withHandle(handle -> {
      List<Long> candidates = handle.createQuery("SELECT id FROM outbox WHERE state = 'PENDING'"
              + " AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)"
              + " AND kind IN (<kinds>) ORDER BY id LIMIT :limit")
          .bind("now", at).bindList("kinds", kinds.stream().map(Enum::name).toList()).bind("limit", limit)
          .mapTo(Long.class).list();
      List<OutboxEntry> claimed = new ArrayList<>();
      for (long id : candidates) {
        int won = handle.createUpdate("UPDATE outbox SET lease_owner = :worker, lease_until = :until,"
                + " attempts = attempts + 1 WHERE id = :id AND state = 'PENDING'"
                + " AND (lease_until IS NULL OR lease_until < :now)")
            .bind("worker", worker).bind("until", ReferralRepository.timestamp(leaseUntil)).bind("id", id)
            .bind("now", at).execute();
        if (won == 1) claimed.add(find(handle, id).orElseThrow());
      }
      return claimed;
    });
  }

  /** Marks a claimed row delivered; false if {@code worker} no longer holds it. */
  public boolean markDelivered(long id, String worker, Instant at) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE outbox SET state = 'DELIVERED', delivered_at = :at,"
            + " secret_payload = NULL, last_error = NULL, lease_owner = NULL, lease_until = NULL"
            + " WHERE id = :id AND lease_owner = :worker")
        .bind("id", id).bind("worker", worker).bind("at", ReferralRepository.timestamp(at)).execute()) == 1;
  }

  /** Records a failed attempt: due again at {@code nextAttempt}, or FAILED when {@code giveUp}. */
  public boolean markFailed(long id, String worker, String reason, Instant nextAttempt, boolean giveUp) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE outbox SET state = :state,"
            + " next_attempt_at = :next, last_error = :reason, lease_owner = NULL, lease_until = NULL"
            + " WHERE id = :id AND lease_owner = :worker")
        .bind("id", id).bind("worker", worker).bind("state", giveUp ? "FAILED" : "PENDING")
        .bind("next", ReferralRepository.timestamp(nextAttempt)).bind("reason", reason).execute()) == 1;
  }

  /** Marks a claimed row cancelled (its referral was erased or deleted before it was sent). */
  public boolean markCancelled(long id, String worker) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE outbox SET state = 'CANCELLED',"
            + " secret_payload = NULL, lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :worker")
        .bind("id", id).bind("worker", worker).execute()) == 1;
  }

  /** Puts a FAILED or NO_DESTINATION row back in the queue, to {@code destination} if given (an administrator's retry). */
  public boolean retry(long id, Optional<Destination> destination, Instant now) {
    return jdbi.withHandle(handle -> {
      String address = destination.map(d -> switch (d) {
        case Destination.Email email -> email.address();
        case Destination.Webhook webhook -> webhook.url().toString();
        case Destination.Nowhere nowhere -> null;
      }).orElse(null);
      String sql = "UPDATE outbox SET state = 'PENDING', next_attempt_at = :now, attempts = 0"
          + (address != null ? ", destination = :destination" : "")
          + " WHERE id = :id AND state IN ('FAILED', 'NO_DESTINATION')"
          + (address == null ? " AND destination IS NOT NULL" : "");
      var update = handle.createUpdate(sql).bind("id", id).bind("now", ReferralRepository.timestamp(now));
      if (address != null) update.bind("destination", address);
      return update.execute() == 1;
    });
  }

  public Optional<OutboxEntry> find(long id) {
    return jdbi.withHandle(handle -> find(handle, id));
  }

  /** The deliveries of one referral, oldest first. */
  public List<OutboxEntry> forReferral(long referralId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM outbox"
            + " WHERE referral_id = :id ORDER BY id")
        .bind("id", referralId).map((rs, ctx) -> entry(rs)).list());
  }

  /** How many rows are in each state. */
  public Map<DeliveryState, Long> countByState() {
    Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
    for (DeliveryState s : DeliveryState.values()) counts.put(s, 0L);
    jdbi.useHandle(handle -> handle.createQuery("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state")
        .map((rs, ctx) -> Map.entry(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue())));
    return counts;
  }

  private static Optional<OutboxEntry> find(Handle handle, long id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> entry(rs)).findOne();
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
    return new OutboxEntry(rs.getLong("id"), rs.getLong("referral_id"), DeliveryKind.valueOf(rs.getString("kind")),
        Optional.ofNullable(rs.getString("destination")), rs.getString("delivery_id"),
        Optional.ofNullable(rs.getString("secret_payload")), DeliveryState.valueOf(rs.getString("state")),
        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(rs.getString("last_error")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(delivered).map(OffsetDateTime::toInstant));
  }
}
