package org.eligo.referral.record;

import java.time.Instant;
import java.util.Optional;

/** One line of a referral list: enough to find the person again, no free text or answers. */
public record ReferralSummary(
    long id,
    String reference,
    String nctId,
    Optional<String> name,
    ReferralStatus status,
    Instant submittedAt,
    boolean erased) {
}
