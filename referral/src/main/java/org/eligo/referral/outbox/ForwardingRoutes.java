package org.eligo.referral.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.store.Database;
import org.jdbi.v3.core.Jdbi;

/** Per-trial forwarding routes over Jdbi. */
public final class ForwardingRoutes {

  private final Jdbi jdbi;

  public ForwardingRoutes(Database database) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
  }

  public Optional<ForwardingRoute> find(String nctId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT nct_id, kind, address, secret FROM forwarding_route"
            + " WHERE nct_id = :nctId")
        .bind("nctId", nctId)
        .map((rs, ctx) -> new ForwardingRoute(rs.getString("nct_id"), ForwardingRoute.Kind.valueOf(rs.getString("kind")),
            rs.getString("address"), Optional.ofNullable(rs.getString("secret"))))
        .findOne());
  }

  public List<ForwardingRoute> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT nct_id, kind, address, secret FROM forwarding_route"
            + " ORDER BY nct_id")
        .map((rs, ctx) -> new ForwardingRoute(rs.getString("nct_id"), ForwardingRoute.Kind.valueOf(rs.getString("kind")),
            rs.getString("address"), Optional.ofNullable(rs.getString("secret"))))
        .list());
  }

  /** Sets (or replaces) the trial's route. */
  public void save(ForwardingRoute route, Instant at) {
    jdbi.useTransaction(handle -> {
      handle.createUpdate("DELETE FROM forwarding_route WHERE nct_id = :nctId").bind("nctId", route.nctId()).execute();
      handle.createUpdate("INSERT INTO forwarding_route (nct_id, kind, address, secret, updated_at)"
              + " VALUES (:nctId, :kind, :address, :secret, :at)")
          .bind("nctId", route.nctId()).bind("kind", route.kind().name()).bind("address", route.address())
          .bind("secret", route.secret().orElse(null)).bind("at", ReferralRepository.timestamp(at))
          .execute();
    });
  }

  public boolean delete(String nctId) {
    return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM forwarding_route WHERE nct_id = :nctId")
        .bind("nctId", nctId).execute()) > 0;
  }
}
