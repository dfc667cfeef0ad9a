package org.eligo.referral.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.form.Answer;
import org.eligo.referral.form.InterestForm;
import org.eligo.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Stored referrals over Jdbi: insert (inside the caller's transaction, so the outbox rows commit with it), read,
 * list within a scope, status changes with history, notes, erasure and deletion by age. Does no access checks:
 * {@link org.eligo.referral.ReferralDesk} does those before calling.
 */
public final class ReferralRepository {

  private static final String COLUMNS = "id, reference, nct_id, trial_title, full_name, email, phone, message,"
      + " site_key, consent_contact, consent_share, status, submitted_at, status_changed_at, erased_at";

  private final Jdbi jdbi;

  public ReferralRepository(Database database) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
  }

  /** Inserts a referral and its answers in {@code handle}'s transaction; returns its id. */
  public long insert(Handle handle, NewReferral referral) {
    InterestForm form = referral.form();
    OffsetDateTime now = timestamp(referral.submittedAt());
    long id = handle.createUpdate("INSERT INTO referral (reference, nct_id, trial_title, full_name, email, phone,"
            + " message, site_key, consent_contact, consent_share, withdrawal_hash, status, submitted_at,"
            + " status_changed_at) VALUES (:reference, :nctId, :title, :name, :email, :phone, :message, :siteKey,"
            + " TRUE, TRUE, :withdrawalHash, 'NEW', :now, :now)")
        .bind("reference", referral.reference())
        .bind("nctId", referral.nctId())
        .bind("title", referral.trialTitle().orElse(null))
        .bind("name", form.name())
        .bind("email", form.email().orElse(null))
        .bind("phone", form.phone().orElse(null))
        .bind("message", form.message().orElse(null))
        .bind("siteKey", form.siteKey().orElse(null))
        .bind("withdrawalHash", referral.withdrawalHash())
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    for (int i = 0; i < form.answers().size(); i++) {
      Answer answer = form.answers().get(i);
      handle.createUpdate("INSERT INTO referral_answer (referral_id, ordinal, question, answer)"
              + " VALUES (:id, :ordinal, :question, :answer)")
          .bind("id", id).bind("ordinal", i).bind("question", answer.question()).bind("answer", answer.answer())
          .execute();
    }
    return id;
  }

  public Optional<Referral> find(long id) {
    return jdbi.withHandle(handle -> find(handle, id));
  }

  /** The referral in {@code handle}'s transaction (the forwarder reads it while holding its lease). */
  public Optional<Referral> find(Handle handle, long id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM referral WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> referral(rs, answers(handle, rs.getLong("id"))))
        .findOne();
  }

  /** Referrals matching {@code query}, newest first, never outside its trial scope. */
  public List<ReferralSummary> list(ReferralQuery query) {
    if (!query.allTrials() && query.trials().isEmpty()) return List.of();
    if (query.nctId().isPresent() && !query.allTrials() && !query.trials().contains(query.nctId().get())) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT id, reference, nct_id, full_name, status, submitted_at, erased_at"
        + " FROM referral WHERE 1 = 1");
    if (!query.allTrials()) sql.append(" AND nct_id IN (<trials>)");
    query.nctId().ifPresent(n -> sql.append(" AND nct_id = :nctId"));
    query.status().ifPresent(s -> sql.append(" AND status = :status"));
    query.text().ifPresent(t -> sql.append(" AND (reference = :reference OR LOWER(full_name) LIKE :pattern ESCAPE '!'"
        + " OR LOWER(email) LIKE :pattern ESCAPE '!')"));
    if (query.afterId() > 0) sql.append(" AND id < :afterId");
    sql.append(" ORDER BY id DESC LIMIT :limit");
    return jdbi.withHandle(handle -> {
      Query q = handle.createQuery(sql.toString());
      if (!query.allTrials()) q.bindList("trials", List.copyOf(query.trials()));
      query.nctId().ifPresent(n -> q.bind("nctId", n));
      query.status().ifPresent(s -> q.bind("status", s.name()));
      query.text().ifPresent(t -> q.bind("reference", t.strip().toUpperCase(Locale.ROOT))
          .bind("pattern", "%" + likeEscape(t.strip().toLowerCase(Locale.ROOT)) + "%"));
      if (query.afterId() > 0) q.bind("afterId", query.afterId());
      return q.bind("limit", query.limit())
          .map((rs, ctx) -> new ReferralSummary(rs.getLong("id"), rs.getString("reference"), rs.getString("nct_id"),
              Optional.ofNullable(rs.getString("full_name")), ReferralStatus.valueOf(rs.getString("status")),
              instant(rs, "submitted_at"), rs.getObject("erased_at") != null))
          .list();
    });
  }

  /** Every referral of a trial with its details, oldest first, for the CSV export. */
  public List<Referral> listForTrial(String nctId) {
    return jdbi.withHandle(handle -> {
      List<Referral> base = handle.createQuery("SELECT " + COLUMNS + " FROM referral WHERE nct_id = :nctId ORDER BY id")
          .bind("nctId", nctId)
          .map((rs, ctx) -> referral(rs, List.of()))
          .list();
      List<Referral> full = new ArrayList<>(base.size());
      for (Referral r : base) {
        full.add(new Referral(r.id(), r.reference(), r.nctId(), r.trialTitle(), r.name(), r.email(), r.phone(),
            r.message(), r.siteKey(), answers(handle, r.id()), r.consentToContact(), r.consentToShare(), r.status(),
            r.submittedAt(), r.statusChangedAt(), r.erasedAt()));
      }
      return full;
    });
  }

  /**
   * Moves a referral from {@code from} to {@code to} and records the step, unless its status changed meanwhile.
   *
   * @return true when the change was made
   * @throws IllegalArgumentException when the workflow does not allow {@code from → to}
   */
  public boolean changeStatus(long id, ReferralStatus from, ReferralStatus to, String changedBy, Instant at) {
    if (!from.canChangeTo(to)) throw new IllegalArgumentException(from + " cannot change to " + to);
    OffsetDateTime now = timestamp(at);
    return jdbi.inTransaction(handle -> {
      int changed = handle.createUpdate("UPDATE referral SET status = :to, status_changed_at = :now"
              + " WHERE id = :id AND status = :from")
          .bind("id", id).bind("from", from.name()).bind("to", to.name()).bind("now", now)
          .execute();
      if (changed == 0) return false;
      handle.createUpdate("INSERT INTO referral_status_change (referral_id, from_status, to_status, changed_by,"
              + " changed_at) VALUES (:id, :from, :to, :by, :now)")
          .bind("id", id).bind("from", from.name()).bind("to", to.name()).bind("by", changedBy).bind("now", now)
          .execute();
      return true;
    });
  }

  public List<StatusChange> history(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT from_status, to_status, changed_by, changed_at"
            + " FROM referral_status_change WHERE referral_id = :id ORDER BY id")
        .bind("id", id)
        .map((rs, ctx) -> new StatusChange(ReferralStatus.valueOf(rs.getString("from_status")),
            ReferralStatus.valueOf(rs.getString("to_status")), rs.getString("changed_by"), instant(rs, "changed_at")))
        .list());
  }

  public Note addNote(long referralId, String author, String body, Instant at) {
    OffsetDateTime now = timestamp(at);
    long id = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO referral_note (referral_id, author, body,"
            + " created_at) VALUES (:id, :author, :body, :now)")
        .bind("id", referralId).bind("author", author).bind("body", body).bind("now", now)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    return new Note(id, author, body, now.toInstant());
  }

  public List<Note> notes(long referralId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, author, body, created_at FROM referral_note"
            + " WHERE referral_id = :id ORDER BY id")
        .bind("id", referralId)
        .map((rs, ctx) -> new Note(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
            instant(rs, "created_at")))
        .list());
  }

  /** The id of the referral with this reference whose withdrawal code hashes to {@code withdrawalHash}. */
  public Optional<Long> findForWithdrawal(String reference, String withdrawalHash) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, withdrawal_hash FROM referral"
            + " WHERE reference = :reference AND erased_at IS NULL")
        .bind("reference", reference)
        .map((rs, ctx) -> java.security.MessageDigest.isEqual(
            rs.getString("withdrawal_hash").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            withdrawalHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) ? rs.getLong("id") : -1L)
        .findOne()
        .filter(id -> id >= 0));
  }

  /**
   * Erases the person's data from a referral: blanks name, contact details and free text, deletes answers and
   * notes, cancels deliveries not yet made, and records WITHDRAWN. Reference, trial and dates stay.
   *
   * @return false when there is no such referral or it was already erased
   */
  public boolean erase(long id, String erasedBy, Instant at) {
    OffsetDateTime now = timestamp(at);
    return jdbi.inTransaction(handle -> {
      Optional<String> status = handle.createQuery("SELECT status FROM referral WHERE id = :id AND erased_at IS NULL")
          .bind("id", id).mapTo(String.class).findOne();
      if (status.isEmpty()) return false;
      handle.createUpdate("UPDATE referral SET full_name = NULL, email = NULL, phone = NULL, message = NULL,"
              + " site_key = NULL, trial_title = NULL, status = 'WITHDRAWN', status_changed_at = :now,"
              + " erased_at = :now WHERE id = :id")
          .bind("id", id).bind("now", now).execute();
      if (!status.get().equals(ReferralStatus.WITHDRAWN.name())) {
        handle.createUpdate("INSERT INTO referral_status_change (referral_id, from_status, to_status, changed_by,"
                + " changed_at) VALUES (:id, :from, 'WITHDRAWN', :by, :now)")
            .bind("id", id).bind("from", status.get()).bind("by", erasedBy).bind("now", now).execute();
      }
      handle.createUpdate("DELETE FROM referral_answer WHERE referral_id = :id").bind("id", id).execute();
      handle.createUpdate("DELETE FROM referral_note WHERE referral_id = :id").bind("id", id).execute();
      handle.createUpdate("UPDATE outbox SET state = 'CANCELLED', secret_payload = NULL, lease_owner = NULL,"
              + " lease_until = NULL WHERE referral_id = :id AND state IN ('PENDING', 'FAILED', 'NO_DESTINATION')")
          .bind("id", id).execute();
      handle.createUpdate("UPDATE outbox SET secret_payload = NULL WHERE referral_id = :id").bind("id", id).execute();
      return true;
    });
  }

  /** Deletes every referral submitted before {@code cutoff}, with everything attached; returns how many. */
  public int deleteSubmittedBefore(Instant cutoff) {
    return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM referral WHERE submitted_at < :cutoff")
        .bind("cutoff", timestamp(cutoff)).execute());
  }

  /** Counts per status and per delivery state of the trial's team forwards. */
  public ScreeningLog screeningLog(String nctId) {
    return jdbi.withHandle(handle -> {
      Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
      for (ReferralStatus s : ReferralStatus.values()) byStatus.put(s, 0L);
      handle.createQuery("SELECT status, COUNT(*) AS n FROM referral WHERE nct_id = :nctId GROUP BY status")
          .bind("nctId", nctId)
          .map((rs, ctx) -> Map.entry(ReferralStatus.valueOf(rs.getString("status")), rs.getLong("n")))
          .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
      Map<String, Long> deliveries = new LinkedHashMap<>();
      handle.createQuery("SELECT o.state, COUNT(*) AS n FROM outbox o JOIN referral r ON r.id = o.referral_id"
              + " WHERE r.nct_id = :nctId AND o.kind <> 'CONFIRMATION_EMAIL' GROUP BY o.state ORDER BY o.state")
          .bind("nctId", nctId)
          .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n")))
          .forEach(e -> deliveries.put(e.getKey(), e.getValue()));
      return new ScreeningLog(nctId, byStatus, deliveries);
    });
  }

  private static List<Answer> answers(Handle handle, long id) {
    return handle.createQuery("SELECT question, answer FROM referral_answer WHERE referral_id = :id ORDER BY ordinal")
        .bind("id", id)
        .map((rs, ctx) -> new Answer(rs.getString("question"), rs.getString("answer")))
        .list();
  }

  private static Referral referral(ResultSet rs, List<Answer> answers) throws SQLException {
    OffsetDateTime erased = rs.getObject("erased_at", OffsetDateTime.class);
    return new Referral(rs.getLong("id"), rs.getString("reference"), rs.getString("nct_id"),
        Optional.ofNullable(rs.getString("trial_title")), Optional.ofNullable(rs.getString("full_name")),
        Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("phone")),
        Optional.ofNullable(rs.getString("message")), Optional.ofNullable(rs.getString("site_key")), answers,
        rs.getBoolean("consent_contact"), rs.getBoolean("consent_share"),
        ReferralStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
        instant(rs, "status_changed_at"), Optional.ofNullable(erased).map(OffsetDateTime::toInstant));
  }

  /** A UTC timestamp at the microsecond precision both databases keep. */
  public static OffsetDateTime timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
