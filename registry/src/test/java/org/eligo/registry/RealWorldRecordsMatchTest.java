package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.loinc;
import static org.eligo.fhir.testkit.Code.rxnorm;
import static org.eligo.fhir.testkit.Code.snomed;

import java.time.LocalDate;
import org.eligo.core.eval.CriterionResult;
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
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Shapes of real EHR exports that once excluded or settled wrongly, from the record to the verdict: what the record
 * does not establish never excludes.
 */
class RealWorldRecordsMatchTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());
  static final CriteriaSet TRIAL = CriteriaCompiler.standard().parse("NCT99990002", """
      Inclusion Criteria:

      * Age 18 years or older

      Exclusion Criteria:

      * Prior treatment with sirolimus
      * Prior splenectomy
      * Active hepatitis B infection
      """);

  static TrialResult evaluate(FhirPatientBuilder record) {
    var facts = READER.read(record.bundleJson(), AS_OF).facts();
    return TrialEvaluator.evaluate(TRIAL, PatientIndex.of(facts), new EvaluationContext(AS_OF));
  }

  static Truth criterion(TrialResult result, String text) {
    return result.criteria().stream().filter(c -> c.criterion().text().contains(text)).findFirst().orElseThrow()
        .status();
  }

  /** An adult whose record lists diagnoses, drugs and procedures, none of them the trial's. */
  static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .condition(icd10("I10"), "Essential hypertension", "2018-01-01")
        .medication(rxnorm("241834"), "cyclosporine", "2025-01-01", null, "active")
        .procedure(org.eligo.fhir.testkit.Code.text("Bone marrow biopsy"), null, "2025-02-01");
  }

  @Test
  void theRecordWithoutAnyOfItIsEligible() {
    assertThat(evaluate(adult()).verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void anOrderNotToGiveSirolimusIsNoPriorSirolimus() {
    TrialResult result = evaluate(adult()
        .medicationRequest(rxnorm("314230"), "sirolimus", "2025-06-01", null, "active")
        .with(r -> r.put("doNotPerform", true)));
    assertThat(criterion(result, "sirolimus")).isEqualTo(Truth.NOT_MET);
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aProcedureCodedOnlyWithACodeEligoDoesNotKnowLeavesSplenectomyOpen() {
    // SNOMED CT 999999001 stands for a code Eligo's terminology does not hold
    TrialResult result = evaluate(adult().procedure(snomed("999999001"), null, "2024-05-01"));
    assertThat(criterion(result, "splenectomy")).isEqualTo(Truth.UNKNOWN);
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aHepatitisBDiagnosisRefutedInWordsOrAPreliminaryPositiveHbsagNeverExcludes() {
    TrialResult refuted = evaluate(adult().condition(icd10("B18.1"), "Chronic hepatitis B", "2020-01-01")
        .with(c -> c.putObject("verificationStatus").put("text", "Refuted")));
    assertThat(refuted.verdict()).isEqualTo(Verdict.ELIGIBLE);
    TrialResult localStatus = evaluate(adult().condition(icd10("B18.1"), "Chronic hepatitis B", "2020-01-01")
        .with(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.putObject("verificationStatus")
            .putArray("coding").addObject()).put("system", "http://hospital.example.org/vs").put("code", "RO")));
    assertThat(criterion(localStatus, "hepatitis B")).isEqualTo(Truth.UNKNOWN);
    assertThat(localStatus.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    TrialResult preliminary = evaluate(adult()
        .coded(loinc("5196-1"), snomed("10828004").display("Positive"), "2026-02-20").status("preliminary"));
    assertThat(preliminary.verdict()).isNotEqualTo(Verdict.INELIGIBLE);
  }
}
