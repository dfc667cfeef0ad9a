package org.eligo.store.rules;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.eligo.store.Database;
import org.jdbi.v3.core.Jdbi;

/** {@link RuleSetRepository} over JDBC with Jdbi. */
public final class JdbiRuleSetRepository implements RuleSetRepository {

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiRuleSetRepository(Database database) {
    this(database, Clock.systemUTC());
  }

  public JdbiRuleSetRepository(Database database, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredRuleSet saveRuleSet(String nctId, RuleSetOrigin origin, String json) {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(json, "json");
    if (nctId.isBlank()) throw new IllegalArgumentException("nctId is blank");
    OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    jdbi.useTransaction(handle -> {
      boolean present = handle.createQuery("SELECT COUNT(*) FROM rule_set WHERE nct_id = :nctId AND origin = :origin")
          .bind("nctId", nctId).bind("origin", origin.name()).mapTo(Long.class).one() > 0;
      handle.createUpdate(present
              ? "UPDATE rule_set SET document = :document, updated_at = :now WHERE nct_id = :nctId AND origin = :origin"
              : "INSERT INTO rule_set (nct_id, origin, document, updated_at) VALUES (:nctId, :origin, :document, :now)")
          .bind("nctId", nctId).bind("origin", origin.name()).bind("document", json).bind("now", now)
          .execute();
    });
    return new StoredRuleSet(nctId, origin, json, now.toInstant());
  }

  @Override
  public Optional<StoredRuleSet> findRuleSet(String nctId, RuleSetOrigin origin) {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(origin, "origin");
    return jdbi.withHandle(handle -> handle.createQuery("SELECT document, updated_at FROM rule_set"
            + " WHERE nct_id = :nctId AND origin = :origin")
        .bind("nctId", nctId).bind("origin", origin.name())
        .map((rs, ctx) -> new StoredRuleSet(nctId, origin, rs.getString("document"),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
        .findOne());
  }
}
