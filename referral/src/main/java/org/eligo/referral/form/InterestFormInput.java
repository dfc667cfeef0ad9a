package org.eligo.referral.form;

import java.util.List;

/**
 * An interest form exactly as submitted, before any checking: every text field may be null, blank, too long or
 * hostile. {@link InterestFormValidator} turns it into an {@link InterestForm} or a list of problems.
 *
 * @param siteKey the site the person chose ({@code facility|city|country}), or null for the trial's central contact
 */
public record InterestFormInput(
    String name,
    String email,
    String phone,
    boolean consentToContact,
    boolean consentToShare,
    List<Answer> answers,
    String message,
    String siteKey) {

  public InterestFormInput {
    answers = answers == null ? List.of() : List.copyOf(answers);
  }
}
