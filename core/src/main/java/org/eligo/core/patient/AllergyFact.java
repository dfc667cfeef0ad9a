package org.eligo.core.patient;

import java.util.Set;

/** A recorded allergy or intolerance to a substance; {@code anaphylaxis} when a reaction says so. */
public record AllergyFact(Set<String> concepts, String text, boolean anaphylaxis, SourceRef source) {
  public AllergyFact {
    concepts = Set.copyOf(concepts);
  }
}
