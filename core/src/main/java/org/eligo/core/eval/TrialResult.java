package org.eligo.core.eval;

import java.util.List;

/**
 * A patient's verdict for one trial, criterion by criterion.
 *
 * @param questions what would settle the open criteria, without duplicates; empty unless NEEDS_INFO
 * @param toConfirm criteria only the screening visit can confirm
 */
public record TrialResult(String trialId, Verdict verdict, List<CriterionResult> criteria, List<String> questions,
                          List<String> toConfirm) {
  public TrialResult {
    criteria = List.copyOf(criteria);
    questions = List.copyOf(questions);
    toConfirm = List.copyOf(toConfirm);
  }

  /** The criteria that rule the patient out. */
  public List<CriterionResult> reasons() {
    return criteria.stream().filter(CriterionResult::excludes).toList();
  }
}
