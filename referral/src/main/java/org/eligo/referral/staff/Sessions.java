package org.eligo.referral.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.store.Database;
import org.jdbi.v3.core.Jdbi;

/** Staff sessions over Jdbi: 32 random bytes per session id, stored as SHA-256, with a fixed lifetime. */
public final class Sessions {

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration lifetime;

  public Sessions(Database database, Clock clock, Duration lifetime) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  public StaffSession create(StaffUser user) {
    String id = Secrets.token(32);
    String csrf = Secrets.token(32);
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO staff_session (id_hash, user_id, csrf_token,"
            + " created_at, expires_at) VALUES (:hash, :user, :csrf, :now, :expires)")
        .bind("hash", Secrets.sha256Hex(id)).bind("user", user.id()).bind("csrf", csrf)
        .bind("now", ReferralRepository.timestamp(now)).bind("expires", ReferralRepository.timestamp(expires))
        .execute());
    return new StaffSession(id, user, csrf, ReferralRepository.timestamp(expires).toInstant());
  }

  /** The live session with this id whose account is still active. */
  public Optional<StaffSession> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
    OffsetDateTime now = ReferralRepository.timestamp(clock.instant());
    return jdbi.withHandle(handle -> handle.createQuery("SELECT user_id, csrf_token, expires_at FROM staff_session"
            + " WHERE id_hash = :hash AND expires_at > :now")
        .bind("hash", Secrets.sha256Hex(id)).bind("now", now)
        .map((rs, ctx) -> new Object[] {rs.getLong("user_id"), rs.getString("csrf_token"),
            rs.getObject("expires_at", OffsetDateTime.class).toInstant()})
        .findOne()
        .flatMap(row -> StaffDirectory.find(handle, (Long) row[0]).filter(StaffUser::active)
            .map(user -> new StaffSession(id, user, (String) row[1], (Instant) row[2]))));
  }

  public void delete(String id) {
    if (id == null) return;
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM staff_session WHERE id_hash = :hash")
        .bind("hash", Secrets.sha256Hex(id)).execute());
  }

  public void deleteForUser(long userId) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM staff_session WHERE user_id = :id")
        .bind("id", userId).execute());
  }

  public int deleteExpired() {
    return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM staff_session WHERE expires_at <= :now")
        .bind("now", ReferralRepository.timestamp(clock.instant())).execute());
  }
}
