package org.eligo.core.eval;

import java.util.List;
import org.eligo.core.logic.Truth;

/**
 * What a screening row needs of a patient's result for one trial, and nothing more: the verdict, each criterion's
 * status in the trial's order, and the questions that would settle it. {@link TrialEvaluator#assess} gives the same
 * verdict, statuses and questions as {@link TrialEvaluator#evaluate} without writing evidence for criteria that are
 * settled.
 *
 * @param statuses one per criterion of the trial, in its order
 * @param questions what would settle the open criteria, without duplicates; empty unless NEEDS_INFO
 */
public record TrialAssessment(Verdict verdict, List<Truth> statuses, List<String> questions) {
  public TrialAssessment {
    statuses = List.copyOf(statuses);
    questions = List.copyOf(questions);
  }
}
