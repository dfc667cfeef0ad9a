package org.eligo.referral.form;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated interest form: a name, at least one way to reach the person, both consents given, and optional
 * answers, free text and chosen site. Only {@link InterestFormValidator} makes one from user input.
 */
public record InterestForm(
    String name,
    Optional<String> email,
    Optional<String> phone,
    List<Answer> answers,
    Optional<String> message,
    Optional<String> siteKey) {

  public InterestForm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(siteKey, "siteKey");
    answers = List.copyOf(answers);
    if (email.isEmpty() && phone.isEmpty()) throw new IllegalArgumentException("an email or a phone is required");
  }
}
