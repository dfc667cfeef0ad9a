package org.eligo.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;

/** Evaluates a trial's criteria for one patient and derives the {@link Verdict}. */
public final class TrialEvaluator {
  private TrialEvaluator() {}

  public static TrialResult evaluate(CriteriaSet criteria, PatientIndex patient, EvaluationContext context) {
    List<CriterionResult> results = new ArrayList<>(criteria.criteria().size());
    boolean excluded = false;
    boolean open = false;
    Set<String> questions = new LinkedHashSet<>();
    List<String> toConfirm = new ArrayList<>();
    for (Criterion criterion : criteria.criteria()) {
      Outcome outcome = RuleEvaluator.evaluate(criterion.rule(), patient, context);
      List<String> asked = outcome.questions();
      if (criterion.rule() instanceof Unparsed) asked = List.of("Does this apply? \u201c" + criterion.text() + "\u201d");
      CriterionResult result = new CriterionResult(criterion, outcome.truth(), outcome.evidence(), asked);
      results.add(result);
      if (criterion.rule() instanceof ScreeningConfirmation s) {
        toConfirm.add(s.what());
        continue;
      }
      if (result.excludes()) excluded = true;
      else if (outcome.truth() == Truth.UNKNOWN) {
        open = true;
        questions.addAll(asked);
      }
    }
    Verdict verdict = excluded ? Verdict.INELIGIBLE : open ? Verdict.NEEDS_INFO : Verdict.ELIGIBLE;
    return new TrialResult(criteria.trialId(), verdict, results,
        verdict == Verdict.NEEDS_INFO ? List.copyOf(questions) : List.of(), toConfirm);
  }
}
