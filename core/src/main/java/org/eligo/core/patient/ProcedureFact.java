package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Set;

/** A procedure performed (transplant, transfusion, splenectomy...), with its date when known. */
public record ProcedureFact(Set<String> concepts, String text, LocalDate date, SourceRef source) {
  public ProcedureFact {
    concepts = Set.copyOf(concepts);
  }
}
