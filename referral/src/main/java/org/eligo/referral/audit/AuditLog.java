package org.eligo.referral.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.store.Database;
import org.jdbi.v3.core.Jdbi;

/** The append-only audit log over Jdbi: {@link #append} and reads, nothing else. */
public final class AuditLog {

  private final Jdbi jdbi;
  private final Clock clock;

  public AuditLog(Database database, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Appends an entry stamped now. */
  public void append(Long actorId, String actor, AuditAction action, String target, String nctId, String detail) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO audit_log (occurred_at, actor_id, actor, action,"
            + " target, nct_id, detail) VALUES (:at, :actorId, :actor, :action, :target, :nctId, :detail)")
        .bind("at", ReferralRepository.timestamp(clock.instant())).bind("actorId", actorId)
        .bind("actor", truncate(actor, 254)).bind("action", action.name()).bind("target", truncate(target, 64))
        .bind("nctId", truncate(nctId, 32)).bind("detail", truncate(detail, 500))
        .execute());
  }

  /** The newest entries first; {@code beforeId} 0 for the first page. */
  public List<AuditEntry> recent(int limit, long beforeId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, occurred_at, actor_id, actor, action, target,"
            + " nct_id, detail FROM audit_log WHERE id < :before ORDER BY id DESC LIMIT :limit")
        .bind("before", beforeId > 0 ? beforeId : Long.MAX_VALUE).bind("limit", limit)
        .map((rs, ctx) -> new AuditEntry(rs.getLong("id"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable((Long) rs.getObject("actor_id", Long.class)), rs.getString("actor"),
            AuditAction.valueOf(rs.getString("action")), Optional.ofNullable(rs.getString("target")),
            Optional.ofNullable(rs.getString("nct_id")), Optional.ofNullable(rs.getString("detail"))))
        .list());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
