package org.eligo.referral.form;

import java.util.Objects;

/** One optional eligibility question the person answered on the form, e.g. "Age" → "54". */
public record Answer(String question, String answer) {

  public Answer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
  }
}
