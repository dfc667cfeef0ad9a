package org.eligo.core.rule;

import org.eligo.core.trial.RegistryAge;

/**
 * Age limits in completed units (years, months, weeks or days) on the evaluation date; a null bound is open.
 * "18-80 years" is min 18 inclusive, max 80 inclusive (80 years and 11 months is still 80).
 */
public record AgeRule(RegistryAge min, boolean minInclusive, RegistryAge max, boolean maxInclusive) implements Rule {
  public AgeRule {
    if (min == null && max == null) throw new IllegalArgumentException("an age rule needs a bound");
  }

  public static AgeRule atLeast(RegistryAge min) {
    return new AgeRule(min, true, null, false);
  }
}
