package org.eligo.core.rule;

/** A criterion Eligo could not turn into a rule: evaluated UNKNOWN, never excluding, and counted against coverage. */
public record Unparsed(String reason) implements Rule {
  public Unparsed {
    reason = reason == null ? "not understood" : reason;
  }
}
