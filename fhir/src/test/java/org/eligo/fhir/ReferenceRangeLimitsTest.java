package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * The upper limit of normal a "× ULN" criterion takes from an Observation's reference range (DECISIONS §56, §63): only
 * a range that can be one, in a unit the range itself gives.
 */
class ReferenceRangeLimitsTest {
  static final String DAY = "2026-02-20";

  /** "Creatinine ≤ 1.5 × ULN", "Total bilirubin ≤ 1.5 × ULN", "AST and ALT ≤ 2.5 × ULN" as the parser reads them. */
  static Rule atMost(String measure, double times, String unit) {
    return new MeasurementRule(measure, measure, Comparator.LE, times, true, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
  }

  static Truth verdict(Rule rule, FhirPatientBuilder record) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(Readers.read(record.bundleJson()).facts()),
        new EvaluationContext(Readers.AS_OF)).truth();
  }

  static FhirPatientBuilder patient() {
    return FhirPatientBuilder.patient("p1").born("1970-04-12").male();
  }

  /**
   * A range with no unit of its own beside a result in µmol/L or µkat/L: "0.7-1.24" is the mg/dL range a lab prints
   * beside the SI value, "45" the U/L one. Taken in the value's unit, the ULN was 0.014 mg/dL (or 0.75 U/L) and a
   * normal creatinine of 80 µmol/L failed "≤ 1.5 × ULN". Such a limit is left out, with a warning: the criterion asks.
   */
  @Test
  void aLimitWithoutItsOwnUnitIsNoUpperLimitOfNormal() {
    Rule creatinine = atMost("creatinine", 1.5, "mg/dL");
    assertThat(verdict(creatinine, patient().lab("creatinine", 80, "umol/L", DAY).referenceRange(0.7, 1.24, null)))
        .as("80 µmol/L beside '0.7-1.24' without a unit").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(atMost("bilirubin-total", 1.5, "mg/dL"),
        patient().lab("bilirubin-total", 12, "umol/L", DAY).referenceRange(null, 1.2, null)))
        .as("bilirubin 12 µmol/L beside '1.2' without a unit").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(atMost("alt", 2.5, "U/L"), patient().lab("alt", 40, "U/L", DAY).referenceRange(null, 0.75, null)))
        .as("ALT 40 U/L beside '0.75' (µkat/L) without a unit").isEqualTo(Truth.UNKNOWN);
    PatientReadResult read = Readers.read(patient().lab("creatinine", 80, "umol/L", DAY)
        .referenceRange(0.7, 1.24, null).bundleJson());
    assertThat(read.facts().measurements()).singleElement().satisfies(m -> assertThat(m.referenceHigh()).isNull());
    assertThat(read.diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message()).contains("no unit of its own"));
    // a range in its own unit, other than the value's, is converted and decides
    assertThat(verdict(creatinine, patient().lab("creatinine", 80, "umol/L", DAY).referenceRange(0.7, 1.24, "mg/dL")))
        .isEqualTo(Truth.MET);
    assertThat(verdict(creatinine, patient().lab("creatinine", 250, "umol/L", DAY).referenceRange(62.0, 106.0,
        "umol/L"))).isEqualTo(Truth.NOT_MET);
  }

  /**
   * A range given only as text ("62-106 umol/L") has no limit to read; "0-0" written as a placeholder, or limits
   * swapped, are no range of normal values: as the ULN, 0 (or the real lower limit) failed every patient.
   */
  @Test
  void aRangeThatCannotBeTheNormalOneGivesNoUpperLimit() {
    Rule creatinine = atMost("creatinine", 1.5, "mg/dL");
    assertThat(verdict(creatinine, patient().lab("creatinine", 80, "umol/L", DAY)
        .with(o -> o.withArray("referenceRange").addObject().put("text", "62-106 umol/L"))))
        .as("a range as text only").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(creatinine, patient().lab("creatinine", 80, "umol/L", DAY).referenceRange(0.0, 0.0, "umol/L")))
        .as("'0-0'").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(creatinine, patient().lab("creatinine", 95, "umol/L", DAY).referenceRange(106.0, 62.0,
        "umol/L"))).as("limits swapped: 95 µmol/L is within 62-106").isEqualTo(Truth.UNKNOWN);
    assertThat(Readers.read(patient().lab("creatinine", 95, "umol/L", DAY).referenceRange(106.0, 62.0, "umol/L")
        .bundleJson()).diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .contains("no range of normal values"));
  }
}
