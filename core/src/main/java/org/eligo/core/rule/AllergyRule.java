package org.eligo.core.rule;

import java.util.Set;

/** A recorded allergy or hypersensitivity to a substance, closed-world; {@code anaphylaxisOnly} narrows it. */
public record AllergyRule(Set<String> concepts, boolean anaphylaxisOnly, String label) implements Rule {
  public AllergyRule {
    concepts = Set.copyOf(concepts);
    if (concepts.isEmpty()) throw new IllegalArgumentException("an allergy rule needs a concept");
  }
}
