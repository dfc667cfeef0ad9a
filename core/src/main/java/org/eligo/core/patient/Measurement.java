package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A numeric result (lab, vital, score) in its measure's canonical unit.
 *
 * @param measure the measure key, e.g. {@code anc}, {@code hemoglobin}, {@code body-weight}, {@code ecog}
 * @param value the value in {@code unit}
 * @param unit the canonical UCUM unit of the measure, e.g. {@code 10*9/L}
 * @param date when it was measured (effective date)
 * @param referenceHigh the lab's upper reference limit in the same unit, or null when the result has none
 * @param referenceLow the lab's lower reference limit in the same unit, or null
 * @param original the value and unit as the record wrote them, for explanations
 */
public record Measurement(
    String measure, double value, String unit, LocalDate date, Double referenceHigh, Double referenceLow,
    String original, SourceRef source) {
  public Measurement {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(date, "date");
  }
}
