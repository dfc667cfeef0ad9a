package org.eligo.core.rule;

import java.util.List;

/** At least one part must hold (three-valued OR). */
public record AnyOf(List<Rule> rules) implements Rule {
  public AnyOf {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) throw new IllegalArgumentException("anyOf needs at least one rule");
  }

  public static AnyOf of(Rule... rules) {
    return new AnyOf(List.of(rules));
  }
}
