package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/** A vaccine given, e.g. concepts {@code mmr-vaccine}, {@code live-vaccine}. */
public record ImmunizationFact(Set<String> concepts, String text, LocalDate date, SourceRef source) {
  public ImmunizationFact {
    concepts = Set.copyOf(concepts);
  }
}
