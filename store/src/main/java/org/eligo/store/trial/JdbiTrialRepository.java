package org.eligo.store.trial;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
import org.eligo.store.DocumentLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link TrialRepository} over JDBC with Jdbi, for H2 and PostgreSQL alike. Imports work in chunks: one query
 * reads (and locks) the stored versions of a chunk, then JDBC batches write its inserts, updates and history. A
 * study is one row (site statuses included, {@link SiteStatusText}); the embedded registry appends its document to
 * the {@link DocumentLog} and the row points there, PostgreSQL keeps it in the row.
 */
public final class JdbiTrialRepository implements TrialRepository {

  /** Studies per chunk of an import and per page of an iteration. */
  private static final int CHUNK = 500;

  private static final String STUDY_COLUMNS = "nct_id, brief_title, overall_status, last_update_post_date,"
      + " status_verified_date, conditions, site_statuses, document, document_file, document_offset, document_length,"
      + " origin";
  private static final String SUMMARY_COLUMNS = "nct_id, brief_title, overall_status, last_update_post_date,"
      + " status_verified_date, conditions, origin, updated_at";
  /** The columns an import writes, in the order {@link #writeTrials} binds them; {@code nct_id} comes last. */
  private static final String WRITTEN = "brief_title, overall_status, last_update_post_date, status_verified_date,"
      + " conditions, site_statuses, document, document_file, document_offset, document_length, content_hash,"
      + " origin, updated_at";
  private static final String INSERT_TRIAL = "INSERT INTO trial (" + WRITTEN + ", first_imported_at, nct_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_TRIAL = "UPDATE trial SET " + WRITTEN.replace(",", " = ?,") + " = ?"
      + " WHERE nct_id = ?";
  private static final String INSERT_HISTORY = "INSERT INTO trial_status_history"
      + " (nct_id, scope, site_key, status, registry_date, observed_at)"
      + " VALUES (:nctId, :scope, :siteKey, :status, :registryDate, :observedAt)";

  private final Jdbi jdbi;
  private final Clock clock;
  /** The latest time stamped on a stored study or handed out by {@link #changesFrom}. */
  private final java.util.concurrent.atomic.AtomicReference<Instant> lastStamp =
      new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);
  /**
   * Locks the rows an import reads, against a concurrent import of the same studies. PostgreSQL only: an embedded
   * H2 database has one process, and H2 would rewrite every locked row.
   */
  private final String lockClause;
  /** Where documents go: the embedded registry's file, or null for the {@code document} column (PostgreSQL). */
  private final DocumentLog documentLog;

  public JdbiTrialRepository(Database database) {
    this(database, Clock.systemUTC());
  }

  /** With the clock that stamps import and observation times. */
  public JdbiTrialRepository(Database database, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lockClause = database.kind() == Database.Kind.POSTGRESQL ? " FOR UPDATE" : "";
    this.documentLog = database.documentLog().orElse(null);
  }

  @Override
  public Instant changesFrom() {
    return stamp();
  }

  /** The clock's time, or the last stamp given when the clock has gone back since: stamps never go back. */
  private Instant stamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return lastStamp.accumulateAndGet(now, (last, next) -> next.isAfter(last) ? next : last);
  }

  @Override
  public UpsertOutcome upsert(StoredStudy study) {
    return upsertAll(List.of(study)).getFirst();
  }

  @Override
  public List<UpsertOutcome> upsertAll(List<StoredStudy> studies) {
    Objects.requireNonNull(studies, "studies");
    return upsertHashed(studies.stream().map(HashedStudy::of).toList());
  }

  @Override
  public List<UpsertOutcome> upsertHashed(List<HashedStudy> studies) {
    Objects.requireNonNull(studies, "studies");
    if (studies.isEmpty()) return List.of();
    OffsetDateTime now = stamp().atOffset(ZoneOffset.UTC);
    return jdbi.inTransaction(handle -> {
      List<UpsertOutcome> outcomes = new ArrayList<>(studies.size());
      for (List<HashedStudy> chunk : chunks(studies)) outcomes.addAll(upsertChunk(handle, chunk, now));
      // on disk before the rows that point to them commit: a crash never leaves a row without its document
      if (documentLog != null) documentLog.force();
      return outcomes;
    });
  }

  /** Splits into chunks of at most {@link #CHUNK} with no NCT number twice in one chunk. */
  private static List<List<HashedStudy>> chunks(List<HashedStudy> studies) {
    List<List<HashedStudy>> chunks = new ArrayList<>();
    List<HashedStudy> chunk = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (HashedStudy study : studies) {
      Objects.requireNonNull(study, "study");
      if (chunk.size() == CHUNK || !ids.add(study.study().nctId())) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        ids.clear();
        ids.add(study.study().nctId());
      }
      chunk.add(study);
    }
    chunks.add(chunk);
    return chunks;
  }

  /** What an import needs to know of a stored version. */
  private record Stored(String contentHash, PartialDate lastUpdatePostDate, String overallStatus,
      Map<String, String> siteStatuses, OffsetDateTime firstImportedAt) {
  }

  private record Write(StoredStudy study, String contentHash, Stored before) {
  }

  private List<UpsertOutcome> upsertChunk(Handle handle, List<HashedStudy> chunk, OffsetDateTime now) {
    Map<String, Stored> stored = handle.createQuery("SELECT nct_id, content_hash, last_update_post_date,"
            + " overall_status, site_statuses, first_imported_at FROM trial WHERE nct_id = ANY(:ids)" + lockClause)
        .bindArray("ids", String.class, chunk.stream().map(h -> h.study().nctId()).toList())
        .map((rs, ctx) -> Map.entry(rs.getString("nct_id"), new Stored(rs.getString("content_hash"),
            date(rs.getString("last_update_post_date")), rs.getString("overall_status"),
            SiteStatusText.decode(rs.getString("site_statuses")),
            rs.getObject("first_imported_at", OffsetDateTime.class))))
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    List<UpsertOutcome> outcomes = new ArrayList<>(chunk.size());
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    for (HashedStudy hashed : chunk) {
      StoredStudy study = hashed.study();
      String hash = hashed.contentHash();
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

    writeTrials(handle, INSERT_TRIAL, inserts, now);
    writeTrials(handle, UPDATE_TRIAL, updates, now);
    writeHistory(handle, updates, now);
    return outcomes;
  }

  /** Inserts or updates rows in one JDBC batch (plain JDBC: binding by name cost a tenth of an import). */
  private void writeTrials(Handle handle, String sql, List<Write> writes, OffsetDateTime now) {
    if (writes.isEmpty()) return;
    boolean insert = sql.equals(INSERT_TRIAL);
    // the documents of the whole batch in one write: a write per document cost the storing thread a tenth of an import
    List<DocumentLog.Ref> refs = documentLog == null ? null
        : documentLog.appendAll(writes.stream().map(w -> w.study().document().utf8()).toList());
    try (PreparedStatement batch = handle.getConnection().prepareStatement(sql)) {
      for (int w = 0; w < writes.size(); w++) {
        Write write = writes.get(w);
        StoredStudy study = write.study();
        DocumentLog.Ref ref = refs == null ? null : refs.get(w);
        int i = 0;
        text(batch, ++i, study.briefTitle());
        text(batch, ++i, study.overallStatus());
        text(batch, ++i, text(study.lastUpdatePostDate()));
        text(batch, ++i, text(study.statusVerifiedDate()));
        text(batch, ++i, study.conditions().isEmpty() ? null : String.join("\n", study.conditions()));
        text(batch, ++i, SiteStatusText.encode(study.siteStatuses()));
        text(batch, ++i, ref == null ? study.documentJson() : null);
        if (ref == null) {
          batch.setNull(++i, Types.INTEGER);
          batch.setNull(++i, Types.BIGINT);
          batch.setNull(++i, Types.INTEGER);
        } else {
          batch.setInt(++i, ref.file());
          batch.setLong(++i, ref.offset());
          batch.setInt(++i, ref.length());
        }
        text(batch, ++i, write.contentHash());
        text(batch, ++i, study.origin());
        batch.setObject(++i, now);
        if (insert) batch.setObject(++i, now);
        text(batch, ++i, study.nctId());
        batch.addBatch();
      }
      batch.executeBatch();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("storing " + writes.size() + " studies failed: " + e.getMessage(), e,
          null);
    }
  }



  private static void text(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  /**
   * Appends the status history of updated studies. A study's first version writes no history: while no rows exist,
   * the history is the stored version's statuses as first seen ({@link #statusHistory}). So the first update of a
   * study writes that first version's statuses, then what changed.
   */
  private static void writeHistory(Handle handle, List<Write> updates, OffsetDateTime now) {
    if (updates.isEmpty()) return;
    Set<String> withHistory = new HashSet<>(handle.createQuery(
            "SELECT DISTINCT nct_id FROM trial_status_history WHERE nct_id = ANY(:ids)")
        .bindArray("ids", String.class, updates.stream().map(w -> w.study().nctId()).toList())
        .mapTo(String.class).list());
    PreparedBatch batch = handle.prepareBatch(INSERT_HISTORY);
    for (Write write : updates) {
      StoredStudy study = write.study();
      Stored before = write.before();
      if (!withHistory.contains(study.nctId())) {
        for (StatusChange first : firstSeen(study.nctId(), before.overallStatus(), before.siteStatuses(),
            before.lastUpdatePostDate(), before.firstImportedAt().toInstant())) {
          addHistory(batch, first.nctId(), first.scope(), first.siteKey(), first.status(), text(first.registryDate()),
              before.firstImportedAt());
        }
      }
      String registryDate = text(study.lastUpdatePostDate());
      if (study.overallStatus() != null && !study.overallStatus().equals(before.overallStatus())) {
        addHistory(batch, study.nctId(), StatusScope.OVERALL, null, study.overallStatus(), registryDate, now);
      }
      study.siteStatuses().forEach((siteKey, status) -> {
        if (!status.equals(before.siteStatuses().get(siteKey))) {
          addHistory(batch, study.nctId(), StatusScope.SITE, siteKey, status, registryDate, now);
        }
      });
    }
    if (batch.size() > 0) batch.execute();
  }

  /** The statuses of a study's first stored version, as history entries. */
  private static List<StatusChange> firstSeen(String nctId, String overallStatus, Map<String, String> siteStatuses,
      PartialDate registryDate, Instant observedAt) {
    List<StatusChange> changes = new ArrayList<>();
    if (overallStatus != null) {
      changes.add(new StatusChange(nctId, StatusScope.OVERALL, null, overallStatus, registryDate, observedAt));
    }
    siteStatuses.forEach((siteKey, status) ->
        changes.add(new StatusChange(nctId, StatusScope.SITE, siteKey, status, registryDate, observedAt)));
    return changes;
  }

  private static void addHistory(PreparedBatch batch, String nctId, StatusScope scope, String siteKey,
      String status, String registryDate, OffsetDateTime observedAt) {
    batch.bind("nctId", nctId).bind("scope", scope.name()).bind("siteKey", siteKey).bind("status", status)
        .bind("registryDate", registryDate).bind("observedAt", observedAt).add();
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
    return pages(null);
  }

  @Override
  public Stream<StoredStudy> streamUpdatedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    return pages(since.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
  }

  /** Studies in NCT order, a page per query; only those updated at or after {@code since} unless it is null. */
  private Stream<StoredStudy> pages(OffsetDateTime since) {
    Iterator<List<StoredStudy>> pages = new Iterator<>() {
      private String after = "";
      private List<StoredStudy> page;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (page == null && !exhausted) {
          page = jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + STUDY_COLUMNS + " FROM trial WHERE nct_id > :after"
                + (since == null ? "" : " AND updated_at >= :since") + " ORDER BY nct_id LIMIT :limit");
            if (since != null) query.bind("since", since);
            return studies(handle, query.bind("after", after).bind("limit", CHUNK));
          });
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
    return jdbi.withHandle(handle -> {
      List<StatusChange> recorded = handle.createQuery("SELECT nct_id, scope, site_key, status, registry_date,"
              + " observed_at FROM trial_status_history WHERE nct_id = :nctId ORDER BY id")
          .bind("nctId", nctId)
          .map((rs, ctx) -> new StatusChange(rs.getString("nct_id"), StatusScope.valueOf(rs.getString("scope")),
              rs.getString("site_key"), rs.getString("status"), date(rs.getString("registry_date")),
              instant(rs, "observed_at")))
          .list();
      if (!recorded.isEmpty()) return recorded;
      // never updated: the stored version is the first one seen
      return handle.createQuery("SELECT overall_status, site_statuses, last_update_post_date, first_imported_at"
              + " FROM trial WHERE nct_id = :nctId")
          .bind("nctId", nctId)
          .map((rs, ctx) -> firstSeen(nctId, rs.getString("overall_status"),
              SiteStatusText.decode(rs.getString("site_statuses")), date(rs.getString("last_update_post_date")),
              instant(rs, "first_imported_at")))
          .findFirst().orElse(List.of());
    });
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

  /** Runs a query over {@link #STUDY_COLUMNS}. */
  private List<StoredStudy> studies(Handle handle, Query query) {
    return query.map((rs, ctx) -> new StoredStudy(rs.getString("nct_id"), rs.getString("brief_title"),
        rs.getString("overall_status"), date(rs.getString("last_update_post_date")),
        date(rs.getString("status_verified_date")), conditions(rs.getString("conditions")),
        SiteStatusText.decode(rs.getString("site_statuses")), document(rs), rs.getString("origin"))).list();
  }

  /** The row's document: in the row, or in the embedded registry's document file. */
  private JsonText document(ResultSet rs) throws SQLException {
    String inRow = rs.getString("document");
    if (inRow != null) return JsonText.of(inRow);
    if (documentLog == null) {
      throw new IllegalStateException("study " + rs.getString("nct_id") + " points to a document file, which a"
          + " PostgreSQL registry does not have");
    }
    DocumentLog.Ref ref = new DocumentLog.Ref(rs.getInt("document_file"), rs.getLong("document_offset"),
        rs.getInt("document_length"));
    return JsonText.ofUtf8(documentLog.read(ref));
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
