package org.eligo.core.rule;

import java.util.List;

/**
 * At least {@code count} of the parts must hold: MET once {@code count} are MET, NOT_MET once too few can still be,
 * otherwise UNKNOWN ("at least two of the following").
 */
public record AtLeast(int count, List<Rule> rules) implements Rule {
  public AtLeast {
    rules = List.copyOf(rules);
    if (count < 1 || count > rules.size()) {
      throw new IllegalArgumentException("atLeast " + count + " of " + rules.size() + " rules");
    }
  }
}
