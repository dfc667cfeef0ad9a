package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.eligo.core.eval.EvaluationContext;
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
 * Records from systems that code otherwise than a US hospital, from the record to the verdict: WHO's ICD-10
 * diagnoses, bare RxNorm codes, qualitative hCG results, numbers written as text.
 */
class ForeignCodingsMatchTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());
  static final CriteriaSet TRIAL = CriteriaCompiler.standard().parse("NCT99990003", """
      Inclusion Criteria:

      * Diagnosis of aplastic anemia
      * Hemoglobin less than 10 g/dL

      Exclusion Criteria:

      * Prior treatment with sirolimus
      * Pregnancy
      """);
  static final String WHO = "http://hl7.org/fhir/sid/icd-10";

  static TrialResult evaluate(FhirPatientBuilder record) {
    var facts = READER.read(record.bundleJson(), AS_OF).facts();
    return TrialEvaluator.evaluate(TRIAL, PatientIndex.of(facts), new EvaluationContext(AS_OF));
  }

  static Truth criterion(TrialResult result, String text) {
    return result.criteria().stream().filter(c -> c.criterion().text().contains(text)).findFirst().orElseThrow()
        .status();
  }

  /** A woman of 45 with a hemoglobin of 8.5 g/dL, no pregnancy (a negative urine hCG) and one unrelated drug. */
  static FhirPatientBuilder woman() {
    return FhirPatientBuilder.patient("p1").born("1980-06-01").female()
        .lab("hemoglobin", 8.5, "g/dL", "2026-02-20")
        .pregnancyStatus(Code.loinc("LA26683-5"), "2026-02-25")
        .medication(Code.rxnorm("241834"), "cyclosporine", "2025-01-01", null, "active");
  }

  @Test
  void aWhoIcd10AplasticAnaemiaWithoutANameMeetsTheDiagnosis() {
    TrialResult result = evaluate(woman().condition(new Code(WHO, "D61.9", null), null, "2025-03-01"));
    assertThat(criterion(result, "aplastic anemia")).isEqualTo(Truth.MET);
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aHemoglobinWrittenAsTextWithItsUnitMeetsTheLimitAndWithoutOneIsAsked() {
    FhirPatientBuilder aplastic = FhirPatientBuilder.patient("p1").born("1980-06-01").female()
        .condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .pregnancyStatus(Code.loinc("LA26683-5"), "2026-02-25")
        .medication(Code.rxnorm("241834"), "cyclosporine", "2025-01-01", null, "active");
    TrialResult withUnit = evaluate(aplastic.observation(Code.loinc("718-7"), "2026-02-20",
        o -> o.put("valueString", "8.5 g/dL")));
    assertThat(criterion(withUnit, "Hemoglobin")).isEqualTo(Truth.MET);
    assertThat(withUnit.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aHemoglobinWrittenAsABareNumberIsAskedNotGuessed() {
    TrialResult bare = evaluate(FhirPatientBuilder.patient("p1").born("1980-06-01").female()
        .condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .observation(Code.loinc("718-7"), "2026-02-20", o -> o.put("valueString", "8.5")));
    assertThat(criterion(bare, "Hemoglobin")).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aPositiveSerumPregnancyTestAfterTheLastStatusExcludesUnderPregnancy() {
    FhirPatientBuilder aplastic = woman().condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01");
    assertThat(evaluate(aplastic).verdict()).isEqualTo(Verdict.ELIGIBLE);
    TrialResult positive = evaluate(aplastic.coded(Code.loinc("2118-8"), Code.snomed("10828004"), "2026-02-27"));
    assertThat(criterion(positive, "Pregnancy")).isEqualTo(Truth.MET);
    assertThat(positive.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void aPositiveTestBeforeThePregnancyTheRecordEndsDoesNotExclude() {
    // the positive serum hCG of 10 February was of the pregnancy that ended on the 20th (a miscarriage): read as
    // pregnant now, it excluded her under "Pregnancy"
    TrialResult ended = evaluate(woman().condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .coded(Code.loinc("2118-8"), Code.snomed("10828004"), "2026-02-26")
        .condition(Code.snomed("77386006"), "Pregnancy", "2025-12-20").clinicalStatus("resolved")
        .abated("2026-02-27"));
    assertThat(criterion(ended, "Pregnancy")).isEqualTo(Truth.UNKNOWN);
    assertThat(ended.verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aPositiveTestFollowedByAResultEligoDoesNotReadIsAsked() {
    // a later urine test answered "Not detected" (as text, or SNOMED CT 260415000, no pregnancy answer Eligo reads)
    // may be the negative that closes the positive: the older positive excluded her
    FhirPatientBuilder positive = woman().condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .coded(Code.loinc("2118-8"), Code.snomed("10828004"), "2026-02-26");
    TrialResult text = evaluate(positive.observation(Code.loinc("2106-3"), "2026-02-28",
        o -> o.put("valueString", "Not detected")));
    assertThat(criterion(text, "Pregnancy")).isEqualTo(Truth.UNKNOWN);
    assertThat(text.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    TrialResult coded = evaluate(woman().condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .coded(Code.loinc("2118-8"), Code.snomed("10828004"), "2026-02-26")
        .coded(Code.loinc("2106-3"), Code.snomed("260415000"), "2026-02-26"));
    assertThat(criterion(coded, "Pregnancy")).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aPositiveTestFollowedByAQualitativeTestSentAsANumberIsAsked() {
    // a later serum hCG sent as "2 m[IU]/mL" under the qualitative code was dropped, and the older positive excluded
    TrialResult number = evaluate(woman().condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .coded(Code.loinc("2118-8"), Code.snomed("10828004"), "2026-02-26")
        .lab(Code.loinc("2118-8"), 2, "m[IU]/mL", "2026-02-28"));
    assertThat(criterion(number, "Pregnancy")).isEqualTo(Truth.UNKNOWN);
    assertThat(number.verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aNegativeSerumPregnancyTestWrittenAsTextIsNoPregnancy() {
    TrialResult negative = evaluate(FhirPatientBuilder.patient("p1").born("1980-06-01").female()
        .condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .lab("hemoglobin", 8.5, "g/dL", "2026-02-20")
        .medication(Code.rxnorm("241834"), "cyclosporine", "2025-01-01", null, "active")
        .observation(Code.loinc("2110-5"), "2026-02-27", o -> o.put("valueString", "Negative")));
    assertThat(criterion(negative, "Pregnancy")).isEqualTo(Truth.NOT_MET);
    assertThat(negative.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aBareRxNormSirolimusIngredientCodeIsPriorSirolimus() {
    // RxNorm 35302 without a name was unidentified: "Prior treatment with sirolimus" was asked, never settled
    TrialResult result = evaluate(woman().condition(Code.icd10("D61.9"), "Aplastic anemia", "2025-03-01")
        .medication(Code.rxnorm("35302"), null, "2024-01-01", "2024-06-01", "completed"));
    assertThat(criterion(result, "sirolimus")).isEqualTo(Truth.MET);
    assertThat(result.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }
}
