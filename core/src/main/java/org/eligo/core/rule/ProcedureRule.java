package org.eligo.core.rule;

import java.util.Set;

/**
 * A procedure in the record (e.g. hematopoietic stem cell transplant), closed-world.
 *
 * @param atLeast how many are asked for (1: any; DECISIONS 92): "≥ 2 RBC transfusion episodes in the previous 12
 *     weeks" counts entries, "≥ 4 units of RBC in the 8 weeks" counts units
 * @param units whether {@code atLeast} counts units of blood product (an entry that does not give its size counts as
 *     one and leaves a count that comes up short open), else entries
 * @param except concepts whose entries do not count ("a transfusion the record gives without its kind": a transfusion
 *     that is no red cells, platelets or plasma; DECISIONS 92)
 */
public record ProcedureRule(Set<String> concepts, TimeWindow window, String label, int atLeast, boolean units,
                            Set<String> except) implements Rule {
  public ProcedureRule {
    concepts = Set.copyOf(concepts);
    except = except == null ? Set.of() : Set.copyOf(except);
    if (concepts.isEmpty()) throw new IllegalArgumentException("a procedure rule needs a concept");
    window = window == null ? TimeWindow.EVER : window;
    if (atLeast < 1) throw new IllegalArgumentException("a procedure rule counts at least one");
    if (atLeast == 1) units = false;
  }

  /** Any such procedure in the window. */
  public ProcedureRule(Set<String> concepts, TimeWindow window, String label) {
    this(concepts, window, label, 1, false, Set.of());
  }

  /** A count of such procedures in the window. */
  public ProcedureRule(Set<String> concepts, TimeWindow window, String label, int atLeast, boolean units) {
    this(concepts, window, label, atLeast, units, Set.of());
  }

  /** Whether an entry with these concepts is one the rule leaves out. */
  public boolean excepted(Set<String> entry) {
    for (String c : except) if (entry.contains(c)) return true;
    return false;
  }

  /** Whether it asks for more than one (entries or units). */
  public boolean counted() {
    return atLeast > 1;
  }
}
