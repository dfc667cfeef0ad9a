package org.eligo.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;

/** Evaluates a trial's criteria for one patient and derives the {@link Verdict}. */
public final class TrialEvaluator {
  private TrialEvaluator() {}

  /** The verdict and how many criteria are still open, without explanations: what ranking needs. */
  public record Decision(Verdict verdict, int openCriteria) {}

  private static final Decision INELIGIBLE = new Decision(Verdict.INELIGIBLE, 0);
  private static final Decision ELIGIBLE = new Decision(Verdict.ELIGIBLE, 0);

  /** Decides the verdict only; allocates next to nothing. */
  public static Decision decide(CriteriaSet criteria, PatientIndex patient, EvaluationContext context) {
    EvaluationContext deciding = context.decideOnly();
    int open = 0;
    for (Criterion criterion : criteria.criteria()) {
      if (criterion.rule() instanceof ScreeningConfirmation) continue;
      Truth truth = RuleEvaluator.evaluate(criterion.rule(), patient, deciding).truth();
      boolean excludes = switch (criterion.type()) {
        case INCLUSION -> truth == Truth.NOT_MET;
        case EXCLUSION -> truth == Truth.MET;
      };
      if (excludes) return INELIGIBLE;
      if (truth == Truth.UNKNOWN) open++;
    }
    return open > 0 ? new Decision(Verdict.NEEDS_INFO, open) : ELIGIBLE;
  }

  /**
   * The verdict, every criterion's status and the open questions, as {@link #evaluate} gives them, but only open
   * criteria are explained (for their questions): what a population screen writes for each candidate.
   */
  public static TrialAssessment assess(CriteriaSet criteria, PatientIndex patient, EvaluationContext context) {
    EvaluationContext deciding = context.decideOnly();
    EvaluationContext explaining = null;
    List<Criterion> all = criteria.criteria();
    Truth[] statuses = new Truth[all.size()];
    boolean excluded = false;
    boolean open = false;
    Set<String> questions = new LinkedHashSet<>();
    for (int i = 0; i < statuses.length; i++) {
      Criterion criterion = all.get(i);
      Truth truth = RuleEvaluator.evaluate(criterion.rule(), patient, deciding).truth();
      statuses[i] = truth;
      if (criterion.confirmAtScreening()) continue;
      if (criterion.type() == CriterionType.INCLUSION ? truth == Truth.NOT_MET : truth == Truth.MET) {
        excluded = true;
      } else if (truth == Truth.UNKNOWN) {
        open = true;
        if (excluded) continue; // the questions of an excluded patient are not shown
        if (criterion.rule() instanceof Unparsed) {
          questions.add(unparsedQuestion(criterion));
        } else {
          if (explaining == null) explaining = context.explaining();
          questions.addAll(questionsFor(criterion,
              RuleEvaluator.evaluate(criterion.rule(), patient, explaining).questions()));
        }
      }
    }
    Verdict verdict = excluded ? Verdict.INELIGIBLE : open ? Verdict.NEEDS_INFO : Verdict.ELIGIBLE;
    return new TrialAssessment(verdict, java.util.Arrays.asList(statuses),
        verdict == Verdict.NEEDS_INFO ? List.copyOf(questions) : List.of());
  }

  private static String unparsedQuestion(Criterion criterion) {
    return "Does this apply? \u201c" + criterion.text() + "\u201d";
  }

  /**
   * The questions an open criterion asks: its rule's, or, when the rule has none (an unread part left open, as in
   * "any of: not understood; took eltrombopag; not understood" for a patient who took no eltrombopag), the sentence
   * itself, so that no open criterion is left without a question that would settle it.
   */
  private static List<String> questionsFor(Criterion criterion, List<String> asked) {
    return asked.isEmpty() ? List.of(unparsedQuestion(criterion)) : asked;
  }

  /** Evaluates and explains every criterion: statuses, evidence, questions and what to confirm at screening. */
  public static TrialResult evaluate(CriteriaSet criteria, PatientIndex patient, EvaluationContext context) {
    EvaluationContext explaining = context.explaining();
    List<CriterionResult> results = new ArrayList<>(criteria.criteria().size());
    boolean excluded = false;
    boolean open = false;
    Set<String> questions = new LinkedHashSet<>();
    List<String> toConfirm = new ArrayList<>();
    for (Criterion criterion : criteria.criteria()) {
      Outcome outcome = RuleEvaluator.evaluate(criterion.rule(), patient, explaining);
      List<String> asked = outcome.questions();
      if (criterion.rule() instanceof Unparsed) asked = List.of(unparsedQuestion(criterion));
      else if (outcome.truth() == Truth.UNKNOWN && !criterion.confirmAtScreening()) {
        asked = questionsFor(criterion, asked);
      }
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
