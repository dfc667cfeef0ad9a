package org.eligo.referral.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Staff accounts over Jdbi: create, look up, scope to trials, password checks. E-mail addresses are lower-cased. */
public final class StaffDirectory {

  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}");
  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final Clock clock;

  public StaffDirectory(Database database, PasswordHasher hasher, Clock clock) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates an active account.
   *
   * @throws IllegalArgumentException for a malformed e-mail or trial id, a weak password, trials on an
   *     administrator, or an address already in use
   */
  public StaffUser create(String email, String password, Role role, Set<String> trials) {
    String address = normaliseEmail(email);
    Objects.requireNonNull(role, "role");
    validateTrials(trials);
    if (role == Role.ADMIN && !trials.isEmpty()) {
      throw new IllegalArgumentException("an administrator sees every trial; give trials only to other roles");
    }
    String hash = hasher.hash(password);
    OffsetDateTime now = ReferralRepository.timestamp(clock.instant());
    return jdbi.inTransaction(handle -> {
      if (findByEmail(handle, address).isPresent()) {
        throw new IllegalArgumentException("an account for " + address + " already exists");
      }
      long id = handle.createUpdate("INSERT INTO staff_user (email, password_hash, role, active, created_at)"
              + " VALUES (:email, :hash, :role, TRUE, :now)")
          .bind("email", address).bind("hash", hash).bind("role", role.name()).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      insertTrials(handle, id, trials);
      return find(handle, id).orElseThrow();
    });
  }

  public Optional<StaffUser> find(long id) {
    return jdbi.withHandle(handle -> find(handle, id));
  }

  public Optional<StaffUser> findByEmail(String email) {
    if (email == null) return Optional.empty();
    return jdbi.withHandle(handle -> findByEmail(handle, email.strip().toLowerCase(Locale.ROOT)));
  }

  public List<StaffUser> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM staff_user ORDER BY email")
        .mapTo(Long.class).list().stream().map(id -> find(handle, id).orElseThrow()).toList());
  }

  /** Replaces the trials an account is scoped to. */
  public void setTrials(long id, Set<String> trials) {
    validateTrials(trials);
    jdbi.useTransaction(handle -> {
      handle.createUpdate("DELETE FROM staff_trial WHERE user_id = :id").bind("id", id).execute();
      insertTrials(handle, id, trials);
    });
  }

  public void setActive(long id, boolean active) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE staff_user SET active = :active WHERE id = :id")
        .bind("id", id).bind("active", active).execute());
  }

  public void setPassword(long id, String password) {
    String hash = hasher.hash(password);
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE staff_user SET password_hash = :hash WHERE id = :id")
        .bind("id", id).bind("hash", hash).execute());
  }

  /** The active account with this e-mail address and password; empty otherwise, in about the same time. */
  public Optional<StaffUser> authenticate(String email, String password) {
    if (email == null || password == null) return Optional.empty();
    String address = email.strip().toLowerCase(Locale.ROOT);
    Optional<String> hash = jdbi.withHandle(handle -> handle.createQuery("SELECT password_hash FROM staff_user"
            + " WHERE email = :email AND active = TRUE")
        .bind("email", address).mapTo(String.class).findOne());
    if (hash.isEmpty()) {
      hasher.verifyDummy(password);
      return Optional.empty();
    }
    return hasher.verify(password, hash.get()) ? findByEmail(address) : Optional.empty();
  }

  static Optional<StaffUser> find(Handle handle, long id) {
    Optional<StaffUser> base = handle.createQuery("SELECT id, email, role, active, created_at FROM staff_user"
            + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new StaffUser(rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
            rs.getBoolean("active"), Set.of(), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .findOne();
    return base.map(u -> new StaffUser(u.id(), u.email(), u.role(), u.active(),
        new HashSet<>(handle.createQuery("SELECT nct_id FROM staff_trial WHERE user_id = :id")
            .bind("id", id).mapTo(String.class).list()), u.createdAt()));
  }

  private static Optional<StaffUser> findByEmail(Handle handle, String email) {
    return handle.createQuery("SELECT id FROM staff_user WHERE email = :email").bind("email", email)
        .mapTo(Long.class).findOne().flatMap(id -> find(handle, id));
  }

  private static void insertTrials(Handle handle, long id, Set<String> trials) {
    for (String nct : trials) {
      handle.createUpdate("INSERT INTO staff_trial (user_id, nct_id) VALUES (:id, :nct)")
          .bind("id", id).bind("nct", nct).execute();
    }
  }

  private static String normaliseEmail(String email) {
    Objects.requireNonNull(email, "email");
    String address = email.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(address).matches() || address.length() > 254) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
    return address;
  }

  private static void validateTrials(Set<String> trials) {
    for (String nct : trials) {
      if (nct == null || !NCT.matcher(nct).matches()) {
        throw new IllegalArgumentException("not a ClinicalTrials.gov id (NCT followed by 8 digits): " + nct);
      }
    }
  }
}
