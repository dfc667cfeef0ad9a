package org.eligo.referral.record;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which referrals to list. {@code trials} is the hard limit of what may be returned (the caller's scope); an
 * empty set with {@code allTrials} false returns nothing. {@code text} matches the reference exactly or a
 * substring of name or e-mail, case-insensitively.
 *
 * @param afterId keyset paging: only referrals with a smaller id (newest first); 0 for the first page
 */
public record ReferralQuery(
    boolean allTrials,
    Set<String> trials,
    Optional<String> nctId,
    Optional<ReferralStatus> status,
    Optional<String> text,
    long afterId,
    int limit) {

  public ReferralQuery {
    trials = Set.copyOf(trials);
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit out of range: " + limit);
  }
}
