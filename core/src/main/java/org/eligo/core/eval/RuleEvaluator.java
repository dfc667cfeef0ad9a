package org.eligo.core.eval;

import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.rule.QualitativeResultRule;
import org.eligo.core.logic.Truth;

/** Evaluates any rule by sending it to the evaluator for its kind. */
public final class RuleEvaluator {
  private RuleEvaluator() {}

  public static Outcome evaluate(Rule rule, PatientIndex patient, EvaluationContext context) {
    // Most frequent kinds first: the switch tests the cases in order.
    return switch (rule) {
      case AllOf r -> LogicEvaluator.allOf(r, patient, context);
      case AnyOf r -> LogicEvaluator.anyOf(r, patient, context);
      case ConditionRule r -> ConditionEvaluator.evaluate(r, patient, context);
      case AgeRule r -> DemographicsEvaluator.age(r, patient, context);
      case MeasurementRule r -> MeasurementEvaluator.evaluate(r, patient, context);
      case Ask r -> context.explain() ? Outcome.unknown(r.question()) : Outcome.of(Truth.UNKNOWN);
      case Unparsed r -> Outcome.of(Truth.UNKNOWN);
      case MedicationRule r -> MedicationEvaluator.evaluate(r, patient, context);
      case SexRule r -> DemographicsEvaluator.sex(r, patient, context);
      case PregnancyRule r -> PregnancyEvaluator.evaluate(r, patient, context);
      case ViralLoadRule r -> ViralLoadEvaluator.evaluate(r, patient, context);
      case QualitativeResultRule r -> QualitativeResultEvaluator.evaluate(r, patient, context);
      case ProcedureRule r -> HistoryEvaluator.procedure(r, patient, context);
      case ImmunizationRule r -> HistoryEvaluator.immunization(r, patient, context);
      case AllergyRule r -> HistoryEvaluator.allergy(r, patient);
      case AtLeast r -> LogicEvaluator.atLeast(r, patient, context);
      case Not r -> evaluate(r.rule(), patient, context).negate();
      case ScreeningConfirmation r -> Outcome.of(Truth.UNKNOWN);
    };
  }
}
