package org.eligo.core.rule;

import java.util.Set;

/** A vaccine given within a window (e.g. {@code live-vaccine} within 30 days), closed-world. */
public record ImmunizationRule(Set<String> concepts, TimeWindow window, String label) implements Rule {
  public ImmunizationRule {
    concepts = Set.copyOf(concepts);
    if (concepts.isEmpty()) throw new IllegalArgumentException("an immunization rule needs a concept");
    window = window == null ? TimeWindow.EVER : window;
  }
}
