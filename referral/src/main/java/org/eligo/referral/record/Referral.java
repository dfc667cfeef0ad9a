package org.eligo.referral.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.form.Answer;

/**
 * A stored referral with the person's details. After erasure ({@link #erasedAt()} present) every personal field is
 * empty and only the reference, trial, status and dates remain, so screening-log counts stay right.
 */
public record Referral(
    long id,
    String reference,
    String nctId,
    Optional<String> trialTitle,
    Optional<String> name,
    Optional<String> email,
    Optional<String> phone,
    Optional<String> message,
    Optional<String> siteKey,
    List<Answer> answers,
    boolean consentToContact,
    boolean consentToShare,
    ReferralStatus status,
    Instant submittedAt,
    Instant statusChangedAt,
    Optional<Instant> erasedAt) {

  public Referral {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(status, "status");
    answers = List.copyOf(answers);
  }

  public boolean erased() {
    return erasedAt.isPresent();
  }
}
