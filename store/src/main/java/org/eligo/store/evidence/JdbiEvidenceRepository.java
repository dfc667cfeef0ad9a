package org.eligo.store.evidence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eligo.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link EvidenceRepository} over JDBC with Jdbi. */
public final class JdbiEvidenceRepository implements EvidenceRepository {

  private static final int MAX_ID_LENGTH = 200;

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiEvidenceRepository(Database database) {
    this(database, Clock.systemUTC());
  }

  public JdbiEvidenceRepository(Database database, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredEvidence saveEvidence(String id, String json, Collection<String> linkedTrialIds) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(linkedTrialIds, "linkedTrialIds");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("evidence id must be 1 to " + MAX_ID_LENGTH + " characters: '" + id + "'");
    }
    TreeSet<String> links = new TreeSet<>();
    for (String nctId : linkedTrialIds) {
      if (nctId == null || nctId.isBlank()) throw new IllegalArgumentException("blank linked trial id for " + id);
      links.add(nctId);
    }
    OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    jdbi.useTransaction(handle -> {
      handle.createUpdate("DELETE FROM evidence WHERE id = :id").bind("id", id).execute();
      handle.createUpdate("INSERT INTO evidence (id, document, updated_at) VALUES (:id, :document, :now)")
          .bind("id", id).bind("document", json).bind("now", now).execute();
      PreparedBatch batch = handle.prepareBatch("INSERT INTO evidence_trial (evidence_id, nct_id) VALUES (:id, :nctId)");
      links.forEach(nctId -> batch.bind("id", id).bind("nctId", nctId).add());
      if (batch.size() > 0) batch.execute();
    });
    return new StoredEvidence(id, json, links, now.toInstant());
  }

  @Override
  public List<StoredEvidence> evidenceForTrial(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return jdbi.withHandle(handle -> read(handle, "WHERE e.id IN (SELECT evidence_id FROM evidence_trial"
        + " WHERE nct_id = :nctId)", Map.of("nctId", nctId)));
  }

  @Override
  public List<StoredEvidence> allEvidence() {
    return jdbi.withHandle(handle -> read(handle, "", Map.of()));
  }

  private record Row(String id, String document, OffsetDateTime updatedAt) {
  }

  private static List<StoredEvidence> read(Handle handle, String where, Map<String, Object> arguments) {
    TreeMap<String, Row> rows = new TreeMap<>();
    handle.createQuery("SELECT e.id, e.document, e.updated_at FROM evidence e " + where)
        .bindMap(arguments)
        .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("document"),
            rs.getObject("updated_at", OffsetDateTime.class)))
        .forEach(row -> rows.put(row.id(), row));
    TreeMap<String, List<String>> links = new TreeMap<>();
    handle.createQuery("SELECT l.evidence_id, l.nct_id FROM evidence_trial l JOIN evidence e ON e.id = l.evidence_id "
            + where)
        .bindMap(arguments)
        .map((rs, ctx) -> Map.entry(rs.getString("evidence_id"), rs.getString("nct_id")))
        .forEach(link -> links.computeIfAbsent(link.getKey(), id -> new ArrayList<>()).add(link.getValue()));
    return rows.values().stream().map(row -> new StoredEvidence(row.id(), row.document(),
        new TreeSet<>(links.getOrDefault(row.id(), List.of())), row.updatedAt().toInstant())).toList();
  }
}
