package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/**
 * A vaccine given, e.g. concepts {@code mmr-vaccine}, {@code live-vaccine}.
 *
 * @param date the day, or null when unknown; its first possible day when the record gives only a year or month
 * @param dateLatest the last day it can be ("2026-03": 2026-03-31), else the date itself ({@link DayRange})
 */
public record ImmunizationFact(Set<String> concepts, String text, LocalDate date, SourceRef source,
                               LocalDate dateLatest) {
  public ImmunizationFact {
    concepts = Set.copyOf(concepts);
    dateLatest = DayRange.latest(date, dateLatest);
  }

  /** One with an exact (or unknown) date. */
  public ImmunizationFact(Set<String> concepts, String text, LocalDate date, SourceRef source) {
    this(concepts, text, date, source, date);
  }
}
