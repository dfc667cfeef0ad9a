package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * An observation whose value is a code, e.g. pregnancy status: {@code measure = pregnancy-status},
 * {@code valueConcepts = [pregnant]}.
 *
 * @param date its day; the first possible day when the record gives only a year or month
 * @param dateLatest the last possible day ("2025-12": 2025-12-31), else {@code date} ({@link DayRange})
 */
public record CodedObservation(String measure, Set<String> valueConcepts, String valueText, LocalDate date,
                               SourceRef source, LocalDate dateLatest) {
  public CodedObservation {
    valueConcepts = Set.copyOf(valueConcepts);
    dateLatest = DayRange.latest(date, dateLatest);
  }

  /** One with an exact day. */
  public CodedObservation(String measure, Set<String> valueConcepts, String valueText, LocalDate date,
                          SourceRef source) {
    this(measure, valueConcepts, valueText, date, source, date);
  }
}
