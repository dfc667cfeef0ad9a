package org.eligo.criteria.json;

/**
 * Something wrong in a rule file.
 *
 * @param path where, as a JSON path: {@code $.criteria[3].rule.rules[1].comparator}
 * @param message what is wrong and what was expected
 */
public record RuleFileProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
