package org.eligo.core.rule;

/**
 * A clause the record cannot settle but an answer would: always UNKNOWN, with the question to ask
 * ("Can fluconazole be replaced for the study period?"). It blocks ELIGIBLE and never makes INELIGIBLE.
 */
public record Ask(String question) implements Rule {
  public Ask {
    if (question == null || question.isBlank()) throw new IllegalArgumentException("ask needs a question");
  }
}
