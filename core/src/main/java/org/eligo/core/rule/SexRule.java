package org.eligo.core.rule;

import java.util.Set;
import org.eligo.core.patient.Sex;

/** The sexes a trial admits. */
public record SexRule(Set<Sex> allowed) implements Rule {
  public SexRule {
    allowed = Set.copyOf(allowed);
    if (allowed.isEmpty()) throw new IllegalArgumentException("a sex rule must allow someone");
  }
}
