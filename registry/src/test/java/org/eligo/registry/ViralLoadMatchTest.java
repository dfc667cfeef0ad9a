package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.loinc;
import static org.eligo.fhir.testkit.Code.snomed;

import java.time.LocalDate;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Evidence;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * A FHIR record's viral loads against a trial's viral-load exclusions, from registry text to verdict: a recent HBV
 * DNA not detected lets a patient with hepatitis B through, a recent load of 5,000 IU/mL excludes, and no load, or
 * one below the limit of quantification, is asked about.
 */
class ViralLoadMatchTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());
  static final CriteriaSet TRIAL = CriteriaCompiler.standard().parse("NCT99990002", """
      Inclusion Criteria:

      * Age 18 years or older

      Exclusion Criteria:

      * Detectable HBV DNA
      * HIV-1 RNA ≥ 200 copies/mL
      """);
  static final Code HBV_DNA = loinc("42595-9");
  static final Code HIV_RNA = loinc("20447-9");

  static TrialResult evaluate(FhirPatientBuilder record) {
    var facts = READER.read(record.bundleJson(), AS_OF).facts();
    return TrialEvaluator.evaluate(TRIAL, PatientIndex.of(facts), new EvaluationContext(AS_OF));
  }

  static CriterionResult criterion(TrialResult result, String text) {
    return result.criteria().stream().filter(c -> c.criterion().text().contains(text)).findFirst().orElseThrow();
  }

  /** An adult with chronic hepatitis B on her problem list. */
  static FhirPatientBuilder chronicHepatitisB() {
    return FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .condition(icd10("B18.1"), "Chronic viral hepatitis B without delta-agent", "2012-01-01");
  }

  @Test
  void aRecentUndetectableHbvDnaIsNotExcludedAndNoRecentLoadIsAsked() {
    TrialResult result = evaluate(chronicHepatitisB()
        .coded(HBV_DNA, snomed("260415000").display("Not detected"), "2026-02-01"));
    assertThat(criterion(result, "HBV DNA").status()).isEqualTo(Truth.NOT_MET);
    assertThat(criterion(result, "HIV-1 RNA").status()).as("no HIV in a record that lists diagnoses")
        .isEqualTo(Truth.NOT_MET);
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
    // without a recent load, or with one below the limit of quantification, she is asked, never excluded
    TrialResult none = evaluate(chronicHepatitisB());
    assertThat(criterion(none, "HBV DNA").status()).isEqualTo(Truth.UNKNOWN);
    assertThat(criterion(none, "HBV DNA").questions()).anySatisfy(q -> assertThat(q)
        .startsWith("Is the patient's HBV DNA detectable?"));
    assertThat(none.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    TrialResult belowLimit = evaluate(chronicHepatitisB().lab(HBV_DNA, 20, "IU/mL", "2026-02-01")
        .with(o -> o.withObject("valueQuantity").put("comparator", "<")));
    assertThat(criterion(belowLimit, "HBV DNA").status()).as("a trace or nothing").isEqualTo(Truth.UNKNOWN);
    TrialResult old = evaluate(chronicHepatitisB().coded(HBV_DNA, snomed("260415000"), "2025-10-01"));
    assertThat(criterion(old, "HBV DNA").status()).as("older than 90 days").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aLimitIsDecidedByAnAmountNeverByNotDetected() {
    FhirPatientBuilder hiv = FhirPatientBuilder.patient("p2").born("1970-01-01").male()
        .condition(icd10("B20"), "HIV disease", "2010-01-01");
    assertThat(criterion(evaluate(hiv.lab(HIV_RNA, 40, "{copies}/mL", "2026-02-01")), "HIV-1 RNA").status())
        .isEqualTo(Truth.NOT_MET);
    FhirPatientBuilder suppressed = FhirPatientBuilder.patient("p3").born("1970-01-01").male()
        .condition(icd10("B20"), "HIV disease", "2010-01-01")
        .observation(HIV_RNA, "2026-02-01", o -> o.put("valueString", "Target not detected"));
    assertThat(criterion(evaluate(suppressed), "HIV-1 RNA").status())
        .as("not detected is below a detection limit the record does not give").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aRecentHbvDnaOf5000IuPerMlExcludesWithTheResultAsEvidence() {
    TrialResult result = evaluate(chronicHepatitisB().lab(HBV_DNA, 5000, "IU/mL", "2026-02-01").id("hbv-1"));
    CriterionResult hbv = criterion(result, "HBV DNA");
    assertThat(hbv.status()).isEqualTo(Truth.MET);
    assertThat(hbv.evidence()).extracting(Evidence::description).contains("HBV DNA: 5000 IU/mL (2026-02-01)");
    assertThat(result.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }
}
