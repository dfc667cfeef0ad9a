package org.eligo.core.rule;

import java.util.List;

/** Every part must hold (three-valued AND). */
public record AllOf(List<Rule> rules) implements Rule {
  public AllOf {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) throw new IllegalArgumentException("allOf needs at least one rule");
  }

  public static AllOf of(Rule... rules) {
    return new AllOf(List.of(rules));
  }
}
