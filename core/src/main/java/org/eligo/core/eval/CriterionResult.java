package org.eligo.core.eval;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Criterion;

/** One criterion's status for a patient, with the evidence behind it and the questions that would settle it. */
public record CriterionResult(Criterion criterion, Truth status, List<Evidence> evidence, List<String> questions) {
  public CriterionResult {
    evidence = List.copyOf(evidence);
    questions = List.copyOf(questions);
  }

  /** True when this criterion, as it stands, rules the patient out. */
  public boolean excludes() {
    if (criterion.confirmAtScreening()) return false;
    return switch (criterion.type()) {
      case INCLUSION -> status.isNotMet();
      case EXCLUSION -> status.isMet();
    };
  }

  /** True when this criterion, as it stands, is satisfied in the patient's favour. */
  public boolean satisfied() {
    return switch (criterion.type()) {
      case INCLUSION -> status.isMet();
      case EXCLUSION -> status.isNotMet();
    };
  }
}
