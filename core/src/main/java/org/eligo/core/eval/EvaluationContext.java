package org.eligo.core.eval;

import java.time.LocalDate;
import java.util.Objects;

/** What an evaluation needs besides the patient: the date that counts as "today" for every time window. */
public record EvaluationContext(LocalDate asOf) {
  public EvaluationContext {
    Objects.requireNonNull(asOf, "asOf");
  }
}
