package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * A procedure performed (transplant, transfusion, splenectomy...), with its date when known.
 *
 * @param date the day, or null when unknown; its first possible day when the record gives only a year or month
 * @param dateLatest the last day it can be ("2026-03": 2026-03-31), else the date itself ({@link DayRange})
 */
public record ProcedureFact(Set<String> concepts, String text, LocalDate date, SourceRef source,
                            LocalDate dateLatest) {
  public ProcedureFact {
    concepts = Set.copyOf(concepts);
    dateLatest = DayRange.latest(date, dateLatest);
  }

  /** One with an exact (or unknown) date. */
  public ProcedureFact(Set<String> concepts, String text, LocalDate date, SourceRef source) {
    this(concepts, text, date, source, date);
  }
}
