package org.eligo.referral.record;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral is in the trial team's screening: NEW → CONTACTED → SCREENING → ENROLLED | NOT_ELIGIBLE |
 * DECLINED | WITHDRAWN. The team may skip ahead (NEW straight to SCREENING) but never go back; NOT_ELIGIBLE,
 * DECLINED and WITHDRAWN are final, and an enrolled person may still withdraw.
 */
public enum ReferralStatus {
  NEW, CONTACTED, SCREENING, ENROLLED, NOT_ELIGIBLE, DECLINED, WITHDRAWN;

  /** The statuses this one may change to. */
  public Set<ReferralStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(CONTACTED, SCREENING, ENROLLED, NOT_ELIGIBLE, DECLINED, WITHDRAWN);
      case CONTACTED -> EnumSet.of(SCREENING, ENROLLED, NOT_ELIGIBLE, DECLINED, WITHDRAWN);
      case SCREENING -> EnumSet.of(ENROLLED, NOT_ELIGIBLE, DECLINED, WITHDRAWN);
      case ENROLLED -> EnumSet.of(WITHDRAWN);
      case NOT_ELIGIBLE, DECLINED, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
    };
  }

  public boolean canChangeTo(ReferralStatus target) {
    return next().contains(target);
  }
}
