package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * An observation whose value is a code, e.g. pregnancy status: {@code measure = pregnancy-status},
 * {@code valueConcepts = [pregnant]}.
 */
public record CodedObservation(String measure, Set<String> valueConcepts, String valueText, LocalDate date,
                               SourceRef source) {
  public CodedObservation {
    valueConcepts = Set.copyOf(valueConcepts);
  }
}
