package org.eligo.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.PossibleTruths;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.eval.TrialAssessment;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;

/**
 * One trial prepared for screening many patients. Most patients are ruled out by one criterion, usually a diagnosis,
 * so the criteria are first tried one by one, cheapest and most selective first (inclusion diagnoses and treatment
 * histories, then the rest), stopping at the first that excludes the patient. Criteria that cannot exclude anyone (an
 * unparsed sentence, an exclusion that hinges on a question: {@link PossibleTruths}) are left out of that pass, and
 * when one of them makes ELIGIBLE impossible, a patient nothing excludes is NEEDS_INFO without further work. Only
 * patients nothing excludes are evaluated in full (with explanations) by {@link TrialEvaluator}; the first pass only
 * decides. The verdict is the same as {@link TrialEvaluator}'s, since a patient is INELIGIBLE exactly when some
 * criterion excludes them; a test checks it against {@code Matcher}.
 */
public final class TrialScreener {
  private final MatchCandidate candidate;
  private final Criterion[] order;
  /** The criteria of {@link #order} that can exclude someone ({@link PossibleTruths#canExclude}), in the same order. */
  private final Criterion[] excluding;
  /** False when a counted criterion is always UNKNOWN (an unparsed sentence, a question): ELIGIBLE cannot happen. */
  private final boolean canBeEligible;
  /** The deciding twin of the last context seen (immutable, so a racy read is harmless): one allocation per run. */
  private EvaluationContext deciding;

  public TrialScreener(MatchCandidate candidate) {
    this.candidate = candidate;
    List<Criterion> counted = new ArrayList<>();
    for (Criterion c : candidate.criteria().criteria()) if (!c.confirmAtScreening()) counted.add(c);
    counted.sort(Comparator.comparingInt(TrialScreener::cost));
    this.order = counted.toArray(Criterion[]::new);
    this.excluding = counted.stream().filter(PossibleTruths::canExclude).toArray(Criterion[]::new);
    this.canBeEligible = counted.stream().noneMatch(c -> PossibleTruths.of(c.rule()).alwaysUnknown());
  }

  public MatchCandidate candidate() {
    return candidate;
  }

  public String trialId() {
    return candidate.trial().nctId();
  }

  /** The patient's full result, or null when a criterion excludes them (INELIGIBLE). */
  public TrialResult screen(PatientIndex patient, EvaluationContext context) {
    if (excludedBy(excluding, patient, deciding(context))) return null;
    return TrialEvaluator.evaluate(candidate.criteria(), patient, context);
  }

  /**
   * What a candidate row needs (verdict, statuses, open questions), or null when a criterion excludes the patient
   * (INELIGIBLE): the same as {@link #screen} gives, without evidence for the settled criteria.
   */
  public TrialAssessment assess(PatientIndex patient, EvaluationContext context) {
    if (excludedBy(excluding, patient, deciding(context))) return null;
    return TrialEvaluator.assess(candidate.criteria(), patient, context);
  }

  /**
   * The verdict alone, as {@link #screen} gives it, without building an explanation: what counting needs, and the
   * figure the benchmark reports as the engine's decision rate.
   */
  public Verdict decide(PatientIndex patient, EvaluationContext context) {
    EvaluationContext deciding = deciding(context);
    if (!canBeEligible) return excludedBy(excluding, patient, deciding) ? Verdict.INELIGIBLE : Verdict.NEEDS_INFO;
    boolean open = false;
    for (Criterion c : order) {
      Truth truth = RuleEvaluator.evaluate(c.rule(), patient, deciding).truth();
      if (c.type() == CriterionType.INCLUSION ? truth == Truth.NOT_MET : truth == Truth.MET) return Verdict.INELIGIBLE;
      if (truth == Truth.UNKNOWN) open = true;
    }
    return open ? Verdict.NEEDS_INFO : Verdict.ELIGIBLE;
  }

  private EvaluationContext deciding(EvaluationContext context) {
    if (!context.explain()) return context;
    EvaluationContext d = deciding;
    if (d == null || !d.asOf().equals(context.asOf())) {
      d = context.decideOnly();
      deciding = d;
    }
    return d;
  }

  private static boolean excludedBy(Criterion[] criteria, PatientIndex patient, EvaluationContext deciding) {
    for (Criterion c : criteria) {
      Truth truth = RuleEvaluator.evaluate(c.rule(), patient, deciding).truth();
      if (c.type() == CriterionType.INCLUSION ? truth == Truth.NOT_MET : truth == Truth.MET) return true;
    }
    return false;
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
      case AnyOf r -> r.rules().stream().allMatch(TrialScreener::history);
      default -> false;
    };
  }
}
