package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.loinc;
import static org.eligo.fhir.testkit.Code.snomed;

import java.time.LocalDate;
import java.util.List;
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
 * A FHIR record's hepatitis and HIV test results against a trial's infection exclusions, from registry text to
 * verdict: a positive HBsAg excludes with the result as evidence, an HCV antibody alone leaves a question, recent
 * negative results let a record without diagnoses through.
 */
class InfectionTestResultsMatchTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());
  static final CriteriaSet TRIAL = CriteriaCompiler.standard().parse("NCT99990001", """
      Inclusion Criteria:

      * Age 18 years or older

      Exclusion Criteria:

      * Active hepatitis B infection
      * Active hepatitis C infection
      * Known HIV infection
      """);
  static final Code HBSAG = loinc("5196-1");
  static final Code HCV_RNA = loinc("11011-4");
  static final Code ANTI_HCV = loinc("13955-0");
  static final Code HIV_AG_AB = loinc("56888-1");

  static TrialResult evaluate(FhirPatientBuilder record) {
    var facts = READER.read(record.bundleJson(), AS_OF).facts();
    return TrialEvaluator.evaluate(TRIAL, PatientIndex.of(facts), new EvaluationContext(AS_OF));
  }

  static CriterionResult criterion(TrialResult result, String text) {
    return result.criteria().stream().filter(c -> c.criterion().text().contains(text)).findFirst().orElseThrow();
  }

  /** An adult whose record lists a diagnosis, none of them an infection. */
  static FhirPatientBuilder adultWithDiagnoses() {
    return FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .condition(icd10("I10"), "Essential hypertension", "2018-01-01");
  }

  @Test
  void aPositiveHbsagExcludesFromActiveHepatitisBWithTheResultAsEvidence() {
    TrialResult result = evaluate(adultWithDiagnoses()
        .coded(HBSAG, snomed("10828004").display("Positive"), "2026-01-03").id("hbsag-1"));
    CriterionResult hepB = criterion(result, "hepatitis B");
    assertThat(hepB.status()).isEqualTo(Truth.MET);
    assertThat(hepB.evidence()).extracting(Evidence::description, Evidence::resource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HBsAg: Positive (2026-01-03)", "Observation/hbsag-1"));
    assertThat(result.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void anHcvAntibodyAloneLeavesActiveHepatitisCOpenNeverExcluded() {
    TrialResult result = evaluate(adultWithDiagnoses()
        .observation(ANTI_HCV, "2026-01-03", o -> o.put("valueString", "Reactive")));
    CriterionResult hepC = criterion(result, "hepatitis C");
    assertThat(hepC.status()).isEqualTo(Truth.UNKNOWN);
    assertThat(hepC.questions()).singleElement().asString().contains("Anti-HCV: Reactive (2026-01-03)");
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aReactiveHivScreenAloneAsksForConfirmationWhileHivRnaExcludes() {
    TrialResult screen = evaluate(adultWithDiagnoses()
        .observation(HIV_AG_AB, "2026-01-03", o -> o.put("valueString", "Reactive")));
    CriterionResult hiv = criterion(screen, "HIV");
    assertThat(hiv.status()).isEqualTo(Truth.UNKNOWN);
    assertThat(hiv.questions()).singleElement().asString().contains("HIV-1/2 Ag/Ab: Reactive (2026-01-03)");
    assertThat(screen.verdict()).isEqualTo(Verdict.NEEDS_INFO);

    TrialResult rna = evaluate(adultWithDiagnoses()
        .observation(HIV_AG_AB, "2026-01-03", o -> o.put("valueString", "Reactive"))
        .coded(loinc("25835-0"), snomed("260373001").display("Detected"), "2026-01-10"));
    assertThat(criterion(rna, "HIV").status()).isEqualTo(Truth.MET);
    assertThat(rna.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void anHcvAntibodyWithUndetectableRnaDoesNotExclude() {
    TrialResult result = evaluate(adultWithDiagnoses()
        .observation(ANTI_HCV, "2026-01-03", o -> o.put("valueString", "Reactive"))
        .coded(HCV_RNA, snomed("260415000").display("Not detected"), "2026-01-03"));
    assertThat(criterion(result, "hepatitis C").status()).isEqualTo(Truth.NOT_MET);
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void recentNegativeResultsSettleTheExclusionsOfARecordWithoutDiagnoses() {
    FhirPatientBuilder record = FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .observation(HBSAG, "2026-02-01", o -> o.put("valueString", "Non-reactive"))
        .coded(HCV_RNA, snomed("260415000"), "2026-02-01")
        .observation(HIV_AG_AB, "2026-02-01", o -> o.put("valueString", "Negative"));
    TrialResult result = evaluate(record);
    assertThat(result.criteria()).filteredOn(c -> c.criterion().id().startsWith("exc"))
        .hasSize(3).allSatisfy(c -> assertThat(c.status()).as(c.criterion().text()).isEqualTo(Truth.NOT_MET));
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void resultsShowTheInfectionsAnExclusionNamesTogether() {
    // the test results themselves ("HBsAg positive") are not read as a diagnosis in criteria text: "patients who are
    // HBsAg positive must take prophylaxis" would then require hepatitis B of everyone
    CriteriaSet trial = CriteriaCompiler.standard().parse("NCT99990002", """
        Exclusion Criteria:

        * Active hepatitis B or hepatitis C infection
        """);
    for (FhirPatientBuilder record : List.of(
        adultWithDiagnoses().coded(HBSAG, snomed("10828004").display("Positive"), "2026-01-03"),
        adultWithDiagnoses().coded(HCV_RNA, snomed("260373001").display("Detected"), "2026-01-03"))) {
      var facts = READER.read(record.bundleJson(), AS_OF).facts();
      TrialResult result = TrialEvaluator.evaluate(trial, PatientIndex.of(facts), new EvaluationContext(AS_OF));
      assertThat(result.criteria()).singleElement().satisfies(c -> {
        assertThat(c.status()).isEqualTo(Truth.MET);
        assertThat(c.evidence()).extracting(Evidence::description)
            .containsAnyOf("HBsAg: Positive (2026-01-03)", "HCV RNA: Detected (2026-01-03)");
      });
      assertThat(result.verdict()).isEqualTo(Verdict.INELIGIBLE);
    }
  }

  @Test
  void negativeResultsFromYearsAgoSayNothingAboutNow() {
    TrialResult result = evaluate(FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .observation(HBSAG, "2021-02-01", o -> o.put("valueString", "Negative")));
    assertThat(criterion(result, "hepatitis B").status()).isEqualTo(Truth.UNKNOWN);
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }
}
