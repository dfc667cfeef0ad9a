package org.eligo.core.rule;

import java.util.Set;

/**
 * A diagnosis in the record, read closed-world (no record of MDS means no MDS).
 *
 * @param concepts any of these concept ids counts
 * @param except conditions also carrying one of these ids do not count ("except basal cell carcinoma")
 * @param window when the condition must be present
 */
public record ConditionRule(Set<String> concepts, Set<String> except, TimeWindow window, String label)
    implements Rule {
  public ConditionRule {
    concepts = ConceptSet.copyOf(concepts);
    except = Set.copyOf(except);
    if (concepts.isEmpty()) throw new IllegalArgumentException("a condition rule needs a concept");
    window = window == null ? TimeWindow.EVER : window;
  }

  public static ConditionRule ever(String label, String... concepts) {
    return new ConditionRule(Set.of(concepts), Set.of(), TimeWindow.EVER, label);
  }
}
