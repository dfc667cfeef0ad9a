package org.eligo.referral.staff;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that decides whether a staff account may do an operation on a trial. Administrators may do
 * everything. Coordinators may do the trial-scoped operations on their own trials, nothing global. Sponsor
 * viewers may list and view referrals, deliveries and the screening log of their own trials, nothing else (no
 * writes, no bulk export). An inactive account may do nothing.
 */
public final class AccessPolicy {

  private static final Set<StaffOperation> SPONSOR_VIEWER = EnumSet.of(StaffOperation.LIST_REFERRALS,
      StaffOperation.VIEW_REFERRAL, StaffOperation.VIEW_DELIVERIES, StaffOperation.VIEW_SCREENING_LOG);

  private AccessPolicy() {
  }

  /**
   * @param nctId the trial of the record touched; required for trial-scoped operations, ignored otherwise
   */
  public static boolean allows(StaffUser user, StaffOperation operation, String nctId) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(operation, "operation");
    if (!user.active()) return false;
    if (user.role() == Role.ADMIN) return true;
    if (!operation.trialScoped()) return false;
    Objects.requireNonNull(nctId, () -> operation + " is decided per trial");
    if (!user.trials().contains(nctId)) return false;
    return switch (user.role()) {
      case ADMIN -> true;
      case COORDINATOR -> true;
      case SPONSOR_VIEWER -> SPONSOR_VIEWER.contains(operation);
    };
  }
}
