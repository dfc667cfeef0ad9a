package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.icd10;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * An onset or abatement given as an age (DECISIONS §77): a whole number of years or months is any day of that year or
 * month of life, as a year without a month is any day of it, never the birthday alone. Read as the birthday, an ITP
 * begun "at 35" in a woman now 35 and 10 months was dated 10 months ago, and "Newly diagnosed ITP (within 3 months of
 * diagnosis)" failed her.
 */
class AgeGivenOnsetTest {
  private static final ConditionRule ITP_BEGUN_WITHIN_3_MONTHS = new ConditionRule(Set.of("immune-thrombocytopenia"),
      Set.of(), TimeWindow.began(90), "immune thrombocytopenia");
  private static final ConditionRule ITP_WITHIN_6_MONTHS = new ConditionRule(Set.of("immune-thrombocytopenia"),
      Set.of(), TimeWindow.within(182), "immune thrombocytopenia");

  private static Truth verdict(ConditionRule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF)).truth();
  }

  private static PatientFacts itp(String born, double value, String code, String field) {
    return read(FhirPatientBuilder.patient("p1").born(born).female()
        .condition(icd10("D69.3"), "Immune thrombocytopenia", null)
        .with(c -> c.putObject(field).put("value", value).put("system", "http://unitsofmeasure.org").put("code", code))
        .bundleJson()).facts();
  }

  @Test
  void anOnsetAtAnAgeInYearsOrMonthsIsAnyDayOfItAndLeavesARecentOnsetOpen() {
    // born 1990-04-12, 35 since 2025-04-12; evaluated 2026-03-01: ITP begun at 35 may have begun last month
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, itp("1990-04-12", 35, "a", "onsetAge")))
        .as("onset at 35 years, now 35 and 10 months").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, itp("1990-04-12", 34, "a", "onsetAge")))
        .as("onset at 34 years: over a year ago").isEqualTo(Truth.NOT_MET);
    // an infant born 2025-01-15, ITP begun at 10 months of age: from mid-November to mid-December 2025
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, itp("2025-01-15", 10, "mo", "onsetAge")))
        .as("onset at 10 months of age").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(ITP_BEGUN_WITHIN_3_MONTHS, itp("1990-04-12", 35.2, "a", "onsetAge")))
        .as("a fractional age is the day it gives (2025-06-24)").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAbatementAtAnAgeIsAnyDayOfItAndLeavesAWindowOpen() {
    PatientFacts resolvedAt35 = read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(icd10("D69.3"), "Immune thrombocytopenia", "2024-01-10").clinicalStatus("resolved")
        .with(c -> c.putObject("abatementAge").put("value", 35).put("system", "http://unitsofmeasure.org")
            .put("code", "a"))
        .bundleJson()).facts();
    assertThat(verdict(ITP_WITHIN_6_MONTHS, resolvedAt35)).as("resolved at 35: perhaps within the 6 months")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(resolvedAt35.conditions().getFirst().abatement()).isEqualTo(java.time.LocalDate.of(2025, 4, 12));
  }
}
