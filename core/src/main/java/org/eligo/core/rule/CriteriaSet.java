package org.eligo.core.rule;

import java.util.List;

/** A trial's computable eligibility: its criteria in registry order. */
public record CriteriaSet(String trialId, List<Criterion> criteria) {
  public CriteriaSet {
    criteria = List.copyOf(criteria);
  }

  /** Share of criteria (screening confirmations included) turned into rules, 0..1; 1 for an empty set. */
  public double coverage() {
    if (criteria.isEmpty()) return 1.0;
    long understood = criteria.stream().filter(c -> !(c.rule() instanceof Unparsed)).count();
    return (double) understood / criteria.size();
  }
}
