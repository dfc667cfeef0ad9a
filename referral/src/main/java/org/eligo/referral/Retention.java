package org.eligo.referral;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.audit.AuditLog;
import org.eligo.referral.record.ReferralRepository;

/**
 * The retention rule: referrals submitted longer ago than the retention period are deleted with everything
 * attached (answers, notes, history, deliveries). Run daily by the server and on demand by an administrator.
 */
public final class Retention {

  private final ReferralRepository referrals;
  private final AuditLog audit;
  private final Clock clock;

  public Retention(ReferralRepository referrals, AuditLog audit, Clock clock) {
    this.referrals = Objects.requireNonNull(referrals, "referrals");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Deletes referrals older than {@code keep}; returns how many. */
  public int apply(Duration keep, String actor) {
    if (keep.isNegative() || keep.isZero()) throw new IllegalArgumentException("retention must be positive: " + keep);
    int deleted = referrals.deleteSubmittedBefore(clock.instant().minus(keep));
    audit.append(null, actor, AuditAction.RETENTION_DELETE, "referrals", null,
        deleted + " older than " + keep.toDays() + " days");
    return deleted;
  }
}
