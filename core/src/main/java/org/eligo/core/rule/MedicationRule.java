package org.eligo.core.rule;

import java.util.Set;

/**
 * Use of a drug or drug class with a time window, read closed-world (no record of a drug means not taken).
 *
 * @param concepts any of these drug or class concept ids counts (e.g. {@code mtor-inhibitor})
 */
public record MedicationRule(Set<String> concepts, MedicationTiming timing, String label) implements Rule {
  public MedicationRule {
    concepts = Set.copyOf(concepts);
    if (concepts.isEmpty()) throw new IllegalArgumentException("a medication rule needs a concept");
    timing = timing == null ? MedicationTiming.EVER : timing;
  }
}
