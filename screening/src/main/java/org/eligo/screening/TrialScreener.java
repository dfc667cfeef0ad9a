package org.eligo.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;

/**
 * One trial prepared for screening many patients: most patients are ruled out by one criterion, usually a diagnosis,
 * so the criteria are first tried one by one, cheapest and most selective first (inclusion diagnoses and treatment
 * histories, then the rest), stopping at the first that excludes the patient. Only patients nothing excludes are
 * evaluated in full (with explanations) by {@link TrialEvaluator}; the first pass only decides (no evidence is built). The verdict is the same as {@link TrialEvaluator}'s, since a patient is
 * INELIGIBLE exactly when some criterion excludes them; a test checks it against {@code Matcher}.
 */
public final class TrialScreener {
  private final MatchCandidate candidate;
  private final Criterion[] order;

  public TrialScreener(MatchCandidate candidate) {
    this.candidate = candidate;
    List<Criterion> counted = new ArrayList<>();
    for (Criterion c : candidate.criteria().criteria()) if (!c.confirmAtScreening()) counted.add(c);
    counted.sort(Comparator.comparingInt(TrialScreener::cost));
    this.order = counted.toArray(Criterion[]::new);
  }

  public MatchCandidate candidate() {
    return candidate;
  }

  public String trialId() {
    return candidate.trial().nctId();
  }

  /** The patient's full result, or null when a criterion excludes them (INELIGIBLE). */
  public TrialResult screen(PatientIndex patient, EvaluationContext context) {
    EvaluationContext deciding = context.decideOnly();
    for (Criterion c : order) {
      Truth truth = RuleEvaluator.evaluate(c.rule(), patient, deciding).truth();
      if (c.type() == CriterionType.INCLUSION ? truth == Truth.NOT_MET : truth == Truth.MET) return null;
    }
    return TrialEvaluator.evaluate(candidate.criteria(), patient, context);
  }

  /**
   * The verdict alone, as {@link #screen} gives it, without building an explanation: what counting needs, and the
   * figure the benchmark reports as the engine's decision rate.
   */
  public Verdict decide(PatientIndex patient, EvaluationContext context) {
    EvaluationContext deciding = context.decideOnly();
    boolean open = false;
    for (Criterion c : order) {
      Truth truth = RuleEvaluator.evaluate(c.rule(), patient, deciding).truth();
      if (c.type() == CriterionType.INCLUSION ? truth == Truth.NOT_MET : truth == Truth.MET) return Verdict.INELIGIBLE;
      if (truth == Truth.UNKNOWN) open = true;
    }
    return open ? Verdict.NEEDS_INFO : Verdict.ELIGIBLE;
  }

  /** Lower first: inclusion of closed-world history first, since it rules out nearly everyone. */
  private static int cost(Criterion c) {
    boolean inclusion = c.type() == CriterionType.INCLUSION;
    if (inclusion && history(c.rule())) return 0;
    if (inclusion) return 1;
    return 2;
  }

  private static boolean history(Rule rule) {
    return switch (rule) {
      case ConditionRule r -> true;
      case MedicationRule r -> true;
      case ProcedureRule r -> true;
      case AllOf r -> r.rules().stream().anyMatch(TrialScreener::history);
      default -> false;
    };
  }
}
