package org.eligo.core.match;

import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;

/**
 * A trial and the patient's standing for it. The verdict is decided when matching; the criterion-by-criterion
 * explanation is computed the first time {@link #result()} is read (ranking 10,000 trials must not explain all of
 * them), and gives the same verdict.
 */
public final class TrialMatch {
  private final Trial trial;
  private final CriteriaSet criteria;
  private final PatientIndex patient;
  private final EvaluationContext context;
  private final TrialEvaluator.Decision decision;
  private final boolean studiesAConditionOfThePatient;
  private volatile TrialResult result;

  TrialMatch(MatchCandidate candidate, PatientIndex patient, EvaluationContext context,
             TrialEvaluator.Decision decision) {
    this.trial = candidate.trial();
    this.criteria = candidate.criteria();
    this.patient = patient;
    this.context = context;
    this.decision = decision;
    this.studiesAConditionOfThePatient = Matcher.studiesAConditionOf(candidate, patient);
  }

  public Trial trial() {
    return trial;
  }

  public Verdict verdict() {
    return decision.verdict();
  }

  /** Criteria the record leaves open (UNKNOWN, screening confirmations aside); 0 unless NEEDS_INFO. */
  public int openCriteria() {
    return decision.openCriteria();
  }

  /**
   * Whether the trial studies a condition in the patient's record (its registry condition list, read with the
   * terminology): such trials rank before others with the same standing.
   */
  public boolean studiesAConditionOfThePatient() {
    return studiesAConditionOfThePatient;
  }

  /** The full explanation: every criterion's status, evidence and questions. */
  public TrialResult result() {
    TrialResult r = result;
    if (r == null) {
      r = TrialEvaluator.evaluate(criteria, patient, context.explaining());
      result = r;
    }
    return r;
  }
}
