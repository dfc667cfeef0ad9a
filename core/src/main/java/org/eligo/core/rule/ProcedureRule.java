package org.eligo.core.rule;

import java.util.Set;

/**
 * A procedure in the record (e.g. hematopoietic stem cell transplant), closed-world.
 *
 * @param atLeast how many are asked for (1: any; DECISIONS 92): "≥ 2 RBC transfusion episodes in the previous 12
 *     weeks" counts entries, "≥ 4 units of RBC in the 8 weeks" counts units
 * @param units whether {@code atLeast} counts units of blood product (an entry that does not give its size counts as
 *     one and leaves a count that comes up short open), else entries
 */
public record ProcedureRule(Set<String> concepts, TimeWindow window, String label, int atLeast, boolean units)
    implements Rule {
  public ProcedureRule {
    concepts = Set.copyOf(concepts);
    if (concepts.isEmpty()) throw new IllegalArgumentException("a procedure rule needs a concept");
    window = window == null ? TimeWindow.EVER : window;
    if (atLeast < 1) throw new IllegalArgumentException("a procedure rule counts at least one");
    if (atLeast == 1) units = false;
  }

  /** Any such procedure in the window. */
  public ProcedureRule(Set<String> concepts, TimeWindow window, String label) {
    this(concepts, window, label, 1, false);
  }

  /** Whether it asks for more than one (entries or units). */
  public boolean counted() {
    return atLeast > 1;
  }
}
