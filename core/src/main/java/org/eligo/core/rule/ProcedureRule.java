package org.eligo.core.rule;

import java.util.Set;

/** A procedure in the record (e.g. hematopoietic stem cell transplant), closed-world. */
public record ProcedureRule(Set<String> concepts, TimeWindow window, String label) implements Rule {
  public ProcedureRule {
    concepts = Set.copyOf(concepts);
    if (concepts.isEmpty()) throw new IllegalArgumentException("a procedure rule needs a concept");
    window = window == null ? TimeWindow.EVER : window;
  }
}
