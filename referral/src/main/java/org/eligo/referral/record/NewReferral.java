package org.eligo.referral.record;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.form.InterestForm;

/**
 * A referral about to be stored: the validated form, the trial it is for, its reference number and the SHA-256 of
 * the withdrawal code given to the person.
 */
public record NewReferral(
    String reference,
    String nctId,
    Optional<String> trialTitle,
    InterestForm form,
    String withdrawalHash,
    Instant submittedAt) {

  public NewReferral {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(trialTitle, "trialTitle");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(withdrawalHash, "withdrawalHash");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }
}
