package org.eligo.referral;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.audit.AuditEntry;
import org.eligo.referral.audit.AuditLog;
import org.eligo.referral.outbox.Destination;
import org.eligo.referral.outbox.ForwardingRoute;
import org.eligo.referral.outbox.ForwardingRoutes;
import org.eligo.referral.outbox.Outbox;
import org.eligo.referral.outbox.OutboxEntry;
import org.eligo.referral.record.Note;
import org.eligo.referral.record.Referral;
import org.eligo.referral.record.ReferralCsv;
import org.eligo.referral.record.ReferralQuery;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.referral.record.ReferralStatus;
import org.eligo.referral.record.ReferralSummary;
import org.eligo.referral.record.ScreeningLog;
import org.eligo.referral.staff.AccessPolicy;
import org.eligo.referral.staff.ApiTokens;
import org.eligo.referral.staff.IssuedToken;
import org.eligo.referral.staff.StaffDirectory;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffOperation;
import org.eligo.referral.staff.StaffUser;

/**
 * Every staff operation on referrals, each checked against {@link AccessPolicy} for the trial of the record it
 * touches and written to the audit log (denials too). Web pages, the JSON API and the command line all come
 * through here, so no route can reach a referral of a trial outside the caller's scope.
 */
public final class ReferralDesk {

  public static final int MAX_NOTE = 4000;

  private final ReferralRepository referrals;
  private final Outbox outbox;
  private final ForwardingRoutes routes;
  private final AuditLog audit;
  private final Clock clock;

  public ReferralDesk(ReferralRepository referrals, Outbox outbox, ForwardingRoutes routes, AuditLog audit,
      Clock clock) {
    this.referrals = Objects.requireNonNull(referrals, "referrals");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.routes = Objects.requireNonNull(routes, "routes");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Referrals the caller may see, newest first. Without {@code nctId}: across all the caller's trials.
   *
   * @param text a reference number, or part of a name or e-mail address
   */
  public DeskResult<List<ReferralSummary>> list(StaffUser user, Optional<String> nctId,
      Optional<ReferralStatus> status, Optional<String> text, long afterId, int limit) {
    if (!user.active()) return forbidden(user, StaffOperation.LIST_REFERRALS, "referrals", nctId.orElse(null));
    if (nctId.isPresent() && !allowed(user, StaffOperation.LIST_REFERRALS, nctId.get(), "trial:" + nctId.get())) {
      return new DeskResult.Forbidden<>();
    }
    boolean all = user.role() == Role.ADMIN;
    Set<String> scope = all ? Set.of() : user.trials().stream()
        .filter(t -> AccessPolicy.allows(user, StaffOperation.LIST_REFERRALS, t)).collect(Collectors.toSet());
    List<ReferralSummary> found = referrals.list(new ReferralQuery(all, scope, nctId, status,
        text.filter(t -> !t.isBlank()), afterId, Math.max(1, Math.min(limit, 500))));
    audit.append(user.id(), user.email(), AuditAction.LIST_REFERRALS, nctId.map(n -> "trial:" + n).orElse(null),
        nctId.orElse(null), found.size() + " shown" + (text.isPresent() ? ", searched" : ""));
    return new DeskResult.Ok<>(found);
  }

  /** One referral with its notes, history and deliveries (withdrawal codes removed). */
  public DeskResult<ReferralDetails> open(StaffUser user, long referralId) {
    Optional<Referral> referral = referrals.find(referralId);
    DeskResult<ReferralDetails> denied = check(user, StaffOperation.VIEW_REFERRAL, referral, referralId);
    if (denied != null) return denied;
    Referral r = referral.get();
    audit.append(user.id(), user.email(), AuditAction.VIEW_REFERRAL, "referral:" + referralId, r.nctId(), null);
    return new DeskResult.Ok<>(new ReferralDetails(r, referrals.notes(referralId), referrals.history(referralId),
        withoutSecrets(outbox.forReferral(referralId))));
  }

  /** The deliveries of one referral: where each went, attempts, state and last error. */
  public DeskResult<List<OutboxEntry>> deliveries(StaffUser user, long referralId) {
    Optional<Referral> referral = referrals.find(referralId);
    DeskResult<List<OutboxEntry>> denied = check(user, StaffOperation.VIEW_DELIVERIES, referral, referralId);
    if (denied != null) return denied;
    return new DeskResult.Ok<>(withoutSecrets(outbox.forReferral(referralId)));
  }

  public DeskResult<ReferralStatus> changeStatus(StaffUser user, long referralId, ReferralStatus to) {
    Optional<Referral> referral = referrals.find(referralId);
    DeskResult<ReferralStatus> denied = check(user, StaffOperation.CHANGE_STATUS, referral, referralId);
    if (denied != null) return denied;
    Referral r = referral.get();
    if (r.erased()) return new DeskResult.Invalid<>("the person withdrew; the referral can no longer change");
    if (!r.status().canChangeTo(to)) {
      return new DeskResult.Invalid<>(r.status() + " cannot change to " + to);
    }
    if (!referrals.changeStatus(referralId, r.status(), to, user.email(), clock.instant())) {
      return new DeskResult.Invalid<>("the status was changed by someone else meanwhile; reload and try again");
    }
    audit.append(user.id(), user.email(), AuditAction.STATUS_CHANGE, "referral:" + referralId, r.nctId(),
        r.status() + " -> " + to);
    return new DeskResult.Ok<>(to);
  }

  public DeskResult<Note> addNote(StaffUser user, long referralId, String body) {
    Optional<Referral> referral = referrals.find(referralId);
    DeskResult<Note> denied = check(user, StaffOperation.ADD_NOTE, referral, referralId);
    if (denied != null) return denied;
    if (referral.get().erased()) return new DeskResult.Invalid<>("the person withdrew; no notes can be added");
    String text = body == null ? "" : body.strip().replace("\r\n", "\n");
    if (text.isEmpty()) return new DeskResult.Invalid<>("a note cannot be empty");
    if (text.codePointCount(0, text.length()) > MAX_NOTE) {
      return new DeskResult.Invalid<>("a note has at most " + MAX_NOTE + " characters");
    }
    if (text.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c == 0xFFFD)) {
      return new DeskResult.Invalid<>("a note cannot contain control characters or invalid text");
    }
    Note note = referrals.addNote(referralId, user.email(), text, clock.instant());
    audit.append(user.id(), user.email(), AuditAction.ADD_NOTE, "referral:" + referralId, referral.get().nctId(),
        null);
    return new DeskResult.Ok<>(note);
  }

  /** Every referral of a trial as CSV. */
  public DeskResult<String> exportCsv(StaffUser user, String nctId) {
    if (!allowed(user, StaffOperation.EXPORT_CSV, nctId, "trial:" + nctId)) return new DeskResult.Forbidden<>();
    List<Referral> rows = referrals.listForTrial(nctId);
    audit.append(user.id(), user.email(), AuditAction.EXPORT, "trial:" + nctId, nctId, rows.size() + " referrals");
    return new DeskResult.Ok<>(ReferralCsv.write(rows));
  }

  public DeskResult<ScreeningLog> screeningLog(StaffUser user, String nctId) {
    if (!allowed(user, StaffOperation.VIEW_SCREENING_LOG, nctId, "trial:" + nctId)) {
      return new DeskResult.Forbidden<>();
    }
    return new DeskResult.Ok<>(referrals.screeningLog(nctId));
  }

  /** Erases the person's data on their behalf (they asked by phone or mail). */
  public DeskResult<Boolean> erase(StaffUser user, long referralId) {
    Optional<Referral> referral = referrals.find(referralId);
    DeskResult<Boolean> denied = check(user, StaffOperation.ERASE_REFERRAL, referral, referralId);
    if (denied != null) return denied;
    boolean erased = referrals.erase(referralId, user.email(), clock.instant());
    if (erased) {
      audit.append(user.id(), user.email(), AuditAction.ERASE, "referral:" + referralId, referral.get().nctId(),
          null);
    }
    return new DeskResult.Ok<>(erased);
  }

  /** Whether the caller may edit a trial's computable criteria; a refusal is audited. */
  public DeskResult<String> mayEditRules(StaffUser user, String nctId) {
    return allowed(user, StaffOperation.EDIT_RULES, nctId, "rules:" + nctId)
        ? new DeskResult.Ok<>(nctId) : new DeskResult.Forbidden<>();
  }

  /** Records a saved rule edit (call after the registry stored it). */
  public void recordRulesEdit(StaffUser user, String nctId, String detail) {
    if (!AccessPolicy.allows(user, StaffOperation.EDIT_RULES, nctId)) {
      throw new IllegalStateException("recordRulesEdit without permission; call mayEditRules first");
    }
    audit.append(user.id(), user.email(), AuditAction.RULES_EDIT, "rules:" + nctId, nctId, detail);
  }

  /** Puts a FAILED or undeliverable row back in the queue (administrators). */
  public DeskResult<Boolean> retryDelivery(StaffUser user, long outboxId, Optional<Destination> destination) {
    if (!allowed(user, StaffOperation.RETRY_DELIVERY, null, "outbox:" + outboxId)) return new DeskResult.Forbidden<>();
    boolean retried = outbox.retry(outboxId, destination, clock.instant());
    audit.append(user.id(), user.email(), AuditAction.RETRY_DELIVERY, "outbox:" + outboxId, null,
        retried ? "queued" : "not retryable");
    return retried ? new DeskResult.Ok<>(true) : new DeskResult.NotFound<>();
  }

  /** Sets where a trial's referrals go (administrators). */
  public DeskResult<ForwardingRoute> setRoute(StaffUser user, ForwardingRoute route) {
    if (!allowed(user, StaffOperation.MANAGE_ROUTES, null, "route:" + route.nctId())) {
      return new DeskResult.Forbidden<>();
    }
    routes.save(route, clock.instant());
    audit.append(user.id(), user.email(), AuditAction.ROUTE_CHANGE, "route:" + route.nctId(), route.nctId(),
        route.kind().name());
    return new DeskResult.Ok<>(route);
  }

  /** Creates a staff account (administrators). */
  public DeskResult<StaffUser> createUser(StaffUser user, StaffDirectory directory, String email, String password,
      Role role, Set<String> trials) {
    if (!allowed(user, StaffOperation.MANAGE_USERS, null, "user:" + email)) return new DeskResult.Forbidden<>();
    try {
      StaffUser created = directory.create(email, password, role, trials);
      audit.append(user.id(), user.email(), AuditAction.USER_CREATE, "user:" + created.id(), null,
          role + " " + String.join(" ", new java.util.TreeSet<>(trials)));
      return new DeskResult.Ok<>(created);
    } catch (IllegalArgumentException e) {
      return new DeskResult.Invalid<>(e.getMessage());
    }
  }

  /** Issues an API token acting as {@code owner} (administrators). */
  public DeskResult<IssuedToken> createToken(StaffUser user, ApiTokens tokens, StaffUser owner, String name) {
    if (!allowed(user, StaffOperation.MANAGE_USERS, null, "user:" + owner.id())) return new DeskResult.Forbidden<>();
    try {
      IssuedToken token = tokens.create(owner.id(), name);
      audit.append(user.id(), user.email(), AuditAction.TOKEN_CREATE, "token:" + token.id(), null,
          "for user:" + owner.id());
      return new DeskResult.Ok<>(token);
    } catch (IllegalArgumentException e) {
      return new DeskResult.Invalid<>(e.getMessage());
    }
  }

  /** The newest audit entries (administrators); viewing is itself audited. */
  public DeskResult<List<AuditEntry>> auditLog(StaffUser user, int limit, long beforeId) {
    if (!allowed(user, StaffOperation.VIEW_AUDIT_LOG, null, "audit")) return new DeskResult.Forbidden<>();
    audit.append(user.id(), user.email(), AuditAction.VIEW_AUDIT_LOG, "audit", null, null);
    return new DeskResult.Ok<>(audit.recent(Math.max(1, Math.min(limit, 1000)), beforeId));
  }

  /** Deletes referrals older than {@code keep} (administrators); the scheduled job uses {@link Retention}. */
  public DeskResult<Integer> applyRetention(StaffUser user, Duration keep) {
    if (!allowed(user, StaffOperation.RUN_RETENTION, null, "retention")) return new DeskResult.Forbidden<>();
    return new DeskResult.Ok<>(new Retention(referrals, audit, clock).apply(keep, user.email()));
  }

  /** Records that staff were refused; for callers that check {@link AccessPolicy} themselves. */
  public void recordDenied(StaffUser user, StaffOperation operation, String target, String nctId) {
    audit.append(user.id(), user.email(), AuditAction.ACCESS_DENIED, target, nctId, operation.name());
  }

  private <T> DeskResult<T> check(StaffUser user, StaffOperation operation, Optional<Referral> referral, long id) {
    if (referral.isEmpty()) return new DeskResult.NotFound<>();
    String nct = referral.get().nctId();
    if (!user.active() || !user.covers(nct)) {
      recordDenied(user, operation, "referral:" + id, nct);
      return new DeskResult.NotFound<>();
    }
    if (!AccessPolicy.allows(user, operation, nct)) {
      recordDenied(user, operation, "referral:" + id, nct);
      return new DeskResult.Forbidden<>();
    }
    return null;
  }

  private boolean allowed(StaffUser user, StaffOperation operation, String nctId, String target) {
    if (operation.trialScoped() && nctId == null) throw new IllegalArgumentException(operation + " needs a trial");
    if (AccessPolicy.allows(user, operation, nctId)) return true;
    recordDenied(user, operation, target, nctId);
    return false;
  }

  private <T> DeskResult<T> forbidden(StaffUser user, StaffOperation operation, String target, String nctId) {
    recordDenied(user, operation, target, nctId);
    return new DeskResult.Forbidden<>();
  }

  private static List<OutboxEntry> withoutSecrets(List<OutboxEntry> entries) {
    return entries.stream().map(e -> new OutboxEntry(e.id(), e.referralId(), e.kind(), e.destination(),
        e.deliveryId(), Optional.empty(), e.state(), e.attempts(), e.nextAttemptAt(), e.lastError(), e.createdAt(),
        e.deliveredAt())).toList();
  }
}
