package org.eligo.core.rule;

import java.util.Objects;

/** The opposite of a rule; UNKNOWN stays UNKNOWN. */
public record Not(Rule rule) implements Rule {
  public Not {
    Objects.requireNonNull(rule, "rule");
  }
}
