package org.eligo.store.trial;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eligo.core.trial.PartialDate;
import org.eligo.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link TrialRepository} over JDBC with Jdbi, for H2 and PostgreSQL alike. Imports work in chunks: one query
 * reads (and locks) the stored versions of a chunk, then JDBC batches write its inserts, updates, sites and
 * history.
 */
public final class JdbiTrialRepository implements TrialRepository {

  /** Studies per chunk of an import and per page of an iteration. */
  private static final int CHUNK = 500;

  private static final String STUDY_COLUMNS = "nct_id, brief_title, overall_status, last_update_post_date,"
      + " status_verified_date, conditions, document, origin";
  private static final String SUMMARY_COLUMNS = "nct_id, brief_title, overall_status, last_update_post_date,"
      + " status_verified_date, conditions, origin, updated_at";
  private static final String INSERT_TRIAL = "INSERT INTO trial (nct_id, brief_title, overall_status,"
      + " last_update_post_date, status_verified_date, conditions, document, content_hash, origin,"
      + " first_imported_at, updated_at) VALUES (:nctId, :briefTitle, :overallStatus, :lastUpdatePostDate,"
      + " :statusVerifiedDate, :conditions, :document, :contentHash, :origin, :now, :now)";
  private static final String UPDATE_TRIAL = "UPDATE trial SET brief_title = :briefTitle,"
      + " overall_status = :overallStatus, last_update_post_date = :lastUpdatePostDate,"
      + " status_verified_date = :statusVerifiedDate, conditions = :conditions, document = :document,"
      + " content_hash = :contentHash, origin = :origin, updated_at = :now WHERE nct_id = :nctId";
  private static final String INSERT_SITE =
      "INSERT INTO trial_site (nct_id, site_key, status) VALUES (:nctId, :siteKey, :status)";
  private static final String UPDATE_SITE =
      "UPDATE trial_site SET status = :status WHERE nct_id = :nctId AND site_key = :siteKey";
  private static final String DELETE_SITE = "DELETE FROM trial_site WHERE nct_id = :nctId AND site_key = :siteKey";
  private static final String INSERT_HISTORY = "INSERT INTO trial_status_history"
      + " (nct_id, scope, site_key, status, registry_date, observed_at)"
      + " VALUES (:nctId, :scope, :siteKey, :status, :registryDate, :observedAt)";

  private final Jdbi jdbi;
  private final Clock clock;
  /**
   * Locks the rows an import reads, against a concurrent import of the same studies. PostgreSQL only: an embedded
   * H2 database has one process, and H2 would rewrite every locked row.
   */
  private final String lockClause;

  public JdbiTrialRepository(Database database) {
    this(database, Clock.systemUTC());
  }

  /** With the clock that stamps import and observation times. */
  public JdbiTrialRepository(Database database, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lockClause = database.kind() == Database.Kind.POSTGRESQL ? " FOR UPDATE" : "";
  }

  @Override
  public UpsertOutcome upsert(StoredStudy study) {
    return upsertAll(List.of(study)).getFirst();
  }

  @Override
  public List<UpsertOutcome> upsertAll(List<StoredStudy> studies) {
    Objects.requireNonNull(studies, "studies");
    if (studies.isEmpty()) return List.of();
    OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    return jdbi.inTransaction(handle -> {
      List<UpsertOutcome> outcomes = new ArrayList<>(studies.size());
      for (List<StoredStudy> chunk : chunks(studies)) outcomes.addAll(upsertChunk(handle, chunk, now));
      return outcomes;
    });
  }

  /** Splits into chunks of at most {@link #CHUNK} with no NCT number twice in one chunk. */
  private static List<List<StoredStudy>> chunks(List<StoredStudy> studies) {
    List<List<StoredStudy>> chunks = new ArrayList<>();
    List<StoredStudy> chunk = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (StoredStudy study : studies) {
      Objects.requireNonNull(study, "study");
      if (chunk.size() == CHUNK || !ids.add(study.nctId())) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        ids.clear();
        ids.add(study.nctId());
      }
      chunk.add(study);
    }
    chunks.add(chunk);
    return chunks;
  }

  private record Stored(String contentHash, PartialDate lastUpdatePostDate, String overallStatus) {
  }

  private record Write(StoredStudy study, String contentHash, Stored before) {
  }

  private List<UpsertOutcome> upsertChunk(Handle handle, List<StoredStudy> chunk, OffsetDateTime now) {
    Map<String, Stored> stored = handle.createQuery("SELECT nct_id, content_hash, last_update_post_date,"
            + " overall_status FROM trial WHERE nct_id = ANY(:ids)" + lockClause)
        .bindArray("ids", String.class, chunk.stream().map(StoredStudy::nctId).toList())
        .map((rs, ctx) -> Map.entry(rs.getString("nct_id"), new Stored(rs.getString("content_hash"),
            date(rs.getString("last_update_post_date")), rs.getString("overall_status"))))
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    List<UpsertOutcome> outcomes = new ArrayList<>(chunk.size());
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    for (StoredStudy study : chunk) {
      String hash = ContentHash.of(study);
      Stored before = stored.get(study.nctId());
      UpsertOutcome outcome;
      if (before == null) {
        outcome = UpsertOutcome.INSERTED;
        inserts.add(new Write(study, hash, null));
      } else if (before.contentHash().equals(hash)) {
        outcome = UpsertOutcome.UNCHANGED;
      } else if (UpdateRecency.isOlder(study.lastUpdatePostDate(), before.lastUpdatePostDate())) {
        outcome = UpsertOutcome.SKIPPED_OLDER;
      } else {
        outcome = UpsertOutcome.UPDATED;
        updates.add(new Write(study, hash, before));
      }
      outcomes.add(outcome);
    }
    if (inserts.isEmpty() && updates.isEmpty()) return outcomes;

    Map<String, Map<String, String>> sitesBefore = updates.isEmpty() ? Map.of()
        : sites(handle, updates.stream().map(write -> write.study().nctId()).toList());
    writeTrials(handle, INSERT_TRIAL, inserts, now);
    writeTrials(handle, UPDATE_TRIAL, updates, now);
    List<Write> written = new ArrayList<>(inserts);
    written.addAll(updates);
    writeSites(handle, written, sitesBefore);
    writeHistory(handle, written, sitesBefore, now);
    return outcomes;
  }

  private static void writeTrials(Handle handle, String sql, List<Write> writes, OffsetDateTime now) {
    if (writes.isEmpty()) return;
    PreparedBatch batch = handle.prepareBatch(sql);
    for (Write write : writes) {
      StoredStudy study = write.study();
      batch.bind("nctId", study.nctId())
          .bind("briefTitle", study.briefTitle())
          .bind("overallStatus", study.overallStatus())
          .bind("lastUpdatePostDate", text(study.lastUpdatePostDate()))
          .bind("statusVerifiedDate", text(study.statusVerifiedDate()))
          .bind("conditions", study.conditions().isEmpty() ? null : String.join("\n", study.conditions()))
          .bind("document", study.documentJson())
          .bind("contentHash", write.contentHash())
          .bind("origin", study.origin())
          .bind("now", now)
          .add();
    }
    batch.execute();
  }

  /** Brings each written study's site rows from {@code sitesBefore} to its new site statuses. */
  private static void writeSites(Handle handle, List<Write> writes, Map<String, Map<String, String>> sitesBefore) {
    PreparedBatch inserts = handle.prepareBatch(INSERT_SITE);
    PreparedBatch updates = handle.prepareBatch(UPDATE_SITE);
    PreparedBatch deletes = handle.prepareBatch(DELETE_SITE);
    for (Write write : writes) {
      String nctId = write.study().nctId();
      Map<String, String> before = sitesBefore.getOrDefault(nctId, Map.of());
      Map<String, String> after = write.study().siteStatuses();
      after.forEach((siteKey, status) -> {
        String old = before.get(siteKey);
        if (old == null) {
          inserts.bind("nctId", nctId).bind("siteKey", siteKey).bind("status", status).add();
        } else if (!old.equals(status)) {
          updates.bind("nctId", nctId).bind("siteKey", siteKey).bind("status", status).add();
        }
      });
      before.keySet().stream().filter(siteKey -> !after.containsKey(siteKey))
          .forEach(siteKey -> deletes.bind("nctId", nctId).bind("siteKey", siteKey).add());
    }
    for (PreparedBatch batch : List.of(deletes, updates, inserts)) {
      if (batch.size() > 0) batch.execute();
    }
  }

  private static void writeHistory(
      Handle handle, List<Write> writes, Map<String, Map<String, String>> sitesBefore, OffsetDateTime now) {
    PreparedBatch batch = handle.prepareBatch(INSERT_HISTORY);
    for (Write write : writes) {
      StoredStudy study = write.study();
      String registryDate = text(study.lastUpdatePostDate());
      String statusBefore = write.before() == null ? null : write.before().overallStatus();
      if (study.overallStatus() != null && !study.overallStatus().equals(statusBefore)) {
        addHistory(batch, study.nctId(), StatusScope.OVERALL, null, study.overallStatus(), registryDate, now);
      }
      Map<String, String> siteStatusBefore = sitesBefore.getOrDefault(study.nctId(), Map.of());
      study.siteStatuses().forEach((siteKey, status) -> {
        if (!status.equals(siteStatusBefore.get(siteKey))) {
          addHistory(batch, study.nctId(), StatusScope.SITE, siteKey, status, registryDate, now);
        }
      });
    }
    if (batch.size() > 0) batch.execute();
  }

  private static void addHistory(PreparedBatch batch, String nctId, StatusScope scope, String siteKey,
      String status, String registryDate, OffsetDateTime now) {
    batch.bind("nctId", nctId).bind("scope", scope.name()).bind("siteKey", siteKey).bind("status", status)
        .bind("registryDate", registryDate).bind("observedAt", now).add();
  }

  @Override
  public Optional<StoredStudy> find(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return jdbi.withHandle(handle -> {
      List<StoredStudy> found = studies(handle,
          handle.createQuery("SELECT " + STUDY_COLUMNS + " FROM trial WHERE nct_id = :nctId").bind("nctId", nctId));
      return found.stream().findFirst();
    });
  }

  @Override
  public List<TrialSummary> list(ListFilter filter) {
    Objects.requireNonNull(filter, "filter");
    StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM trial WHERE 1 = 1");
    if (!filter.statuses().isEmpty()) sql.append(" AND overall_status IN (<statuses>)");
    if (filter.conditionText() != null) sql.append(" AND LOWER(conditions) LIKE :pattern ESCAPE '!'");
    sql.append(" ORDER BY nct_id LIMIT :limit OFFSET :offset");
    return jdbi.withHandle(handle -> {
      Query query = handle.createQuery(sql.toString())
          .bind("limit", filter.limit())
          .bind("offset", filter.offset());
      if (!filter.statuses().isEmpty()) query.bindList("statuses", List.copyOf(filter.statuses()));
      if (filter.conditionText() != null) query.bind("pattern", containsPattern(filter.conditionText()));
      return query.map((rs, ctx) -> new TrialSummary(rs.getString("nct_id"), rs.getString("brief_title"),
          rs.getString("overall_status"), date(rs.getString("last_update_post_date")),
          date(rs.getString("status_verified_date")), conditions(rs.getString("conditions")),
          rs.getString("origin"), instant(rs, "updated_at"))).list();
    });
  }

  private static String containsPattern(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  @Override
  public Stream<StoredStudy> streamAll() {
    Iterator<List<StoredStudy>> pages = new Iterator<>() {
      private String after = "";
      private List<StoredStudy> page;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (page == null && !exhausted) {
          page = jdbi.withHandle(handle -> studies(handle, handle.createQuery("SELECT " + STUDY_COLUMNS
              + " FROM trial WHERE nct_id > :after ORDER BY nct_id LIMIT :limit")
              .bind("after", after).bind("limit", CHUNK)));
          if (page.isEmpty()) exhausted = true;
        }
        return page != null && !page.isEmpty();
      }

      @Override
      public List<StoredStudy> next() {
        if (!hasNext()) throw new NoSuchElementException();
        List<StoredStudy> current = page;
        after = current.getLast().nctId();
        exhausted = current.size() < CHUNK;
        page = null;
        return current;
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .flatMap(List::stream);
  }

  @Override
  public int count() {
    return jdbi.withHandle(handle ->
        handle.createQuery("SELECT COUNT(*) FROM trial").mapTo(Long.class).one()).intValue();
  }

  @Override
  public List<StatusChange> statusHistory(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return jdbi.withHandle(handle -> handle.createQuery("SELECT nct_id, scope, site_key, status, registry_date,"
            + " observed_at FROM trial_status_history WHERE nct_id = :nctId ORDER BY id")
        .bind("nctId", nctId)
        .map((rs, ctx) -> new StatusChange(rs.getString("nct_id"), StatusScope.valueOf(rs.getString("scope")),
            rs.getString("site_key"), rs.getString("status"), date(rs.getString("registry_date")),
            instant(rs, "observed_at")))
        .list());
  }

  @Override
  public Set<String> staleStatuses(LocalDate asOf, Period maxAge) {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    LocalDate cutoff = asOf.minus(maxAge);
    List<String> stale = jdbi.withHandle(handle -> handle.createQuery("SELECT nct_id FROM trial"
            + " WHERE (LENGTH(status_verified_date) = 7 AND status_verified_date < :month)"
            + " OR (LENGTH(status_verified_date) = 10 AND status_verified_date < :day)"
            + " ORDER BY nct_id")
        .bind("month", YearMonth.from(cutoff).toString())
        .bind("day", cutoff.toString())
        .mapTo(String.class)
        .list());
    return new LinkedHashSet<>(stale);
  }

  /** Runs a query over {@link #STUDY_COLUMNS} and attaches each study's sites. */
  private static List<StoredStudy> studies(Handle handle, Query query) {
    record Row(String nctId, String briefTitle, String overallStatus, String lastUpdatePostDate,
        String statusVerifiedDate, String conditions, String document, String origin) {
    }
    List<Row> rows = query.map((rs, ctx) -> new Row(rs.getString("nct_id"), rs.getString("brief_title"),
        rs.getString("overall_status"), rs.getString("last_update_post_date"),
        rs.getString("status_verified_date"), rs.getString("conditions"), rs.getString("document"),
        rs.getString("origin"))).list();
    if (rows.isEmpty()) return List.of();
    Map<String, Map<String, String>> sites = sites(handle, rows.stream().map(Row::nctId).toList());
    return rows.stream().map(row -> new StoredStudy(row.nctId(), row.briefTitle(), row.overallStatus(),
        date(row.lastUpdatePostDate()), date(row.statusVerifiedDate()), conditions(row.conditions()),
        sites.getOrDefault(row.nctId(), Map.of()), row.document(), row.origin())).toList();
  }

  private static Map<String, Map<String, String>> sites(Handle handle, List<String> nctIds) {
    Map<String, Map<String, String>> sites = new HashMap<>();
    handle.createQuery("SELECT nct_id, site_key, status FROM trial_site WHERE nct_id = ANY(:ids)")
        .bindArray("ids", String.class, nctIds)
        .map((rs, ctx) -> new String[] {rs.getString("nct_id"), rs.getString("site_key"), rs.getString("status")})
        .forEach(site -> sites.computeIfAbsent(site[0], id -> new TreeMap<>()).put(site[1], site[2]));
    return sites;
  }

  private static List<String> conditions(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
  }

  private static PartialDate date(String text) {
    return text == null ? null : new PartialDate(text);
  }

  private static String text(PartialDate date) {
    return date == null ? null : date.text();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
