package org.eligo.referral.form;

import java.util.Objects;

/**
 * One reason a form was refused: which field ({@code email}, {@code answers[2].answer}) and why. Never carries
 * the offending value, so it can be logged and shown safely.
 */
public record FieldProblem(String field, Problem problem) {

  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }

  /** The message key for this problem, e.g. {@code problem.TOO_LONG}. */
  public String messageKey() {
    return "problem." + problem.name();
  }
}
