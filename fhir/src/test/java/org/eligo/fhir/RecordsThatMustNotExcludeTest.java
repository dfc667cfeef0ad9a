package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.time.LocalDate;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Outcome;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Records written the way EHR exports write them, each holding a detail that read wrongly became a fact excluding the
 * patient (DECISIONS 41). Each test reads the Bundle with the real HAPI reader and evaluates the criterion a trial
 * would hold against it, as of {@link Readers#AS_OF} (2026-03-01).
 */
class RecordsThatMustNotExcludeTest {

  private static final String PATIENT = """
      {"fullUrl": "https://ehr.example.org/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1",
       "birthDate": "1979-06-14", "gender": "female"%s}}""";

  private static String bundle(String patientExtra, String... entries) {
    return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + PATIENT.formatted(patientExtra)
        + (entries.length == 0 ? "" : "," + String.join(",", entries)) + "]}";
  }

  private static Outcome evaluate(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true));
  }

  /** An active problem-list entry, coded as an Epic or Cerner problem list codes it. */
  private static String problem(String id, String subject, String icd10cm, String text) {
    return """
        {"resource": {"resourceType": "Condition", "id": "%s", "subject": {"reference": "%s"},
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
           "code": "problem-list-item"}]}],
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "active"}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
           "code": "confirmed"}]},
         "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "%s"}], "text": "%s"}}}"""
        .formatted(id, subject, icd10cm, text);
  }

  /**
   * US Core records a drug the patient reports taking (self-prescribed, or from another prescriber) as a
   * MedicationRequest with intent "plan", reportedBoolean true and the patient as requester (its example
   * MedicationRequest/self-tylenol); e-prescribing systems list self-reported medications under intent=plan. Read as
   * planned, a patient on eltrombopag for two years failed "On a stable dose of eltrombopag" (NOT_MET: "planned, not
   * taken"), and the drug was absent for "prior eltrombopag". A plan a practitioner writes stays a plan.
   */
  @Test
  void aPlanThatReportsADrugThePatientTakesIsUseNotAPlan() {
    String eltrombopag = """
        "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
          "code": "825421"}], "text": "eltrombopag 50 mg tablet"}""";
    PatientReadResult result = read(bundle("", problem("itp", "Patient/p1", "D69.3", "Chronic ITP"), """
        {"resource": {"resourceType": "MedicationRequest", "id": "self-reported", "status": "active", "intent": "plan",
         "reportedBoolean": true, %s, "subject": {"reference": "Patient/p1"}, "authoredOn": "2024-02-20",
         "requester": {"reference": "Patient/p1", "display": "self-prescribed"},
         "dosageInstruction": [{"text": "Takes 50 mg once daily"}]}}""".formatted(eltrombopag), """
        {"resource": {"resourceType": "MedicationRequest", "id": "from-outside", "status": "active", "intent": "plan",
         "reportedReference": {"reference": "Patient/p1"}, %s, "subject": {"reference": "Patient/p1"},
         "authoredOn": "2024-02-20"}}""".formatted(eltrombopag)));
    MedicationRule onEltrombopag = new MedicationRule(Set.of("eltrombopag"), new MedicationTiming.Current(),
        "eltrombopag");
    assertThat(evaluate(onEltrombopag, result.facts()).truth()).isEqualTo(Truth.MET);
    assertThat(result.facts().medications()).extracting(MedicationExposure::status)
        .containsExactly(ExposureStatus.ACTIVE, ExposureStatus.ACTIVE);
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("MedicationRequest/self-reported.intent"));

    // a treatment plan written by the haematologist is still not taken
    PatientReadResult planned = read(bundle("", problem("itp", "Patient/p1", "D69.3", "Chronic ITP"), """
        {"resource": {"resourceType": "MedicationRequest", "id": "plan", "status": "active", "intent": "plan", %s,
         "subject": {"reference": "Patient/p1"}, "authoredOn": "2026-02-20",
         "requester": {"reference": "Practitioner/haem-1"}}}""".formatted(eltrombopag)));
    assertThat(planned.facts().medications()).extracting(MedicationExposure::status)
        .containsExactly(ExposureStatus.INTENDED);
    assertThat(evaluate(onEltrombopag, planned.facts()).truth()).isEqualTo(Truth.NOT_MET);
  }

  /**
   * A merge of two medical record numbers leaves the old Patient in the export, linked to the current one
   * (Patient.link replaced-by / replaces), with the diagnoses filed under it. Read as another person's, the immune
   * thrombocytopenia was dropped and "Diagnosis of ITP" was NOT_MET from the hypertension alone: INELIGIBLE for an
   * ITP trial. The current Patient is the patient even when the old one comes first; a Patient the record does not
   * link (a relative) stays someone else.
   */
  @Test
  void theDiagnosesOfAPatientLinkedAsTheSamePersonAreThePatients() {
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + """
        {"fullUrl": "https://ehr.example.org/fhir/Patient/old-7", "resource": {"resourceType": "Patient",
         "id": "old-7", "active": false, "birthDate": "1979-04-16", "gender": "female",
         "link": [{"other": {"reference": "Patient/p1"}, "type": "replaced-by"}]}},""" + PATIENT.formatted(
        ", \"link\": [{\"other\": {\"reference\": \"Patient/old-7\"}, \"type\": \"replaces\"}]") + ","
        + problem("htn", "Patient/p1", "I10", "Essential hypertension") + ","
        + problem("itp", "Patient/old-7", "D69.3", "Immune thrombocytopenia") + "," + """
        {"fullUrl": "https://ehr.example.org/fhir/Patient/mother", "resource": {"resourceType": "Patient",
         "id": "mother", "birthDate": "1950-01-02", "gender": "female"}},""" + problem("aa", "Patient/mother", "D61.9",
        "Aplastic anemia") + "]}");
    PatientFacts facts = result.facts();
    assertThat(evaluate(ConditionRule.ever("immune thrombocytopenia", "immune-thrombocytopenia"), facts).truth())
        .isEqualTo(Truth.MET);
    assertThat(facts.birthDate()).as("the current Patient's birth date, not the replaced one's")
        .isEqualTo(LocalDate.of(1979, 6, 14));
    assertThat(evaluate(ConditionRule.ever("aplastic anemia", "aplastic-anemia"), facts).truth())
        .isEqualTo(Truth.NOT_MET);
    assertThat(result.diagnostics(Severity.ERROR)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("Condition/aa.subject"));
  }

  /**
   * A merge often leaves the link on the surviving Patient only ("replaces"), the old one unlinked and first in the
   * export. The old Patient was then read as the patient: its birth date of 1949, corrected to 1979 at the merge, made
   * her 76 and failed "Age 18 to 75 years". The Patient another replaces is never the record's patient.
   */
  @Test
  void aPatientAnotherReplacesIsNotThePatientEvenWhenOnlyTheOtherSaysSo() {
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + """
        {"fullUrl": "https://ehr.example.org/fhir/Patient/old-7", "resource": {"resourceType": "Patient",
         "id": "old-7", "active": false, "birthDate": "1949-06-14", "gender": "female"}},""" + PATIENT.formatted(
        ", \"link\": [{\"other\": {\"reference\": \"Patient/old-7\"}, \"type\": \"replaces\"}]") + ","
        + problem("itp", "Patient/old-7", "D69.3", "Immune thrombocytopenia") + "]}");
    assertThat(result.facts().birthDate()).isEqualTo(LocalDate.of(1979, 6, 14));
    org.eligo.core.rule.AgeRule adult = new org.eligo.core.rule.AgeRule(new org.eligo.core.trial.RegistryAge(18,
        org.eligo.core.trial.RegistryAge.Unit.YEARS), true, new org.eligo.core.trial.RegistryAge(75,
        org.eligo.core.trial.RegistryAge.Unit.YEARS), true);
    assertThat(evaluate(adult, result.facts()).truth()).isEqualTo(Truth.MET);
    assertThat(evaluate(ConditionRule.ever("immune thrombocytopenia", "immune-thrombocytopenia"), result.facts())
        .truth()).isEqualTo(Truth.MET);
  }

  private static String bloodPressure(String id, String date, String systolic) {
    return """
        {"resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
           "code": "vital-signs"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}], "text": "Blood pressure"},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "%sT10:05:00-05:00",
         "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, %s},
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
            "valueQuantity": {"value": 82, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}}"""
        .formatted(id, date, systolic);
  }

  /**
   * A panel's reading is read as a result of its own (the blood pressure profile's components), but a newer panel
   * whose systolic reading is not given as a value (dataAbsentReason as-text or masked, an interpretation alone) or
   * cannot be read (a unit Eligo does not know) was skipped, and an older systolic of 172 excluded the patient under
   * "Systolic blood pressure > 160 mmHg" over a newer reading the record holds. Such a reading now sets older ones
   * aside, as a result of its own does (DECISIONS 41, 42); one not performed leaves the older deciding.
   */
  @Test
  void aNewerPanelReadingNotGivenAsAValueSetsOlderReadingsAside() {
    MeasurementRule above160 = MeasurementRule.of("systolic-blood-pressure", "systolic blood pressure", Comparator.GT,
        160, "mm[Hg]");
    String old = bloodPressure("bp-1", "2026-01-10", """
        "valueQuantity": {"value": 172, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}""");
    String dar = """
        "dataAbsentReason": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
          "code": "%s"}]}""";
    for (String newer : new String[] {dar.formatted("as-text"), dar.formatted("masked"), """
        "interpretation": [{"coding": [{"system":
          "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "N"}]}]""", """
        "valueQuantity": {"value": 128, "unit": "mm Hg (manual)"}"""}) {
      PatientReadResult result = read(bundle("", old, bloodPressure("bp-2", "2026-02-20", newer)));
      assertThat(evaluate(above160, result.facts()).truth()).as(newer).isEqualTo(Truth.UNKNOWN);
    }
    PatientReadResult notDone = read(bundle("", old, bloodPressure("bp-2", "2026-02-20",
        dar.formatted("not-performed"))));
    assertThat(evaluate(above160, notDone.facts()).truth()).isEqualTo(Truth.MET);
  }

  private static String platelets(String id, String date, String value) {
    return """
        {"resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
           "code": "laboratory"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "777-3",
           "display": "Platelets [#/volume] in Blood by Automated count"}], "text": "Platelet count"},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "%sT08:15:00-05:00", %s}}"""
        .formatted(id, date, value);
  }

  private static final String FORTY = """
      "valueQuantity": {"value": 40, "unit": "10*3/uL", "system": "http://unitsofmeasure.org", "code": "10*3/uL"}""";

  /**
   * A lab that writes a result in the report text, withholds it or flags it only (dataAbsentReason as-text or
   * masked, or an interpretation without a value) still reports a newer count. Only the older count of 40 was read,
   * so "Platelet count ≥ 50 × 10⁹/L" failed on a value the newer result may contradict. A test not performed says
   * no newer count exists: the older one still decides.
   */
  @Test
  void aNewerResultNotGivenAsAValueSetsOlderOnesAside() {
    MeasurementRule atLeast50 = MeasurementRule.of("platelets", "platelet count", Comparator.GE, 50, "10*9/L");
    String dar = """
        "dataAbsentReason": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
          "code": "%s"}]}""";
    // "unknown": "the value is expected to exist but is not known" (HL7 data-absent-reason), the parent of
    // temp-unknown that systems without the finer codes send for a result still to come (DECISIONS 48)
    for (String newer : new String[] {dar.formatted("as-text"), dar.formatted("masked"), dar.formatted("unknown"), """
        "interpretation": [{"coding": [{"system":
          "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "N",
          "display": "Normal"}]}]"""}) {
      PatientReadResult result = read(bundle("", platelets("old", "2026-01-10", FORTY),
          platelets("new", "2026-02-20", newer)));
      assertThat(evaluate(atLeast50, result.facts()).truth()).as(newer).isEqualTo(Truth.UNKNOWN);
      assertThat(result.facts().measurements()).as(newer).isEmpty();
      assertThat(result.diagnostics(Severity.WARNING)).as(newer).anySatisfy(d -> assertThat(d.message())
          .contains("platelets result of 2026-02-20 is not given as a value"));
    }
    PatientReadResult notDone = read(bundle("", platelets("old", "2026-01-10", FORTY),
        platelets("new", "2026-02-20", dar.formatted("not-performed"))));
    assertThat(evaluate(atLeast50, notDone.facts()).truth()).isEqualTo(Truth.NOT_MET);
  }

  /**
   * FHIR R4 gives a Procedure "on-hold" when it was begun and paused, to resume: like one stopped before completion,
   * it may or may not count as done. A hemodialysis course on hold since the kidneys recovered was read as dialysis
   * last month: "Dialysis within the last 30 days" was MET and excluded the patient.
   */
  @Test
  void aProcedureOnHoldLeavesItsCriteriaOpen() {
    // a record with another procedure: skipped rather than kept, the course on hold would make dialysis NOT_MET
    PatientReadResult result = read(bundle("", problem("aki", "Patient/p1", "N17.9", "Acute kidney failure"), """
        {"resource": {"resourceType": "Procedure", "id": "hd", "status": "on-hold",
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "302497006", "display": "Hemodialysis"}]},
         "subject": {"reference": "Patient/p1"}, "performedPeriod": {"start": "2026-02-03"}}}""", """
        {"resource": {"resourceType": "Procedure", "id": "line", "status": "completed",
         "code": {"text": "Central venous catheter placement"},
         "subject": {"reference": "Patient/p1"}, "performedDateTime": "2026-02-02"}}"""));
    ProcedureRule recentDialysis = new ProcedureRule(Set.of("dialysis"), new TimeWindow.WithinDays(30), "dialysis");
    assertThat(evaluate(recentDialysis, result.facts()).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("Procedure/hd.status"));
  }

  private static String relapse(String status, String onset, String abatement) {
    return """
        {"resource": {"resourceType": "Condition", "id": "itp", "subject": {"reference": "Patient/p1"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "%s"}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
           "code": "confirmed"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "128091003",
           "display": "Autoimmune thrombocytopenia"}], "text": "ITP"},
         "onsetDateTime": "%s", "abatementDateTime": "%s"}}""".formatted(status, onset, abatement);
  }

  /**
   * A problem list that marks a condition as relapsed or recurred may keep the abatement of the episode before it
   * (FHIR con-4 forbids an abatement beside it). Read as the end of the disease, a relapsed ITP was over: an inclusion
   * "Current (active) immune thrombocytopenia" was NOT_MET, and the patient INELIGIBLE for a trial of relapsed ITP.
   * When the onset is after the abatement (the relapse began after the episode ended), the condition is current. When
   * it is not (the onset of 2018 is the first episode's, and the relapse may as well have remitted in 2021, its status
   * left), DECISIONS 41 read it as current too, so "Immune thrombocytopenia" in an exclusion list, asked before,
   * excluded: the record says two things, and whether the ITP is current is asked under either list (DECISIONS 48).
   */
  @Test
  void aRelapseKeepsItsConditionCurrentWhateverTheEarlierEpisodesAbatement() {
    ConditionRule current = new ConditionRule(Set.of("immune-thrombocytopenia"), Set.of(), TimeWindow.ACTIVE,
        "immune thrombocytopenia");
    ConditionRule named = new ConditionRule(Set.of("immune-thrombocytopenia"), Set.of(), TimeWindow.PRESENT,
        "immune thrombocytopenia");
    for (String status : new String[] {"relapse", "recurrence"}) {
      PatientReadResult after = read(bundle("", relapse(status, "2025-09-02", "2021-06-30")));
      assertThat(evaluate(current, after.facts()).truth()).as(status + " since 2025").isEqualTo(Truth.MET);
      assertThat(evaluate(named, after.facts()).truth()).as(status + " since 2025").isEqualTo(Truth.MET);
      assertThat(after.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
          .isEqualTo("Condition/itp.abatement"));
      PatientReadResult both = read(bundle("", relapse(status, "2018-03-02", "2021-06-30")));
      assertThat(evaluate(current, both.facts()).truth()).as(status + ", onset 2018, abated 2021: not failed")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(evaluate(named, both.facts()).truth()).as(status + ", onset 2018, abated 2021: not excluded")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  /** An ITP on the problem list with the given clinical status, onset and abatement[x] (a JSON member, or none). */
  private static String ended(String status, String onset, String abatement) {
    return """
        {"resource": {"resourceType": "Condition", "id": "itp", "subject": {"reference": "Patient/p1"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "%s"}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
           "code": "confirmed"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "128091003",
           "display": "Autoimmune thrombocytopenia"}], "text": "ITP"},
         "onsetDateTime": "%s"%s}}""".formatted(status, onset, abatement == null ? "" : ", " + abatement);
  }

  private static final ConditionRule NAMED = new ConditionRule(Set.of("immune-thrombocytopenia"), Set.of(),
      TimeWindow.PRESENT, "immune thrombocytopenia");
  private static final ConditionRule CURRENT = new ConditionRule(Set.of("immune-thrombocytopenia"), Set.of(),
      TimeWindow.ACTIVE, "immune thrombocytopenia");
  private static final ConditionRule HISTORY = new ConditionRule(Set.of("immune-thrombocytopenia"), Set.of(),
      TimeWindow.EVER, "immune thrombocytopenia");

  /**
   * DECISIONS 48 reads a relapse or recurrence whose abatement is not before its onset as of unknown status, and a
   * diagnosis of unknown status that began within the last 30 days counts as current under a disease named without a
   * time: an ITP the record marks relapsed in February and ended later in February excluded her on 1 March under
   * "Immune thrombocytopenia", though the record as well says the relapse is over. Its onset (the first episode's, or
   * the relapse's) is now left open with its status: asked under either list, still had at some time (DECISIONS 51).
   */
  @Test
  void aRelapseTheRecordAlsoEndsIsAskedEvenWhenItBeganWithinThirtyDays() {
    for (String status : new String[] {"relapse", "recurrence"}) {
      // as of 2026-03-01: began in February and ended later, on the day it began, or over a period after it
      for (String[] dates : new String[][] {{"2026-02-10", "\"abatementDateTime\": \"2026-02-24\""},
          {"2026-02-10", "\"abatementDateTime\": \"2026-02-10T18:30:00-05:00\""},
          {"2026-02-03", "\"abatementPeriod\": {\"start\": \"2026-02-20\", \"end\": \"2026-02-27\"}"},
          {"2026-02", "\"abatementDateTime\": \"2026-02-27\""}}) {
        PatientFacts facts = read(bundle("", ended(status, dates[0], dates[1]))).facts();
        String as = status + " since " + dates[0] + ", " + dates[1];
        assertThat(evaluate(NAMED, facts).truth()).as(as + ": not excluded").isEqualTo(Truth.UNKNOWN);
        assertThat(evaluate(CURRENT, facts).truth()).as(as + ": not failed").isEqualTo(Truth.UNKNOWN);
        assertThat(evaluate(HISTORY, facts).truth()).as(as + ": had it").isEqualTo(Truth.MET);
      }
    }
    // a relapse that began after the episode the abatement ends is current, recent or not
    for (String onset : new String[] {"2026-02-10", "2025-09-02"}) {
      PatientFacts facts = read(bundle("", ended("relapse", onset, "\"abatementDateTime\": \"2021-06-30\"")))
          .facts();
      assertThat(evaluate(NAMED, facts).truth()).as("relapse since " + onset).isEqualTo(Truth.MET);
      assertThat(evaluate(CURRENT, facts).truth()).as("relapse since " + onset).isEqualTo(Truth.MET);
    }
  }

  /**
   * FHIR con-4: an abated condition is inactive, resolved or in remission. A current status beside an abatement with
   * a date is read as an end (active: abated; relapse or recurrence not after it: open, DECISIONS 48), but beside an
   * abatement given in words ("abatementString": "resolved in childhood", "in remission") the current status won, and
   * the patient was excluded under "Immune thrombocytopenia" on a disease the record says is over. Such an end is now
   * read as the dated one is: a relapse is asked under either list, an active entry is resolved (DECISIONS 51).
   */
  @Test
  void aCurrentStatusBesideAnEndGivenInWordsIsAskedAsBesideADatedEnd() {
    for (String status : new String[] {"relapse", "recurrence"}) {
      for (String[] dates : new String[][] {{"2026-02-10", "\"abatementString\": \"remitted after rituximab\""},
          {"2018-03-02", "\"abatementString\": \"in remission\""},
          {"2012-05", "\"abatementString\": \"Resolved after splenectomy\""}}) {
        PatientFacts facts = read(bundle("", ended(status, dates[0], dates[1]))).facts();
        String as = status + " since " + dates[0] + ", " + dates[1];
        assertThat(evaluate(NAMED, facts).truth()).as(as + ": not excluded").isEqualTo(Truth.UNKNOWN);
        assertThat(evaluate(CURRENT, facts).truth()).as(as + ": not failed").isEqualTo(Truth.UNKNOWN);
        assertThat(evaluate(HISTORY, facts).truth()).as(as + ": had it").isEqualTo(Truth.MET);
      }
    }
    for (String abatement : new String[] {"\"abatementString\": \"resolved in childhood\"",
        "\"abatementString\": \"resolved after splenectomy\"", "\"abatementString\": \"Remission\"",
        "\"abatementDateTime\": \"2019-05-01\""}) {
      PatientFacts facts = read(bundle("", ended("active", "2012-03-02", abatement))).facts();
      assertThat(evaluate(NAMED, facts).truth()).as("active, " + abatement).isEqualTo(Truth.UNKNOWN);
      assertThat(evaluate(HISTORY, facts).truth()).as("active, " + abatement).isEqualTo(Truth.MET);
    }
  }

  /**
   * DECISIONS 51 read any non-blank {@code abatementString} beside an active status, or none, as resolved, words that
   * deny an end included ("unknown", "ongoing", "not resolved", "N/A", "active"): an active ITP recorded with
   * "abatementString": "ongoing" then failed "Current ITP" and "Active ITP" in the inclusion list. Words that deny or
   * do not know an end leave the status as given; words Eligo cannot read as an end ("see hematology note") leave
   * whether the condition is current open (asked, never NOT_MET under a current-disease inclusion).
   */
  @Test
  void anAbatementInWordsThatGivesNoEndDoesNotEndTheCondition() {
    for (String words : new String[] {"unknown", "Ongoing", "not resolved", "N/A", "active", "Unresolved",
        "not in remission", "still active", "none", "n/a - ongoing"}) {
      String abatement = "\"abatementString\": \"" + words + "\"";
      PatientFacts facts = read(bundle("", ended("active", "2019-03-02", abatement))).facts();
      assertThat(evaluate(CURRENT, facts).truth()).as("active, " + words + ": still current").isEqualTo(Truth.MET);
      assertThat(evaluate(NAMED, facts).truth()).as("active, " + words).isEqualTo(Truth.MET);
      assertThat(evaluate(HISTORY, facts).truth()).as("active, " + words).isEqualTo(Truth.MET);
      PatientFacts relapse = read(bundle("", ended("relapse", "2019-03-02", abatement))).facts();
      assertThat(evaluate(CURRENT, relapse).truth()).as("relapse, " + words).isEqualTo(Truth.MET);
    }
    for (String words : new String[] {"see hematology note", "2019?", "per patient"}) {
      String abatement = "\"abatementString\": \"" + words + "\"";
      PatientFacts facts = read(bundle("", ended("active", "2019-03-02", abatement))).facts();
      assertThat(evaluate(CURRENT, facts).truth()).as("active, " + words + ": not failed").isEqualTo(Truth.UNKNOWN);
      assertThat(evaluate(NAMED, facts).truth()).as("active, " + words + ": not excluded").isEqualTo(Truth.UNKNOWN);
      assertThat(evaluate(HISTORY, facts).truth()).as("active, " + words).isEqualTo(Truth.MET);
    }
  }

  private static String hcg(String id, String loinc, String date, String result) {
    return """
        {"resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
           "code": "laboratory"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}], "text": "hCG, qualitative"},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "%sT09:40:00-05:00", %s}}"""
        .formatted(id, loinc, date, result);
  }

  /**
   * §41 sets older results aside behind a newer one not given as a value, but only for numbers: a pregnancy test is
   * coded, so a newer serum or urine hCG whose answer the lab writes in the report (dataAbsentReason as-text), withholds
   * (masked) or flags only ("NEG" as an interpretation, no value) was skipped, and the positive test of two weeks
   * before excluded the woman under "Pregnancy": the newer test may well be the negative that closes it. Such a test
   * now counts as a later status Eligo cannot read (DECISIONS 39): asked, never excluded on. A test not performed
   * leaves the positive deciding.
   */
  @Test
  void aNewerPregnancyTestNotGivenAsAValueLeavesAnOlderPositiveAsked() {
    String positive = hcg("hcg-1", "2118-8", "2026-02-10", """
        "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "10828004",
          "display": "Positive"}]}""");
    String dar = """
        "dataAbsentReason": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
          "code": "%s"}]}""";
    for (String newer : new String[] {hcg("hcg-2", "2106-3", "2026-02-24", dar.formatted("as-text")),
        hcg("hcg-2", "2118-8", "2026-02-24", dar.formatted("masked")), hcg("hcg-2", "2106-3", "2026-02-24", """
        "interpretation": [{"coding": [{"system":
          "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "NEG",
          "display": "Negative"}]}]""")}) {
      PatientReadResult result = read(bundle("", positive, newer));
      assertThat(evaluate(PregnancyRule.pregnant(), result.facts()).truth()).as(newer).isEqualTo(Truth.UNKNOWN);
    }
    PatientReadResult notDone = read(bundle("", positive, hcg("hcg-2", "2106-3", "2026-02-24",
        dar.formatted("not-performed"))));
    assertThat(evaluate(PregnancyRule.pregnant(), notDone.facts()).truth()).isEqualTo(Truth.MET);
  }

  /** An encounter diagnosis as Epic or US Core writes it: category encounter-diagnosis, no clinical status. */
  private static String visitDiagnosis(String id, String icd10cm, String text, String onset) {
    return """
        {"resource": {"resourceType": "Condition", "id": "%s", "subject": {"reference": "Patient/p1"},
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
           "code": "encounter-diagnosis", "display": "Encounter Diagnosis"}]}],
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
           "code": "confirmed"}]},
         "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "%s"}], "text": "%s"},
         "encounter": {"reference": "Encounter/visit-%s"}, "onsetDateTime": "%s", "recordedDate": "%s"}}"""
        .formatted(id, icd10cm, text, id, onset, onset);
  }

  /**
   * FHIR asks a clinical status of problem-list items only, and encounter diagnoses often come without one. Read as
   * current at any age (DECISIONS 19), a chronic hepatitis B coded at a visit in 2015 excluded the patient today under
   * "Hepatitis B", and an MDS coded at a visit in 2019 under "Patients with MDS". Without a status a diagnosis is now
   * current only when it began within the last 30 days (DECISIONS 48); an older one is asked.
   */
  @Test
  void anOldEncounterDiagnosisWithoutAStatusIsAskedNotCurrent() {
    ConditionRule hepatitisB = new ConditionRule(Set.of("hepatitis-b"), Set.of(), TimeWindow.PRESENT,
        "hepatitis B virus infection");
    ConditionRule mds = new ConditionRule(Set.of("myelodysplastic-syndrome"), Set.of(), TimeWindow.PRESENT,
        "myelodysplastic syndrome");
    PatientReadResult old = read(bundle("", visitDiagnosis("hbv", "B18.1", "Chronic viral hepatitis B", "2015-03-02"),
        visitDiagnosis("mds", "D46.9", "Myelodysplastic syndrome, unspecified", "2019-11-20")));
    Outcome hbv = evaluate(hepatitisB, old.facts());
    assertThat(hbv.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(hbv.questions()).singleElement().asString().contains("current?");
    assertThat(evaluate(mds, old.facts()).truth()).isEqualTo(Truth.UNKNOWN);
    // diagnosed at last week's visit: current
    PatientReadResult recent = read(bundle("", visitDiagnosis("hbv", "B18.1", "Chronic viral hepatitis B",
        "2026-02-20")));
    assertThat(evaluate(hepatitisB, recent.facts()).truth()).isEqualTo(Truth.MET);
    // on the problem list, active since 2015: current, as before
    assertThat(evaluate(hepatitisB, read(bundle("", problem("hbv", "Patient/p1", "B18.1", "Chronic viral hepatitis B")))
        .facts()).truth()).isEqualTo(Truth.MET);
  }

  /** A problem-list entry "Pregnant" (SNOMED CT 77386006) marked active, with no onset, and what else is given. */
  private static String pregnant(String dates) {
    return """
        {"resource": {"resourceType": "Condition", "id": "preg", "subject": {"reference": "Patient/p1"},
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
           "code": "problem-list-item"}]}],
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "active"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "77386006", "display": "Pregnant"}],
           "text": "Pregnant"}%s}}""".formatted(dates);
  }

  /**
   * A problem list seldom closes a pregnancy: "Pregnant", still active, without an onset, recorded in September 2023,
   * excluded a woman of 46 in March 2026 under "Pregnant or breastfeeding women". A pregnancy cannot last that long;
   * the day it was recorded bounds when it began, so it is over (DECISIONS 62): asked. One recorded in December 2025
   * may go on (MET); one with no date at all may be of any year: asked.
   */
  @Test
  void anActivePregnancyRecordedLongAgoWithoutOnsetIsAsked() {
    PatientReadResult old = read(bundle("", pregnant(", \"recordedDate\": \"2023-09-14T10:22:00-04:00\"")));
    assertThat(evaluate(PregnancyRule.pregnant(), old.facts()).truth()).isEqualTo(Truth.UNKNOWN);
    PatientReadResult recent = read(bundle("", pregnant(", \"recordedDate\": \"2025-12-01\"")));
    assertThat(evaluate(PregnancyRule.pregnant(), recent.facts()).truth()).isEqualTo(Truth.MET);
    Outcome undated = evaluate(PregnancyRule.pregnant(), read(bundle("", pregnant(""))).facts());
    assertThat(undated.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(undated.questions()).singleElement().asString().contains("gives no date");
  }

  /** An active breastfeeding-named entry, with its onset, in the record of a patient born on {@code born}. */
  private static String breastfeedingEntry(String born, String text) {
    return bundle("", """
        {"resource": {"resourceType": "Condition", "id": "bf", "subject": {"reference": "Patient/p1"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "active"}]},
         "code": {"text": "%s"}, "onsetDateTime": "2025-12-05"}}""".formatted(text))
        .replace("\"birthDate\": \"1979-06-14\"", "\"birthDate\": \"" + born + "\"");
  }

  /**
   * An infant's record may list her own feeding ("Breastfeeding", "Breastfeeding problem in newborn") and a child's a
   * word of another sense ("Nursing bottle caries"): each read as lactation, a girl of three months (or three years)
   * was excluded by "Pregnant or breastfeeding". A girl under ten is not breastfeeding (DECISIONS 64); a woman's
   * entry still is.
   */
  @Test
  void aBreastfeedingEntryInAChildsRecordIsNotHerLactation() {
    PregnancyRule lactating = new PregnancyRule(PregnancyRule.State.LACTATING, 30);
    for (String text : java.util.List.of("Breastfeeding", "Breastfeeding problem in newborn", "Breast feeding")) {
      assertThat(evaluate(lactating, read(breastfeedingEntry("2025-12-01", text)).facts()).truth())
          .as(text + ": a girl of three months (had been MET)").isEqualTo(Truth.NOT_MET);
    }
    assertThat(evaluate(lactating, read(breastfeedingEntry("2023-01-01", "Nursing bottle caries")).facts()).truth())
        .as("a girl of three with caries (had been MET)").isEqualTo(Truth.NOT_MET);
    assertThat(evaluate(lactating, read(breastfeedingEntry("1996-01-01", "Breastfeeding")).facts()).truth())
        .as("a woman of 30 breastfeeding since December").isEqualTo(Truth.MET);
  }
}
