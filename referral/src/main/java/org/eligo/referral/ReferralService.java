package org.eligo.referral;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eligo.core.trial.Trial;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.audit.AuditLog;
import org.eligo.referral.form.InterestForm;
import org.eligo.referral.outbox.DeliveryKind;
import org.eligo.referral.outbox.Destination;
import org.eligo.referral.outbox.DestinationResolver;
import org.eligo.referral.outbox.ForwardingRoutes;
import org.eligo.referral.outbox.Outbox;
import org.eligo.referral.record.NewReferral;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.referral.staff.Secrets;
import org.eligo.store.Database;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The public side of referrals. {@link #submit} stores the referral and its outbox rows (forward to the trial
 * team; confirmation to the person when they gave an e-mail address) in one transaction and returns only after
 * it has committed, so a receipt is never shown for a form that is not stored. {@link #withdraw} erases.
 */
public final class ReferralService {

  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
  private static final Pattern REFERENCE = Pattern.compile("EL-[0-9A-Z]{8}");

  private final Database database;
  private final ReferralRepository referrals;
  private final ForwardingRoutes routes;
  private final AuditLog audit;
  private final Clock clock;

  public ReferralService(Database database, ReferralRepository referrals, ForwardingRoutes routes, AuditLog audit,
      Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.referrals = Objects.requireNonNull(referrals, "referrals");
    this.routes = Objects.requireNonNull(routes, "routes");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a validated form for a trial and queues its forwarding.
   *
   * @param trial the registry record, for its contacts and title; empty if the registry does not have it
   * @throws IllegalArgumentException when {@code nctId} is not an NCT id
   */
  public Receipt submit(String nctId, Optional<Trial> trial, InterestForm form) {
    if (nctId == null || !NCT.matcher(nctId).matches()) throw new IllegalArgumentException("not an NCT id: " + nctId);
    Destination destination = DestinationResolver.resolve(routes.find(nctId), trial, form.siteKey());
    DeliveryKind forwardKind = destination instanceof Destination.Webhook
        ? DeliveryKind.FORWARD_WEBHOOK : DeliveryKind.FORWARD_EMAIL;
    Optional<String> title = trial.map(Trial::title);
    for (int attempt = 1; ; attempt++) {
      String reference = "EL-" + Secrets.code(8);
      String code = Secrets.code(10);
      Instant now = clock.instant();
      NewReferral referral = new NewReferral(reference, nctId, title, form, Secrets.sha256Hex(code), now);
      try {
        long id = database.jdbi().inTransaction(handle -> {
          long referralId = referrals.insert(handle, referral);
          Outbox.enqueue(handle, referralId, forwardKind, destination, Optional.empty(), now);
          if (form.email().isPresent()) {
            Outbox.enqueue(handle, referralId, DeliveryKind.CONFIRMATION_EMAIL,
                new Destination.Email(form.email().get()), Optional.of(code), now);
          }
          return referralId;
        });
        return new Receipt(id, reference, code, !(destination instanceof Destination.Nowhere));
      } catch (UnableToExecuteStatementException e) {
        if (attempt >= 5 || !isUniqueViolation(e)) throw e;
        // A reference number collided (1 in 2^40 per pair): draw another.
      }
    }
  }

  /**
   * Withdraws the referral with this reference if {@code code} is its withdrawal code: erases the person's data
   * and cancels deliveries not yet made.
   *
   * @return false when the reference and code do not match a referral that still holds data
   */
  public boolean withdraw(String reference, String code) {
    if (reference == null || code == null) return false;
    String typed = reference.strip().toUpperCase(java.util.Locale.ROOT);
    typed = typed.startsWith("EL-") ? typed.substring(3) : typed.startsWith("EL") ? typed.substring(2) : typed;
    String ref = "EL-" + Secrets.normaliseCode(typed);
    if (!REFERENCE.matcher(ref).matches()) return false;
    Optional<Long> id = referrals.findForWithdrawal(ref, Secrets.sha256Hex(Secrets.normaliseCode(code)));
    if (id.isEmpty()) return false;
    boolean erased = referrals.erase(id.get(), "person", clock.instant());
    if (erased) audit.append(null, "person", AuditAction.WITHDRAW, "referral:" + id.get(), null, null);
    return erased;
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
    }
    return false;
  }
}
