package org.eligo.criteria.json;

import java.util.List;
import java.util.stream.Collectors;

/** A rule file that had to be valid (a bundled curated file) was not; the message lists every problem. */
public final class RuleFileException extends RuntimeException {
  private final transient List<RuleFileProblem> problems;

  public RuleFileException(String source, List<RuleFileProblem> problems) {
    super("invalid rule file " + source + ":\n  " + problems.stream().map(RuleFileProblem::toString)
        .collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleFileProblem> problems() {
    return problems;
  }
}
