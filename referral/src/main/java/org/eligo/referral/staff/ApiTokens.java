package org.eligo.referral.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens for integrations, each acting as the staff account it belongs to. A token is {@code eligo_} and 32
 * random bytes (base64url); only its SHA-256 is stored, which is enough for a secret of that entropy.
 */
public final class ApiTokens {

  public static final String PREFIX = "eligo_";

  /** A stored token, without the secret. */
  public record TokenInfo(long id, long userId, String name, Instant createdAt, Optional<Instant> lastUsedAt,
      Optional<Instant> revokedAt) {
  }

  private final Jdbi jdbi;
  private final Clock clock;

  public ApiTokens(Database database, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public IssuedToken create(long userId, String name) {
    if (name == null || name.isBlank() || name.length() > 100 || name.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("a token name is 1 to 100 printable characters");
    }
    String token = PREFIX + Secrets.token(32);
    long id = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO api_token (user_id, name, token_hash,"
            + " created_at) VALUES (:user, :name, :hash, :now)")
        .bind("user", userId).bind("name", name.strip()).bind("hash", Secrets.sha256Hex(token))
        .bind("now", ReferralRepository.timestamp(clock.instant()))
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    return new IssuedToken(id, name.strip(), token);
  }

  /** The active account a valid, unrevoked token belongs to; records the use. */
  public Optional<StaffUser> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) return Optional.empty();
    String hash = Secrets.sha256Hex(token);
    return jdbi.inTransaction(handle -> {
      Optional<long[]> row = handle.createQuery("SELECT id, user_id FROM api_token"
              + " WHERE token_hash = :hash AND revoked_at IS NULL")
          .bind("hash", hash).map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("user_id")}).findOne();
      if (row.isEmpty()) return Optional.<StaffUser>empty();
      handle.createUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id")
          .bind("id", row.get()[0]).bind("now", ReferralRepository.timestamp(clock.instant())).execute();
      return StaffDirectory.find(handle, row.get()[1]).filter(StaffUser::active);
    });
  }

  public boolean revoke(long tokenId) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE api_token SET revoked_at = :now"
            + " WHERE id = :id AND revoked_at IS NULL")
        .bind("id", tokenId).bind("now", ReferralRepository.timestamp(clock.instant())).execute()) == 1;
  }

  public List<TokenInfo> list(long userId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, user_id, name, created_at, last_used_at,"
            + " revoked_at FROM api_token WHERE user_id = :user ORDER BY id")
        .bind("user", userId)
        .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("last_used_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
            Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
        .list());
  }
}
