package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an evaluation needs besides the patient: the date that counts as "today" for every time window, and whether
 * to explain (collect evidence and questions) or only decide. Deciding alone is what ranking thousands of trials
 * needs; the explanation of a trial is computed when someone reads it.
 */
public record EvaluationContext(LocalDate asOf, boolean explain) {
  public EvaluationContext {
    Objects.requireNonNull(asOf, "asOf");
  }

  /** An explaining context. */
  public EvaluationContext(LocalDate asOf) {
    this(asOf, true);
  }

  /** The same date, deciding only. */
  public EvaluationContext decideOnly() {
    return explain ? new EvaluationContext(asOf, false) : this;
  }

  /** The same date, explaining. */
  public EvaluationContext explaining() {
    return explain ? this : new EvaluationContext(asOf, true);
  }
}
