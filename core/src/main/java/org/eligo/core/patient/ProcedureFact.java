package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * A procedure performed (transplant, transfusion, splenectomy...), with its date when known.
 *
 * @param date the day, or null when unknown; its first possible day when the record gives only a year or month
 * @param dateLatest the last day it can be ("2026-03": 2026-03-31), else the date itself ({@link DayRange})
 * @param units the units of blood product the entry says were given ("PRBC 2 units"), else null (DECISIONS 92)
 */
public record ProcedureFact(Set<String> concepts, String text, LocalDate date, SourceRef source,
                            LocalDate dateLatest, Integer units) {
  public ProcedureFact {
    concepts = Set.copyOf(concepts);
    dateLatest = DayRange.latest(date, dateLatest);
    if (units != null && units < 1) units = null;
  }

  /** One whose size the record does not give. */
  public ProcedureFact(Set<String> concepts, String text, LocalDate date, SourceRef source, LocalDate dateLatest) {
    this(concepts, text, date, source, dateLatest, null);
  }

  /** One with an exact (or unknown) date. */
  public ProcedureFact(Set<String> concepts, String text, LocalDate date, SourceRef source) {
    this(concepts, text, date, source, date);
  }
}
