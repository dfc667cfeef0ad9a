package org.eligo.core.rule;

/**
 * A typed eligibility rule over patient facts. Evaluating one gives MET, NOT_MET or UNKNOWN with evidence.
 *
 * <p>Kinds: demographics ({@link AgeRule}, {@link SexRule}), numbers ({@link MeasurementRule}), coded history
 * ({@link ConditionRule}, {@link MedicationRule}, {@link ProcedureRule}, {@link AllergyRule},
 * {@link ImmunizationRule}), {@link PregnancyRule}, {@link ViralLoadRule} (a virus test's latest result), {@link QualitativeResultRule} (a qualitative test's finding), combinators ({@link AllOf}, {@link AnyOf}, {@link AtLeast},
 * {@link Not}) and the three that no record settles: {@link Ask} (a question that decides it),
 * {@link ScreeningConfirmation} (confirmed at screening, never counted) and {@link Unparsed}.
 */
public sealed interface Rule
    permits AgeRule, SexRule, MeasurementRule, ConditionRule, MedicationRule, ProcedureRule, AllergyRule,
        ImmunizationRule, PregnancyRule, ViralLoadRule, QualitativeResultRule, AllOf, AnyOf, AtLeast, Not, Ask, ScreeningConfirmation, Unparsed {
}
