package org.eligo.criteria.json;

import java.util.List;
import org.eligo.core.rule.Rule;

/**
 * The result of reading a rule file: the file, or the problems that kept it from being read (never both).
 */
public record RuleFileReading(RuleFile file, List<RuleFileProblem> problems) {
  public RuleFileReading {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** The result of reading one rule. */
  public record Single(Rule rule, List<RuleFileProblem> problems) {
    public Single {
      problems = List.copyOf(problems);
    }
  }
}
