package org.eligo.core.rule;

import java.util.Objects;

/**
 * One eligibility criterion: the exact registry sentence and its rule.
 *
 * @param id stable within the trial, e.g. {@code inc-3} or {@code exc-4.2}
 * @param text the registry sentence as written
 */
public record Criterion(String id, CriterionType type, String text, Rule rule, RuleOrigin origin) {
  public Criterion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(origin, "origin");
  }

  /** True when only the screening visit can confirm it: it does not count toward the verdict. */
  public boolean confirmAtScreening() {
    return rule instanceof ScreeningConfirmation;
  }
}
