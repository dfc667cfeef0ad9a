package org.eligo.referral.record;

import java.time.Instant;

/** One step of a referral through the workflow, and who made it. */
public record StatusChange(ReferralStatus from, ReferralStatus to, String changedBy, Instant changedAt) {
}
