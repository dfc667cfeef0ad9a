package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.patient.InfectionResult.Finding.EXPOSED;
import static org.eligo.core.patient.InfectionResult.Finding.INFECTED;
import static org.eligo.core.patient.InfectionResult.Finding.NOT_INFECTED;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.testkit.Facts;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;

/** Parsed sentences applied to patients: what each reading decides, and that it never excludes on a part it lacks. */
class ParsedVerdictsTest {
  static final Terminology TERMS = TerminologyLexicon.bundled().terminology();
  static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.parse("2026-06-01"));

  static Truth exclusion(String sentence, Facts patient) {
    return RuleEvaluator.evaluate(ParserCasesTest.PARSER.parse(sentence, CriterionType.EXCLUSION),
        PatientIndex.of(patient.build()), AS_OF).truth();
  }

  static Truth inclusion(String sentence, Facts patient) {
    return RuleEvaluator.evaluate(ParserCasesTest.PARSER.parse(sentence, CriterionType.INCLUSION),
        PatientIndex.of(patient.build()), AS_OF).truth();
  }

  /** Each criterion of a registry text, by id, applied to a patient. */
  static java.util.Map<String, Truth> compiled(String criteriaText, Facts patient) {
    java.util.Map<String, Truth> out = new java.util.LinkedHashMap<>();
    PatientIndex index = PatientIndex.of(patient.build());
    for (org.eligo.core.rule.Criterion c : org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0", criteriaText)
        .criteria()) {
      out.put(c.id(), RuleEvaluator.evaluate(c.rule(), index, AS_OF).truth());
    }
    return out;
  }

  static Facts adult() {
    return Facts.patient("p").born("1970-01-01").sex(Sex.MALE);
  }

  static Facts potassium(double value) {
    return adult().lab("potassium", value, "mmol/L", "2026-05-20");
  }

  /** A concept with every class that includes it, as the FHIR reader records it. */
  static String[] coded(String id) {
    return TERMS.closure(id).toArray(String[]::new);
  }

  @Test
  void aClassWrittenBeforeTheFirstOfSeveralAlternativesGradesThatOneOnly() {
    String sentence = "NYHA class III/IV heart failure, unstable angina, or MI in past 6 months";
    Facts infarction = adult().condition("Acute myocardial infarction", ClinicalStatus.ACTIVE, "2026-03-01", null,
        coded("myocardial-infarction"));
    assertThat(exclusion(sentence, infarction)).as("an infarction 3 months ago has no NYHA class")
        .isEqualTo(Truth.MET);
    Facts oldInfarction = adult().condition("Old myocardial infarction", ClinicalStatus.ACTIVE, "2015-03-01", null,
        coded("myocardial-infarction"));
    assertThat(exclusion(sentence, oldInfarction)).as("an infarction of 2015").isEqualTo(Truth.NOT_MET);
    Facts heartFailure = adult().condition("Congestive heart failure", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("congestive-heart-failure"));
    assertThat(exclusion(sentence, heartFailure)).as("the class of the heart failure is asked")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Stable angina, myocardial infarction or stroke", adult().condition("Cerebral infarction",
        ClinicalStatus.ACTIVE, "2025-01-01", null, coded("stroke")))).as("a stroke is not stable").isEqualTo(Truth.MET);
    String own = "Severe heart failure, uncontrolled hypertension or stroke within 6 months";
    assertThat(exclusion(own, adult().condition("Cerebral infarction", ClinicalStatus.ACTIVE, "2026-03-01", null,
        coded("stroke")))).as("a stroke 3 months ago: neither severe nor uncontrolled").isEqualTo(Truth.MET);
    assertThat(exclusion(own, hypertensive())).as("is the hypertension uncontrolled?").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Severe heart failure, angina or stroke", adult().condition("Cerebral infarction",
        ClinicalStatus.ACTIVE, "2026-03-01", null, coded("stroke")))).as("'severe' may reach the stroke")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aKindOfADiseaseTheTerminologyFoldsIntoItIsAskedNeverAssumed() {
    Facts heartFailure = adult().condition("Heart failure with preserved ejection fraction", ClinicalStatus.ACTIVE,
        "2020-01-01", null, coded("congestive-heart-failure"));
    assertThat(exclusion("HFrEF", heartFailure)).as("heart failure, fraction not known").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Heart failure with reduced ejection fraction", heartFailure)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Diagnosis of HFpEF", heartFailure)).isEqualTo(Truth.UNKNOWN);
    Facts other = adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
    assertThat(exclusion("HFrEF", other)).as("no heart failure at all").isEqualTo(Truth.NOT_MET);
    Facts pulmonaryHypertension = adult().condition("Pulmonary hypertension due to left heart disease",
        ClinicalStatus.ACTIVE, "2021-01-01", null, coded("pulmonary-hypertension"));
    assertThat(exclusion("Chronic thromboembolic pulmonary hypertension", pulmonaryHypertension))
        .as("pulmonary hypertension of another kind").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Pulmonary arterial hypertension", pulmonaryHypertension)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Pulmonary hypertension", pulmonaryHypertension)).isEqualTo(Truth.MET);
    Facts hit = adult().condition("Heparin-induced thrombocytopenia", ClinicalStatus.RESOLVED, "2019-01-01",
        "2019-03-01", coded("heparin-induced-thrombocytopenia"));
    assertThat(exclusion("History of heparin-induced thrombocytopenia with thrombosis", hit)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("History of heparin-induced thrombocytopenia", hit)).isEqualTo(Truth.MET);
    Facts unstable = adult().condition("Unstable angina", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("unstable-angina"));
    assertThat(exclusion("Stable angina", unstable)).as("unstable angina is not stable").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anAgeThatIsNoLimitOnThePatientNowIsLeftUnread() {
    Facts adultWithItp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "1978-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(inclusion("Diagnosis of ITP at age 12 years or younger", adultWithItp))
        .as("diagnosed at 8, now 56").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Onset of ITP at 16 years of age or younger", adultWithItp)).isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Patients with a sibling aged 10 years or younger", adult()))
        .as("the sibling's age, not the patient's").isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion("ITP with onset at age 50 years or older", adultWithItp))
        .as("onset at 8, now 56").isNotEqualTo(Truth.MET);
    assertThat(inclusion("Patients aged 65 years or younger", adult())).as("the patient's own age").isEqualTo(Truth.MET);
    assertThat(inclusion("Patients aged 12 years or younger require parental consent", adult()))
        .as("whom a requirement binds").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Children aged 12 or younger must be accompanied by a parent", adult()))
        .isNotEqualTo(Truth.NOT_MET);
    Facts sixtyEight = adult().born("1958-01-01");
    assertThat(inclusion("Transplant-eligible (generally aged 65 years or younger)", sixtyEight))
        .as("an age the trial prefers is no limit").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Age 65 years or younger preferred", sixtyEight)).isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Usually aged 60 or younger", sixtyEight)).isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void aQualifierOfTheNamesInAnInclusionIsAskedUnlessItOnlyConfirmsOrConsents() {
    Facts diabetes = adult().condition("Type 2 diabetes mellitus", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("diabetes-mellitus"));
    assertThat(inclusion("Diabetes mellitus that is well controlled and will not interfere with follow-up", diabetes))
        .as("whether it is well controlled is not in the record").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Diabetes mellitus that, in the opinion of the investigator, is well controlled", diabetes))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Diagnosis of diabetes mellitus confirmed by the investigator", diabetes))
        .as("a confirmation only").isEqualTo(Truth.MET);
    assertThat(inclusion("Patients with diabetes mellitus who are willing to comply with the protocol", diabetes))
        .as("a willingness only").isEqualTo(Truth.MET);
  }

  @Test
  void aLimitOnACountIsNoDenialOfWhatItCounts() {
    Facts rituximab = adult().medication("Rituximab", "2018-01-01", "2018-02-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    assertThat(inclusion("No more than 2 prior therapies including rituximab", rituximab))
        .as("rituximab as the one prior therapy").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Not more than two prior lines of therapy, e.g. rituximab", rituximab))
        .isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("No prior rituximab", rituximab)).as("a denial stays one").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWillingnessOfOtherPeopleIsAnAlternativeOfItsOwn() {
    Facts hiv = adult().condition("HIV infection", ClinicalStatus.ACTIVE, "2010-01-01", null, coded("hiv-infection"));
    assertThat(exclusion("HIV infection, or women of childbearing potential who are unwilling to use contraception",
        hiv)).as("the HIV infection excludes on its own").isEqualTo(Truth.MET);
    assertThat(exclusion("HIV infection, or men who do not agree to use contraception", hiv)).isEqualTo(Truth.MET);
  }

  @Test
  void anEjectionFractionLimitWrittenAsAnAlternativeDoesNotSayTheKindOfHeartFailure() {
    Facts heartFailure = adult().condition("Heart failure", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("congestive-heart-failure"));
    assertThat(exclusion("HFrEF or LVEF < 40%", heartFailure)).as("fraction not known").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Heart failure with reduced ejection fraction, or LVEF < 40% on echocardiogram",
        heartFailure)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Heart failure with reduced ejection fraction (LVEF < 40%)", heartFailure))
        .as("the limit says which").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aDoseTheRecordDoesNotGiveIsAskedNeverAssumed() {
    Facts melphalan = adult().medication("Melphalan 4 mg tablets", "2024-01-01", "2024-06-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("melphalan"));
    assertThat(exclusion("Prior high-dose melphalan", melphalan)).as("oral melphalan, dose not high")
        .isEqualTo(Truth.UNKNOWN);
    Facts cytarabine = adult().medication("Cytarabine", "2026-03-01", "2026-03-07",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("cytarabine"));
    assertThat(exclusion("Prior high-dose cytarabine within 6 months", cytarabine)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Prior cytarabine within 6 months", cytarabine)).as("no dose named").isEqualTo(Truth.MET);
  }

  @Test
  void aDrugDeniedWithoutATimeInTheInclusionListAsksAboutPastUse() {
    org.eligo.core.patient.MedicationExposure.ExposureStatus completed =
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED;
    org.eligo.core.patient.MedicationExposure.ExposureStatus active =
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE;
    Facts stoppedYearsAgo = adult().medication("Warfarin 5 mg", "2018-01-01", "2019-01-01", completed,
        coded("warfarin"));
    assertThat(inclusion("Not on anticoagulation", stoppedYearsAgo)).as("warfarin stopped in 2019")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("No anticoagulants", stoppedYearsAgo)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Not on anticoagulation", adult().medication("Apixaban 5 mg", "2026-01-01", null, active,
        coded("apixaban")))).as("on apixaban now").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Not on anticoagulation", adult().medication("Rituximab", "2024-01-01", "2024-02-01",
        completed, coded("rituximab")))).as("other drugs only").isEqualTo(Truth.MET);
    assertThat(inclusion("No prior rituximab", adult().medication("Rituximab", "2018-01-01", "2018-02-01",
        completed, coded("rituximab")))).as("a time word keeps the whole past").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Not on anticoagulation at screening", stoppedYearsAgo)).as("the denial names now")
        .isEqualTo(Truth.MET);
    assertThat(inclusion("No anticoagulants at baseline", adult().medication("Apixaban 5 mg", "2026-01-01", null,
        active, coded("apixaban")))).as("on apixaban now").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aJudgementOnlyTheScreeningVisitCanMakeNeverExcludesOnTheDiagnosisAlone() {
    Facts heartFailure = adult().condition("Heart failure", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("congestive-heart-failure"));
    Facts stroke = adult().condition("Cerebral infarction", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("stroke"));
    String listed = "Heart failure, myocardial infarction, or stroke deemed clinically significant by the investigator";
    assertThat(exclusion(listed, heartFailure)).as("heart failure, significance not known").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(listed, stroke)).as("the last alternative is read too").isEqualTo(Truth.UNKNOWN);
    Facts hypertension = adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
    assertThat(exclusion("Hypertension or diabetes that, in the investigator's judgement, is not adequately controlled",
        hypertension)).as("controlled hypertension").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Chronic kidney disease, which in the opinion of the investigator would compromise safety",
        adult().condition("CKD stage 3", ClinicalStatus.ACTIVE, "2018-01-01", null, coded("chronic-kidney-disease"))))
        .isEqualTo(Truth.UNKNOWN);
    Facts epilepsy = adult().condition("Epilepsy", ClinicalStatus.ACTIVE, "2010-01-01", null, coded("epilepsy"));
    assertThat(exclusion("Any psychiatric illness, epilepsy, or dementia that would limit compliance", epilepsy))
        .as("epilepsy that does not limit compliance").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Epilepsy or alcohol abuse that would interfere with follow-up", epilepsy))
        .isEqualTo(Truth.UNKNOWN);
    Facts evans = adult().condition("Evans syndrome", ClinicalStatus.ACTIVE, "2021-01-01", null,
        coded("evans-syndrome"));
    assertThat(inclusion("Diagnosis of ITP or Evans syndrome confirmed by the investigator", evans))
        .as("Evans syndrome is one of the diagnoses admitted").isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void anOutOfRangeLimitExcludesOnEitherSideAndNeverInside() {
    String sentence = "Potassium < 3.0 or > 5.5 mEq/L";
    assertThat(exclusion(sentence, potassium(2.8))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, potassium(5.9))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, potassium(4.2))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult())).as("no potassium on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aTshLimitInMilliunitsIsReadInInternationalUnits() {
    String sentence = "TSH > 4.5 mU/L";
    assertThat(exclusion(sentence, adult().lab("tsh", 6.2, "m[IU]/L", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().lab("tsh", 2.1, "m[IU]/L", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aQualifierAfterASharedHeadLeavesHemophiliaWithoutKnownInhibitorsOpen() {
    String sentence = "Hemophilia A or B with inhibitors";
    Facts hemophiliaB = adult().condition("Hereditary factor IX deficiency", ClinicalStatus.ACTIVE, "2000-01-01", null,
        coded("hemophilia-b"));
    assertThat(exclusion(sentence, hemophiliaB)).as("hemophilia B, inhibitors not recorded").isEqualTo(Truth.UNKNOWN);
    Facts other = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(exclusion(sentence, other)).as("no hemophilia at all").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aQualifierInsideAnUnreadLastAlternativeNeverExcludesOnTheDiseaseAlone() {
    Facts hemophiliaA = adult().condition("Hereditary factor VIII deficiency", ClinicalStatus.ACTIVE, "2000-01-01", null,
        coded("hemophilia-a"));
    assertThat(exclusion("Congenital hemophilia A or B with inhibitors to factor VIII or IX", hemophiliaA))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Hemophilia A (with inhibitors)", hemophiliaA)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aSentenceThatGrantsNeverExcludesAnyoneOutsideTheGroupItNames() {
    Facts keptSpleen = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(inclusion("Patients with prior splenectomy are eligible.", keptSpleen))
        .as("a patient who kept the spleen").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Patients aged 12-17 years are eligible if body weight is at least 40 kg.", keptSpleen))
        .as("an adult").isNotEqualTo(Truth.NOT_MET);
    Facts basalCell = adult().condition("Basal cell carcinoma of skin", ClinicalStatus.RESOLVED, "2019-01-01",
        "2019-06-01", coded("basal-cell-carcinoma-of-skin"));
    assertThat(exclusion("Patients with treated basal cell carcinoma of the skin may be enrolled.", basalCell))
        .isNotEqualTo(Truth.MET);
  }

  @Test
  void aGrantInALaterClauseWidensTheLimitBeforeItAndRequiresNothingOfItsOwn() {
    String sentence = "Platelet count ≥ 50 × 10^9/L; patients with ITP are eligible with platelets ≥ 30 × 10^9/L";
    Facts itpAt40 = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia")).lab("platelets", 40, "10*9/L", "2026-05-20");
    assertThat(inclusion(sentence, itpAt40)).as("ITP, platelets 40: the grant admits them").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, adult().lab("platelets", 80, "10*9/L", "2026-05-20")))
        .as("no ITP, platelets 80: meets the first limit").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Age ≥ 18 years. Patients aged 16-17 are also eligible with parental consent",
        Facts.patient("p").born("2009-09-01").sex(Sex.FEMALE))).as("aged 16").isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void wordsBeforeOrAfterAListOfAlternativesQualifyEveryAlternative() {
    Facts twoCyclesOfAzacitidine = adult().medication("Azacitidine", "2026-04-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("azacitidine"));
    assertThat(exclusion("Treatment with azacitidine or decitabine for more than 4 cycles", twoCyclesOfAzacitidine))
        .as("on azacitidine, cycles not on record").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Treatment with azacitidine or decitabine for more than 4 cycles",
        itpWithoutSplenectomyOrRituximab())).as("on prednisone only").isEqualTo(Truth.NOT_MET);
    Facts lowDoseEltrombopag = adult().medication("Eltrombopag 25 mg", "2026-03-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("eltrombopag"));
    assertThat(exclusion("Eltrombopag or romiplostim at the maximum approved dose", lowDoseEltrombopag))
        .as("on eltrombopag, dose not on record").isNotEqualTo(Truth.MET);
    Facts prophylacticHeparin = adult().medication("Enoxaparin 40 mg daily", "2026-05-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("heparin"));
    assertThat(exclusion("Therapeutic-dose warfarin or heparin", prophylacticHeparin))
        .as("on heparin, dose not on record").isNotEqualTo(Truth.MET);
  }

  @Test
  void aTransplantOfOneKindNeverExcludesOnATransplantOfUnknownKind() {
    Facts autologous = adult().procedure("Autologous peripheral blood stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    assertThat(exclusion("Prior allogeneic HSCT", autologous)).as("a transplant, kind not coded")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Previous allogeneic stem cell transplantation", itpWithoutSplenectomyOrRituximab()))
        .as("never transplanted").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void bothKindsOfTransplantNamedTogetherAreEveryTransplant() {
    // asked "Was the patient's transplant allogeneic?", a patient after an autologous one was never excluded by a
    // sentence that names both kinds
    Facts autologous = adult().procedure("Autologous peripheral blood stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    for (String sentence : java.util.List.of("Prior allogeneic or autologous hematopoietic stem cell transplantation",
        "Previous autologous or allogeneic stem cell transplant", "History of allogeneic and/or autologous HSCT",
        "Prior HSCT (autologous or allogeneic)")) {
      assertThat(exclusion(sentence, autologous)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, itpWithoutSplenectomyOrRituximab())).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Prior allogeneic HSCT; autologous transplant is allowed", autologous))
        .as("one kind only").isNotEqualTo(Truth.MET);
  }

  @Test
  void aCandidateForATransplantNamedInBracketsIsNoTransplantHad() {
    // the bracket read as an alternative, a patient transplanted in 2023 was excluded as a "transplant candidate"
    Facts transplanted = adult().procedure("Autologous stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    for (String sentence : java.util.List.of("Transplant candidates (autologous or allogeneic HSCT)",
        "Patients who are candidates (allogeneic HSCT)", "Candidates (autologous or allogeneic stem cell transplant)")) {
      assertThat(exclusion(sentence, transplanted)).as(sentence).isNotEqualTo(Truth.MET);
    }
    assertThat(exclusion("Prior allogeneic or autologous HSCT", transplanted)).isEqualTo(Truth.MET);
  }

  @Test
  void aDrugReceivedOrAdministeredWithinItsTimeExcludes() {
    // "Receipt" and "Administration" were words not understood beside the drug: a patient given rituximab two
    // months ago was only asked, never excluded
    Facts recentRituximab = adult().medication("Rituximab", "2026-03-20", "2026-04-10",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    for (String sentence : java.util.List.of("Receipt of rituximab within 6 months before enrollment",
        "Prior receipt of rituximab", "Administration of rituximab within 12 weeks prior to screening")) {
      assertThat(exclusion(sentence, recentRituximab)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, itpWithoutSplenectomyOrRituximab())).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void bothKindsOfTransplantAbbreviatedBeforeTheirNameAreEveryTransplant() {
    // "auto/allo HSCT": the pair took "allo" from "allo HSCT", a name of the transplant, and the sentence had nothing
    // left to read (asked of every patient, the transplanted one never excluded)
    Facts autologous = adult().procedure("Autologous peripheral blood stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    for (String sentence : java.util.List.of("Prior auto/allo HSCT", "History of auto/allo-HSCT",
        "Prior auto- or allo-HSCT at any time")) {
      assertThat(exclusion(sentence, autologous)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, itpWithoutSplenectomyOrRituximab())).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void bothKindsOfTransplantPlannedAreATransplantToCome() {
    // "allogeneic or autologous" between the plan and the transplant had hidden the plan: a patient transplanted in
    // 2023 met each exclusion as if the transplant to come were the one had
    Facts autologous = adult().procedure("Autologous peripheral blood stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    for (String sentence : java.util.List.of("Planned allogeneic or autologous stem cell transplantation",
        "Scheduled autologous or allogeneic HSCT", "Candidate for allogeneic or autologous HSCT",
        "Patients awaiting autologous and/or allogeneic stem cell transplant")) {
      assertThat(exclusion(sentence, autologous)).as(sentence).isNotEqualTo(Truth.MET);
    }
    assertThat(exclusion("Prior allogeneic or autologous HSCT", autologous)).as("a transplant had")
        .isEqualTo(Truth.MET);
  }

  @Test
  void bothKindsOfTransplantAfterWordsNotReadJoinNothing() {
    // the "or" between the two kinds made the unread plan before them an alternative of the transplant: a patient
    // transplanted in 2023 met each exclusion (and the inclusion) as if the transplant to come were the one had
    Facts autologous = adult().procedure("Autologous peripheral blood stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    for (String sentence : java.util.List.of("Intended to proceed to autologous or allogeneic stem cell transplant",
        "Patients proceeding to autologous or allogeneic stem cell transplantation",
        "Patients who plan to proceed to allogeneic or autologous HSCT",
        "Patients undergoing autologous and/or allogeneic HSCT")) {
      assertThat(exclusion(sentence, autologous)).as("exclusion: " + sentence).isNotEqualTo(Truth.MET);
      assertThat(inclusion(sentence, autologous)).as("inclusion: " + sentence).isNotEqualTo(Truth.MET);
    }
    // two treatments named around the pair are still alternatives
    assertThat(exclusion("Prior rituximab or autologous or allogeneic HSCT", autologous)).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior autologous or allogeneic HSCT", autologous)).isEqualTo(Truth.MET);
  }

  @Test
  void aTreatmentPlannedAfterItsNameIsOneToCome() {
    // the plan written after the transplant (or "are to undergo" before it) was left unread beside a transplant read
    // as had: the inclusion failed a patient waiting for the transplant whose record lists other procedures
    Facts waiting = itpWithoutSplenectomyOrRituximab();
    for (String sentence : java.util.List.of("Splenectomy planned within 6 weeks", "Splenectomy scheduled within 30 days",
        "Allogeneic or autologous HSCT planned within 3 months", "Patients in whom autologous or allogeneic HSCT is planned",
        "Patients who are to undergo allogeneic HSCT", "Patients who are to undergo autologous or allogeneic HSCT",
        "Allogeneic stem cell transplantation (planned)")) {
      assertThat(inclusion(sentence, waiting)).as("inclusion: " + sentence).isNotEqualTo(Truth.NOT_MET);
    }
    Facts autologous = adult().procedure("Autologous peripheral blood stem cell transplant", "2023-03-01",
        coded("hematopoietic-stem-cell-transplantation"));
    assertThat(exclusion("Patients who are to undergo autologous or allogeneic HSCT", autologous))
        .as("transplanted in 2023").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Autologous or allogeneic HSCT is planned", autologous)).isNotEqualTo(Truth.MET);
    // one had is still had
    assertThat(exclusion("Prior splenectomy", adult().procedure("Splenectomy", "2020-02-01", coded("splenectomy"))))
        .isEqualTo(Truth.MET);
  }

  @Test
  void aClauseSetAsideInBracketsJoinsNothing() {
    // the brackets left behind read as an alternative: the disease and the limit after them were either-or, and an
    // ITP patient with a normal count met the inclusion (a splenectomised one with a normal count the exclusion)
    Facts normalCount = itpWithoutSplenectomyOrRituximab().lab("platelets", 120, "10*9/L", "2026-05-20")
        .lab("hemoglobin", 135, "g/L", "2026-05-20");
    Facts lowCount = itpWithoutSplenectomyOrRituximab().lab("platelets", 18, "10*9/L", "2026-05-20");
    for (String sentence : java.util.List.of("ITP (with or without prior splenectomy) and platelet count < 30 x 10^9/L",
        "Immune thrombocytopenia (regardless of prior therapy) and platelet count < 30 x 10^9/L",
        "ITP (with or without splenectomy), platelet count < 30 x 10^9/L")) {
      assertThat(inclusion(sentence, normalCount)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, lowCount)).as(sentence).isEqualTo(Truth.MET);
    }
    Facts splenectomised = adult().procedure("Splenectomy", "2020-02-01", coded("splenectomy"))
        .lab("platelets", 150, "10*9/L", "2026-05-20");
    assertThat(exclusion("Prior splenectomy (with or without prior rituximab) and platelet count < 20 x 10^9/L",
        splenectomised)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWithOrWithoutClauseThatRunsOnIntoAQualifierIsAsked() {
    // set aside to the end of the sentence, the qualifier after the clause was dropped: every patient with HIV (or
    // hepatitis B) was excluded whatever the viral load, the control or the hospitalisation
    for (String sentence : java.util.List.of(
        "HIV infection with or without antiretroviral therapy and detectable viral load",
        "HIV infection with or without antiretroviral therapy that is not controlled",
        "HIV with or without ART requiring hospitalization within 3 months")) {
      assertThat(exclusion(sentence, withHiv())).as(sentence).isNotEqualTo(Truth.MET);
    }
    Facts hepatitisB = adult().condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-b"));
    assertThat(exclusion("Hepatitis B with or without antiviral therapy requiring hospitalization", hepatitisB))
        .isNotEqualTo(Truth.MET);
    assertThat(exclusion("HIV infection, with or without antiretroviral therapy", withHiv())).as("a clause that ends")
        .isEqualTo(Truth.MET);
  }

  @Test
  void whatAClauseWithOrWithoutNamesIsIndifferent() {
    // "without" read as a denial had left each sentence not understood: asked of every patient, decided for none
    Facts itp = itpWithoutSplenectomyOrRituximab();
    assertThat(inclusion("Immune thrombocytopenia with or without prior splenectomy", itp)).isEqualTo(Truth.MET);
    assertThat(inclusion("ITP, with or without prior rituximab or splenectomy", itp)).isEqualTo(Truth.MET);
    assertThat(exclusion("HIV infection, with or without antiretroviral therapy", withHiv())).isEqualTo(Truth.MET);
    assertThat(exclusion("HIV infection, with or without antiretroviral therapy", itp)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior rituximab with or without cyclosporine within 6 months", itp)).isEqualTo(Truth.NOT_MET);
    // the clause's own "or" joins nothing: the limit after it is still required with the disease
    assertThat(inclusion("ITP with or without prior rituximab or splenectomy, and platelet count < 30 x 10^9/L",
        itp.lab("platelets", 120, "10*9/L", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aResponseOrToleranceRequiredIsAskedAsSuchNotAsAFailure() {
    // answered "no" (the patient did respond), "Did the patient fail to respond …?" excluded the very patients the
    // criterion asks for
    String questions = org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse(
        "Response to prior IVIg and/or corticosteroids", CriterionType.INCLUSION)).findValuesAsText("question")
        .toString();
    assertThat(questions).contains("respond to").doesNotContain("fail");
    String failure = org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse(
        "Loss of response to prior IVIg", CriterionType.INCLUSION)).findValuesAsText("question").toString();
    assertThat(failure).contains("fail to respond");
    String tolerated = org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse(
        "Prior eltrombopag that was well tolerated", CriterionType.INCLUSION)).findValuesAsText("question").toString();
    assertThat(tolerated).contains("tolerate eltrombopag well").doesNotContain("not tolerate");
  }

  @Test
  void aSeverityThatIsLessOrMilderIsAskedAsWrittenNotAsSevere() {
    // answered "no" (the ITP is not severe), "Is the patient's ITP severe?" excluded the very patients asked for
    for (String sentence : java.util.List.of("Less severe ITP", "Mildly severe immune thrombocytopenia",
        "Moderately severe autoimmune hemolytic anemia")) {
      String questions = org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse(sentence,
          CriterionType.INCLUSION)).findValuesAsText("question").toString();
      assertThat(questions).as(sentence).containsPattern("(?i)(less|mildly|moderately) severe");
    }
    // and the disease asked for is the one named, not its severe form
    String moderate = org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse(
        "Moderately severe aplastic anemia", CriterionType.INCLUSION)).toString();
    assertThat(moderate).containsIgnoringCase("moderately severe").doesNotContainIgnoringCase("camitta");
    assertThat(org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse("Severe aplastic anemia",
        CriterionType.INCLUSION)).toString()).containsIgnoringCase("camitta");
    String severe = org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse("Severe ITP",
        CriterionType.INCLUSION)).findValuesAsText("question").toString();
    assertThat(severe).contains("severe").doesNotContainPattern("(?i)(less|mildly|moderately) severe");
  }

  @Test
  void aProcedureStillToComeIsNotAProcedureHad() {
    Facts waiting = adult().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("severe-aplastic-anemia")).procedure("Bone marrow biopsy", "2025-01-02", coded("bone-marrow-biopsy"));
    assertThat(inclusion("Patients who are eligible for allogeneic stem cell transplantation", waiting))
        .as("not yet transplanted").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Patients scheduled to undergo splenectomy", waiting)).isNotEqualTo(Truth.NOT_MET);
    Facts transplantedLongAgo = adult().procedure("Allogeneic HSCT", "2010-05-01",
        coded("hematopoietic-stem-cell-transplantation"));
    assertThat(exclusion("Planned hematopoietic stem cell transplantation within 3 months", transplantedLongAgo))
        .as("transplanted in 2010, nothing planned on record").isNotEqualTo(Truth.MET);
  }

  /** An ITP patient on prednisone with a bone marrow biopsy on record: no splenectomy, no rituximab. */
  static Facts itpWithoutSplenectomyOrRituximab() {
    return adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2024-01-01", null,
            coded("immune-thrombocytopenia"))
        .medication("Prednisone", "2024-01-10", null, org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE,
            coded("prednisone"))
        .procedure("Bone marrow biopsy", "2024-01-05", coded("bone-marrow-biopsy"));
  }

  @Test
  void aNegatedHeadingDeniesEachSubItemInsteadOfRequiringIt() {
    String text = """
        Inclusion Criteria:

        * Diagnosis of ITP
        * No history of the following:
          * splenectomy
          * rituximab
        """;
    java.util.Map<String, Truth> none = compiled(text, itpWithoutSplenectomyOrRituximab());
    // the items had been inclusions of their own: a patient who kept the spleen was excluded
    assertThat(none).containsOnlyKeys("inc-1", "inc-2");
    assertThat(none.get("inc-2")).isEqualTo(Truth.MET);
    Facts splenectomy = itpWithoutSplenectomyOrRituximab().procedure("Splenectomy", "2025-03-01",
        coded("splenectomy"));
    assertThat(compiled(text, splenectomy).get("inc-2")).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void itemsLetteredOnTheLineOfTheirHeadingAreAlternativesAsBulletsAre() {
    Facts stroke = adult().condition("Cerebral infarction", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("stroke"));
    Facts oldInfarction = adult().condition("Old myocardial infarction", ClinicalStatus.ACTIVE, "2015-03-01", null,
        coded("myocardial-infarction"));
    for (String items : List.of("a) MI within 6 months; b) stroke; c) uncontrolled hypertension",
        "(i) myocardial infarction within 6 months (ii) stroke (iii) uncontrolled hypertension",
        "1) myocardial infarction within 6 months 2) stroke 3) uncontrolled hypertension")) {
      String text = "Exclusion Criteria:\n* Any of the following: " + items + "\n";
      assertThat(compiled(text, stroke).get("exc-1")).as(items + ": a stroke alone").isEqualTo(Truth.MET);
      assertThat(compiled(text, oldInfarction).get("exc-1")).as(items + ": an infarction of 2015")
          .isEqualTo(Truth.NOT_MET);
    }
    // the run opened by the item's own marker: items beside it
    java.util.Map<String, Truth> own = compiled("Exclusion Criteria:\na) MI within 6 months; b) stroke; c) uncontrolled "
        + "hypertension\n", stroke);
    assertThat(own).containsOnlyKeys("exc-1", "exc-2", "exc-3");
    assertThat(own.get("exc-2")).as("a stroke alone").isEqualTo(Truth.MET);
  }

  @Test
  void aParenthesisClosedAfterANumberIsNoItemMarker() {
    Facts rituximab2018 = adult().medication("Rituximab", "2018-01-01", "2018-02-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    java.util.Map<String, Truth> verdicts = compiled("Exclusion Criteria:\n1) Rituximab (or any anti-CD20 antibody "
        + "in cohort 2) within 6 months\n2) Pregnancy\n", rituximab2018);
    assertThat(verdicts).as("'2)' closes the parenthesis: one item").containsOnlyKeys("exc-1", "exc-2");
    assertThat(verdicts.get("exc-1")).as("rituximab of 2018 is not within 6 months").isNotEqualTo(Truth.MET);
    Facts ckd = adult().condition("Chronic kidney disease stage 4", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("chronic-kidney-disease"));
    assertThat(compiled("Exclusion Criteria:\n1) Stage 2) or 3) chronic kidney disease\n2) Pregnancy\n", ckd))
        .as("'Stage 2)' is a stage, not an item: a stage 4 disease is not excluded on its diagnosis alone")
        .doesNotContainValue(Truth.MET);
  }

  @Test
  void letteredAlternativesJoinedByOrWithATimeAtTheEndStayOneSentence() {
    Facts oldInfarction = adult().condition("Old myocardial infarction", ClinicalStatus.ACTIVE, "2015-03-01", null,
        coded("myocardial-infarction"));
    for (String line : List.of("* History of the following: (i) myocardial infarction, (ii) stroke, or (iii) pulmonary "
        + "embolism within 6 months", "a) Myocardial infarction, b) stroke, or c) pulmonary embolism within 6 months")) {
      assertThat(compiled("Exclusion Criteria:\n" + line + "\n", oldInfarction))
          .as(line + ": the window may reach the infarction of 2015").doesNotContainValue(Truth.MET);
    }
  }

  @Test
  void anAdverseEventGradeBeforeAListIsAskedOfEveryAlternative() {
    Facts thrombosis = adult().condition("Superficial thrombophlebitis", ClinicalStatus.ACTIVE, "2026-05-20", null,
        coded("thromboembolic-event"));
    assertThat(exclusion("Grade ≥ 3 hemorrhage, thrombosis or infection within 4 weeks", thrombosis))
        .as("is the thrombosis grade 3 or worse?").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("≥ Grade 3 thromboembolic event within 6 months", thrombosis)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Grade 3 or 4 infection within 4 weeks", hypertensive())).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void letteredItemsJoinedByAndStayOneRequirement() {
    Facts hepatitisB = adult().condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("hepatitis-b"));
    for (String line : List.of("* The following: a) HBsAg positive and b) HBV DNA > 2000 IU/mL",
        "a) HBsAg positive, and b) HBV DNA > 2000 IU/mL")) {
      assertThat(compiled("Exclusion Criteria:\n" + line + "\n", hepatitisB))
          .as(line + ": hepatitis B without a load above 2000 IU/mL").doesNotContainValue(Truth.MET);
    }
  }

  @Test
  void letteredItemsUnderAnExclusionHeadingThatQualifiesThemAreAskedWithIt() {
    Facts heartFailure = adult().condition("Congestive heart failure", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("congestive-heart-failure"));
    assertThat(compiled("Exclusion Criteria:\n* The following conditions requiring hospitalization: a) heart failure; "
        + "b) pneumonia\n", heartFailure)).as("was the heart failure hospitalised?").doesNotContainValue(Truth.MET);
    assertThat(compiled("Exclusion Criteria:\n* Patients older than 65 years with the following: a) hypertension; "
        + "b) diabetes\n", hypertensive())).as("a patient of 56 with hypertension").doesNotContainValue(Truth.MET);
    Facts stroke = adult().condition("Cerebral infarction", ClinicalStatus.ACTIVE, "2025-01-01", null, coded("stroke"));
    assertThat(compiled("Exclusion Criteria:\n* History of the following: a) stroke; b) seizure\n", stroke))
        .as("a heading that only lists: the stroke excludes").containsValue(Truth.MET);
  }

  @Test
  void aTimeFreeOfDiseaseAfterATreatmentIsNoLengthOfTreatment() {
    // four weekly doses in 2024: read as "took rituximab for at least 6 months", the patient failed
    Facts shortCourse = adult().medication("Rituximab", "2024-01-01", "2024-01-22",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    assertThat(inclusion("Progression-free for at least 6 months after rituximab", shortCourse))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Disease-free for at least 5 years after chemotherapy", shortCourse))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Received rituximab for at least 6 months", shortCourse)).as("a course that long")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aContraindicationToATreatmentIsAskedOfEveryPatientNotOnlyThoseOnIt() {
    // read as "took rituximab now and is it contraindicated?", every patient off rituximab was cleared of it
    // a record with medications and vaccinations, none of them what the sentence names
    Facts anaemic = adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("aplastic-anemia")).medication("Cyclosporine", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("cyclosporine"))
        .immunization("Influenza vaccine", "2025-10-01", coded("inactivated-influenza-vaccine"));
    for (String sentence : List.of("Contraindication to rituximab", "Known contraindication to anticoagulation",
        "Contraindication to meningococcal vaccine", "Contraindications to sirolimus")) {
      assertThat(exclusion(sentence, anaemic)).as(sentence + ": a contraindication the record cannot show")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Contraindication to splenectomy", anaemic)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void wordsAfterAListsOwnWordsQualifyEveryItem() {
    // "if uncontrolled" after "Any of the following": read as the bare items, any hypertension had excluded
    for (String text : List.of("Exclusion Criteria:\n* Any of the following, if uncontrolled: a) hypertension; "
        + "b) diabetes\n", "Exclusion Criteria:\n* Any of the following if uncontrolled:\n  * hypertension\n"
        + "  * diabetes mellitus\n", "Exclusion Criteria:\n* Any of the following that required hospitalization: "
        + "hypertension; diabetes\n")) {
      assertThat(compiled(text, hypertensive())).as(text + ": is the hypertension uncontrolled?")
          .containsEntry("exc-1", Truth.UNKNOWN);
      Facts anaemic = adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null,
          coded("aplastic-anemia"));
      assertThat(compiled(text, anaemic)).as(text + ": neither disease").containsEntry("exc-1", Truth.NOT_MET);
    }
    // a kind, a window or "apply" after the list words qualifies nothing: the item still excludes
    for (String text : List.of("Exclusion Criteria:\n* Any of the following conditions: hypertension; diabetes\n",
        "Exclusion Criteria:\n* Any of the following criteria apply: hypertension; diabetes\n",
        "Exclusion Criteria:\n* Any of the following at screening: hypertension; diabetes\n",
        "Exclusion Criteria:\n* Any of the following that would preclude participation: hypertension; diabetes\n")) {
      assertThat(compiled(text, hypertensive())).as(text).containsEntry("exc-1", Truth.MET);
    }
  }

  @Test
  void bothOfAndTwoOrMoreOfTheFollowingCountTheirItems() {
    Facts hepatitisB = adult().condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("hepatitis-b"));
    for (String text : List.of("Exclusion Criteria:\n* Both of the following: (i) HBsAg positive (ii) HBV DNA > 2000 "
        + "IU/mL\n", "Exclusion Criteria:\n* Both of the following:\n  * HBsAg positive\n  * HBV DNA > 2000 IU/mL\n")) {
      assertThat(compiled(text, hepatitisB)).as(text + ": hepatitis B without a load above 2000 IU/mL")
          .doesNotContainValue(Truth.MET);
    }
    for (String text : List.of("Exclusion Criteria:\n* Two or more of the following: a) diabetes; b) hypertension; "
        + "c) stroke\n", "Exclusion Criteria:\n* 2 or more of the following:\n  * diabetes\n  * hypertension\n"
        + "  * stroke\n")) {
      assertThat(compiled(text, hypertensive())).as(text + ": hypertension alone is one of them")
          .containsOnlyKeys("exc-1").containsEntry("exc-1", Truth.NOT_MET);
    }
  }

  @Test
  void aMeningococcalInfectionAtAnyTimeExcludesAndAVaccinationStillToGiveIsAsked() {
    Facts pastInfection = adult().condition("Meningococcal meningitis", ClinicalStatus.RESOLVED, "2015-02-01",
        "2015-03-01", coded("meningococcal-infection"));
    assertThat(exclusion("History of meningococcal infection", pastInfection)).isEqualTo(Truth.MET);
    assertThat(exclusion("History of meningococcal infection", hypertensive())).isEqualTo(Truth.NOT_MET);
    Facts vaccinated = hypertensive().immunization("Menveo", "2025-01-10", coded("meningococcal-vaccine"));
    Facts otherVaccines = hypertensive().immunization("Influenza vaccine", "2025-10-01",
        coded("inactivated-influenza-vaccine"));
    for (String sentence : List.of("Vaccinated against Neisseria meningitidis", "Meningococcal vaccination within 3 "
        + "years")) {
      assertThat(inclusion(sentence, vaccinated)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, otherVaccines)).as(sentence + ": can still be vaccinated before treatment")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(exclusion("Live vaccine within 30 days", vaccinated)).as("a meningococcal vaccine is not live")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aNameWrittenWithACommaDoesNotTakeTheFirstWordOfTheNextItemOfAList() {
    Facts flu = hypertensive().immunization("Influenza vaccine", "2026-05-20", coded("inactivated-influenza-vaccine"));
    Facts mmr = hypertensive().immunization("MMR", "2026-05-20", coded("mmr-vaccine"));
    for (String sentence : List.of("Receipt of influenza vaccine, live vaccines or BCG within 30 days",
        "Influenza vaccine, live vaccines within 4 weeks before the first dose",
        "Zoster vaccine, live attenuated vaccines or yellow fever vaccine within 30 days prior to enrollment")) {
      assertThat(exclusion(sentence, mmr)).as(sentence + ": MMR is a live vaccine given 12 days ago")
          .isEqualTo(Truth.MET);
    }
    assertThat(exclusion("Receipt of influenza vaccine, live vaccines or BCG within 30 days", flu))
        .as("an influenza vaccine 12 days ago").isEqualTo(Truth.MET);
  }

  @Test
  void anInlineNegatedListIsMetOnlyWithoutEveryItem() {
    String sentence = "No prior treatment with any of the following: splenectomy, rituximab, or eltrombopag";
    assertThat(inclusion(sentence, itpWithoutSplenectomyOrRituximab())).isEqualTo(Truth.MET);
    Facts rituximab = itpWithoutSplenectomyOrRituximab().medication("Rituximab", "2025-01-01", "2025-02-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    assertThat(inclusion(sentence, rituximab)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anInlineListAfterNoIsNoneOfItsItems() {
    Facts splenectomy = itpWithoutSplenectomyOrRituximab().procedure("Splenectomy", "2025-03-01",
        coded("splenectomy"));
    // read as "not all of them", a patient with a splenectomy but no rituximab had met it
    assertThat(inclusion("No history of the following: splenectomy, rituximab", splenectomy))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("No history of the following: splenectomy, rituximab", itpWithoutSplenectomyOrRituximab()))
        .isEqualTo(Truth.MET);
  }

  /** Chronic lymphocytic leukemia diagnosed two years ago, on watch and wait: no therapy on record. */
  static Facts watchAndWaitCll() {
    return adult().condition("Chronic lymphocytic leukemia", ClinicalStatus.ACTIVE, "2024-05-01", null,
            coded("chronic-lymphocytic-leukemia"))
        .medication("Cholecalciferol", "2024-06-01", null, org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE,
            "cholecalciferol");
  }

  @Test
  void treatmentOfAMalignancyNeverExcludesAnUntreatedOne() {
    for (String sentence : java.util.List.of("Treatment of a malignancy within 3 years",
        "Malignancy for which the patient received treatment within 5 years",
        "Malignancy treated within the last 3 years", "Prior treatment for leukemia",
        "Active malignancy requiring treatment")) {
      // the diagnosis alone had excluded: the treatment is asked about
      assertThat(exclusion(sentence, watchAndWaitCll())).as(sentence).isEqualTo(Truth.UNKNOWN);
      Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
          coded("immune-thrombocytopenia"));
      assertThat(exclusion(sentence, itp)).as(sentence + ", no malignancy").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult())).as(sentence + ", no diagnoses on record").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void chemotherapyForCancerIsTheDrugClassBesideTheDisease() {
    String sentence = "Received chemotherapy for cancer within the past 5 years";
    assertThat(exclusion(sentence, watchAndWaitCll())).isEqualTo(Truth.NOT_MET);
    Facts treated = watchAndWaitCll().medication("Bendamustine", "2025-01-10", "2025-06-10",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("bendamustine"));
    // the record holds the drug and the cancer, not what the drug was given for: asked, never excluded on both alone
    // (cyclophosphamide in a transplant's conditioning beside an old basal cell carcinoma would have been excluded)
    assertThat(exclusion(sentence, treated)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, treated)).as("both on record still admit").isEqualTo(Truth.MET);
  }

  @Test
  void aDiseaseNamedWithoutATimeExcludesWhenCurrentAndAsksWhenPast() {
    Facts cured = adult().condition("Hodgkin lymphoma", ClinicalStatus.RESOLVED, "1998-01-01", "1999-06-01",
        coded("lymphoma"));
    Facts current = adult().condition("Hodgkin lymphoma", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("lymphoma"));
    Facts statusUnknown = adult().condition("Hodgkin lymphoma", ClinicalStatus.UNKNOWN, "2025-01-01", null,
        coded("lymphoma"));
    Facts other = adult().condition("Iron deficiency anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        "iron-deficiency-anemia");
    for (String sentence : List.of("Lymphoma", "Patients with lymphoma")) {
      // read as at any time, a lymphoma cured decades ago excluded: whether a past one counts is the trial's to say
      assertThat(exclusion(sentence, cured)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, current)).as(sentence).isEqualTo(Truth.MET);
      // without a clinical status, a lymphoma of 2025 may be over (§48 amends §19): asked
      assertThat(exclusion(sentence, statusUnknown)).as(sentence + ", no clinical status").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, other)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("History of lymphoma", "Lymphoma at any time", "Past diagnosis of lymphoma",
        "Lymphoma at any point in the past")) {
      assertThat(exclusion(sentence, cured)).as(sentence + ": had at any time").isEqualTo(Truth.MET);
    }
    assertThat(inclusion("No lymphoma", cured)).as("the same in the inclusion list").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("No history of lymphoma", cured)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Lymphoma", cured)).as("an inclusion keeps any time").isEqualTo(Truth.MET);
  }

  static org.eligo.core.eval.Outcome explained(String sentence, CriterionType type, Facts patient) {
    return RuleEvaluator.evaluate(ParserCasesTest.PARSER.parse(sentence, type), PatientIndex.of(patient.build()),
        new EvaluationContext(AS_OF.asOf(), true));
  }

  /**
   * An encounter diagnosis often has no clinical status (FHIR requires one only of problem-list items). Read as current
   * whatever its age (§19), a hepatitis B, lymphoma or MDS diagnosed at a visit in 2015 excluded the patient today under
   * a disease named without a time. A diagnosis without a status is now current only when it began within the last 30
   * days; an older one, or one without an onset, is asked whether it is still current. One active, or recent, still
   * excludes; one resolved is asked as before.
   */
  @Test
  void aDiagnosisWithoutAClinicalStatusExcludesOnlyWhenRecent() {
    record Case(String sentence, String text, String concept) { }
    for (Case c : List.of(new Case("Hepatitis B", "Chronic viral hepatitis B", "hepatitis-b"),
        new Case("Chronic hepatitis B", "Hepatitis B, chronic", "hepatitis-b"),
        new Case("Patients with MDS", "Myelodysplastic syndrome, unspecified", "myelodysplastic-syndrome"),
        new Case("Lymphoma", "Diffuse large B-cell lymphoma", "lymphoma"))) {
      Facts visit2015 = adult().condition(c.text(), ClinicalStatus.UNKNOWN, "2015-03-02", null, coded(c.concept()));
      org.eligo.core.eval.Outcome old = explained(c.sentence(), CriterionType.EXCLUSION, visit2015);
      assertThat(old.truth()).as(c.sentence() + ": a visit of 2015, no status").isEqualTo(Truth.UNKNOWN);
      assertThat(old.questions()).as(c.sentence()).singleElement().asString().contains("current?")
          .contains("without a clinical status");
      assertThat(exclusion(c.sentence(), adult().condition(c.text(), ClinicalStatus.UNKNOWN, null, null,
          coded(c.concept())))).as(c.sentence() + ": no status, no onset").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(c.sentence(), adult().condition(c.text(), ClinicalStatus.UNKNOWN, "2026-04", null,
          coded(c.concept())))).as(c.sentence() + ": no status, April 2026 (may be before 2026-05-02)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(c.sentence(), adult().condition(c.text(), ClinicalStatus.UNKNOWN, "2026-05-12", null,
          coded(c.concept())))).as(c.sentence() + ": no status, diagnosed 3 weeks ago").isEqualTo(Truth.MET);
      assertThat(exclusion(c.sentence(), adult().condition(c.text(), ClinicalStatus.ACTIVE, "2015-03-02", null,
          coded(c.concept())))).as(c.sentence() + ": active since 2015").isEqualTo(Truth.MET);
      assertThat(inclusion("No " + c.sentence().replace("Patients with ", ""), visit2015))
          .as("No " + c.sentence() + " in the inclusion list").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion("History of " + c.sentence().replace("Patients with ", ""), visit2015))
          .as("history of: at any time").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aLeadingNoInTheExclusionListNeverExcludesThoseWithoutWhatItNames() {
    Facts other = adult().condition("Iron deficiency anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        "iron-deficiency-anemia");
    Facts lymphoma = adult().condition("Hodgkin lymphoma", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("lymphoma"));
    for (String sentence : List.of("No lymphoma", "None of the following: lymphoma, stroke")) {
      // read literally it excluded every patient without lymphoma; as a requirement written there, those with it
      assertThat(exclusion(sentence, other)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, lymphoma)).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("No lymphoma", lymphoma)).as("the inclusion list denies it").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDrugSaidToBeForADiseaseIsAskedInAnExclusion() {
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    Facts itpOnPrednisone = itp.medication("Prednisone", "2026-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("prednisone"));
    for (String sentence : List.of("Corticosteroids for ITP within 2 weeks", "Prednisone given for ITP")) {
      // the record holds the steroid and the ITP, not what the steroid is for (asthma, say): asked, never excluded
      assertThat(exclusion(sentence, itpOnPrednisone)).as(sentence).isEqualTo(Truth.UNKNOWN);
      Facts anemiaOnPrednisone = adult().condition("Iron deficiency anemia", ClinicalStatus.ACTIVE, "2025-01-01",
          null, "iron-deficiency-anemia").medication("Prednisone", "2026-01-01", null,
          org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("prednisone"));
      assertThat(exclusion(sentence, anemiaOnPrednisone)).as(sentence + ", no ITP").isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Prior corticosteroids for ITP", itpOnPrednisone)).as("both on record admit")
        .isEqualTo(Truth.MET);
  }

  @Test
  void aDrugToPreventADiseaseDoesNotAskForTheDisease() {
    Facts onApixaban = adult().condition("Atrial fibrillation", ClinicalStatus.ACTIVE, "2025-01-01", null,
        "atrial-fibrillation").medication("Apixaban", "2026-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("apixaban"));
    // the prophylaxis is for patients without the thrombosis: read as a diagnosis, it excluded all of them
    assertThat(inclusion("Anticoagulants for the prevention of thrombosis", onApixaban)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void severeOrSymptomaticItpIsNotMetForAPatientWithoutItp() {
    String sentence = "Severe or symptomatic ITP";
    Facts anemia = adult().condition("Iron deficiency anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        "iron-deficiency-anemia");
    // the question had stood as an alternative of its own, so a patient without ITP was asked about it
    assertThat(inclusion(sentence, anemia)).isEqualTo(Truth.NOT_MET);
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(inclusion(sentence, itp)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, adult())).as("no diagnoses on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aVerbInThePastIsUseAtAnyTime() {
    Facts stopped = adult().medication("Prednisone", "2024-01-01", "2024-03-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("prednisone"));
    assertThat(inclusion("Patients who have been on corticosteroids", stopped)).isEqualTo(Truth.MET);
    // the exclusion had been read as current use, not what the sentence says
    assertThat(exclusion("Patients who took aspirin", adult().medication("Aspirin", "2023-01-01", "2023-02-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("aspirin")))).isEqualTo(Truth.MET);
  }

  @Test
  void aGroupNamedInThePastNeverBindsAPastUserWithoutAsking() {
    String sentence = "For patients who were on warfarin: INR < 3";
    Facts stoppedLongAgo = adult().medication("Warfarin", "2018-01-01", "2019-01-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("warfarin"))
        .lab("inr", 3.4, "{INR}", "2026-05-20");
    assertThat(inclusion(sentence, stoppedLongAgo)).isEqualTo(Truth.UNKNOWN);
    Facts onItNow = adult().medication("Warfarin", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin"))
        .lab("inr", 3.4, "{INR}", "2026-05-20");
    assertThat(inclusion(sentence, onItNow)).isEqualTo(Truth.NOT_MET);
    Facts never = adult().medication("Aspirin", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("aspirin"))
        .lab("inr", 3.4, "{INR}", "2026-05-20");
    assertThat(inclusion(sentence, never)).isEqualTo(Truth.MET);
  }

  static Facts onWarfarin() {
    return adult().medication("Warfarin", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin"));
  }

  static Facts onAspirin() {
    return adult().medication("Aspirin", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("aspirin"));
  }

  @Test
  void aRequirementForSomePatientsInTheExclusionListExcludesOnlyThoseInTheGroupWhoFailIt() {
    for (String sentence : new String[] {"Patients on warfarin must have INR < 3",
        "For patients on warfarin, INR must be < 3", "Patients taking warfarin should have an INR below 3"}) {
      assertThat(exclusion(sentence, onWarfarin().lab("inr", 3.6, "{INR}", "2026-05-20"))).as(sentence)
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, onWarfarin().lab("inr", 2.4, "{INR}", "2026-05-20")))
          .as("%s: on warfarin, meets it", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, onAspirin().lab("inr", 1.0, "{INR}", "2026-05-20")))
          .as("%s: not on warfarin", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, onAspirin().lab("inr", 3.6, "{INR}", "2026-05-20")))
          .as("%s: not on warfarin, INR high", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, onWarfarin())).as("%s: no INR on record", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aNegativePregnancyTestRequiredInTheExclusionListExcludesOnlyAPregnancy() {
    String sentence = "For women of childbearing potential, a negative pregnancy test is required";
    Facts woman = Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE);
    assertThat(exclusion(sentence, woman.coded("pregnancy-status", "pregnant", "2026-05-25"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)
        .coded("pregnancy-status", "not-pregnant", "2026-05-25"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)))
        .as("no pregnancy status on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aGroupOnADrugNowBindsOnlyThoseOnIt() {
    String sentence = "Subjects currently receiving warfarin should have an INR < 3";
    assertThat(inclusion(sentence, onAspirin().lab("inr", 3.6, "{INR}", "2026-05-20"))).as("not on warfarin")
        .isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, onWarfarin().lab("inr", 2.2, "{INR}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, onWarfarin().lab("inr", 3.6, "{INR}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, onWarfarin())).as("no INR on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aGroupNamedAfterWhatItRequiresBindsOnlyThatGroup() {
    String sentence = "Hemoglobin A1c < 8% is required for patients with diabetes";
    Facts diabetic = adult().condition("Type 2 diabetes mellitus", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("diabetes-mellitus"));
    assertThat(inclusion(sentence, hypertensive())).as("no diabetes").isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, diabetic.lab("hba1c", 7.1, "%", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, adult().condition("Type 2 diabetes mellitus", ClinicalStatus.ACTIVE, "2015-01-01",
        null, coded("diabetes-mellitus")).lab("hba1c", 9.4, "%", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, adult().condition("Type 2 diabetes mellitus", ClinicalStatus.ACTIVE, "2015-01-01",
        null, coded("diabetes-mellitus")))).as("no HbA1c on record").isEqualTo(Truth.UNKNOWN);
    String exclusion = "INR must be below 3 in patients on warfarin";
    assertThat(exclusion(exclusion, onAspirin().lab("inr", 1.0, "{INR}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(exclusion, onWarfarin().lab("inr", 2.0, "{INR}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(exclusion, onWarfarin().lab("inr", 3.8, "{INR}", "2026-05-20"))).isEqualTo(Truth.MET);
  }

  @Test
  void aDrugGroupAsAHeadingBindsOnlyThoseOnTheDrug() {
    String sentence = "Patients on warfarin: INR < 3";
    assertThat(inclusion(sentence, onAspirin().lab("inr", 3.6, "{INR}", "2026-05-20"))).as("not on warfarin")
        .isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, onWarfarin().lab("inr", 2.2, "{INR}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, onWarfarin().lab("inr", 3.6, "{INR}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, onWarfarin())).as("no INR on record").isEqualTo(Truth.UNKNOWN);
  }

  static Facts withHiv() {
    return adult().condition("HIV disease", ClinicalStatus.ACTIVE, "2011-01-01", null, coded("hiv-infection"));
  }

  @Test
  void aGroupNamedBeforePatientsBindsOnlyThatGroup() {
    String sentence = "HIV-positive patients must have a CD4 count > 350 cells/µL";
    assertThat(inclusion(sentence, hypertensive())).as("no HIV").isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, withHiv().lab("cd4", 520, "/uL", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, withHiv().lab("cd4", 210, "/uL", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, withHiv())).as("no CD4 count on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, withHiv().lab("cd4", 210, "/uL", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, withHiv().lab("cd4", 520, "/uL", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, hypertensive().lab("cd4", 210, "/uL", "2026-05-20"))).as("no HIV")
        .isEqualTo(Truth.NOT_MET);
    String hbv = "HBsAg-positive patients must have undetectable HBV DNA";
    assertThat(inclusion(hbv, hypertensive())).as("no hepatitis B").isEqualTo(Truth.MET);
    assertThat(exclusion(hbv, hypertensive())).as("no hepatitis B").isEqualTo(Truth.NOT_MET);
    Facts hepatitisB = adult().condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-b"));
    assertThat(inclusion(hbv, hepatitisB)).as("viral load not on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(hbv, hepatitisB)).as("viral load not on record").isEqualTo(Truth.UNKNOWN);
    String diabetic = "Diabetic patients should have HbA1c < 8%";
    assertThat(inclusion(diabetic, adult().lab("hba1c", 9.1, "%", "2026-05-20")))
        .as("whether the patient is diabetic is asked").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(diabetic, adult().lab("hba1c", 6.0, "%", "2026-05-20"))).isEqualTo(Truth.MET);
  }

  /** A record that lists a diagnosis, none of them an infection. */
  static Facts hypertensive() {
    return adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
  }

  @Test
  void aPositiveHbsagExcludesUnderPositiveHbsagOrDetectableHcvRna() {
    String sentence = "Positive HBsAg or detectable HCV RNA";
    assertThat(exclusion(sentence, hypertensive().infectionResult("HBsAg: Positive", INFECTED, "2026-05-10",
        "hepatitis-b", "infection"))).as("HBsAg positive, no hepatitis C").isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().condition("Chronic viral hepatitis B", ClinicalStatus.ACTIVE, "2012-01-01",
        null, coded("hepatitis-b")))).as("chronic hepatitis B on record").isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, hypertensive())).as("neither").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult())).as("no diagnoses, no results").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, adult().condition("Chronic hepatitis C", ClinicalStatus.RESOLVED, "2010-01-01",
        "2019-01-01", coded("hepatitis-c")))).as("a cured hepatitis C").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anInfectionNamedWithoutATimeThatTheResultsShowClearedIsAskedNotExcluded() {
    // "Hepatitis C" in the exclusion list names no time (DECISIONS 19): a past one the record shows cleared is asked
    Facts cured = hypertensive().condition("Chronic hepatitis C", ClinicalStatus.RESOLVED, "2014-01-01", "2016-01-01",
            coded("hepatitis-c"))
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2014-01-10", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2026-05-10", "hepatitis-c", "infection");
    assertThat(exclusion("Hepatitis C", cured)).as("cured years ago, RNA now undetectable").isEqualTo(Truth.UNKNOWN);
    Facts untested = hypertensive()
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2014-01-10", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2016-05-10", "hepatitis-c", "infection");
    assertThat(exclusion("Hepatitis C", untested)).as("cleared by the results alone").isEqualTo(Truth.UNKNOWN);
    Facts viraemic = hypertensive()
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2016-05-10", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2026-05-10", "hepatitis-c", "infection");
    assertThat(exclusion("Hepatitis C", viraemic)).as("detectable now").isEqualTo(Truth.MET);
    Facts onceShown = hypertensive()
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2014-01-10", "hepatitis-c", "infection");
    assertThat(exclusion("Hepatitis C", onceShown)).as("shown, never shown cleared").isEqualTo(Truth.MET);
    assertThat(exclusion("History of hepatitis C", cured)).as("any time: a cured one counts").isEqualTo(Truth.MET);
  }

  @Test
  void aDiseaseLaterInTheListOfWhatADrugWasForNeverExcludesOnItsOwn() {
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(exclusion("Corticosteroids for asthma or ITP", itp)).as("ITP, no corticosteroids")
        .isNotEqualTo(Truth.MET);
    Facts dvt = adult().condition("Deep vein thrombosis of leg", ClinicalStatus.ACTIVE, "2026-03-01", null,
        coded("deep-vein-thrombosis"));
    assertThat(exclusion("Anticoagulation for atrial fibrillation or deep vein thrombosis", dvt))
        .as("a thrombosis, no anticoagulant").isNotEqualTo(Truth.MET);
    Facts lymphoma = adult().condition("Follicular lymphoma", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("lymphoma"));
    assertThat(exclusion("Splenectomy for trauma or lymphoma", lymphoma)).as("spleen kept").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Splenectomy for trauma or lymphoma", lymphoma.procedure("Splenectomy", "2025-06-01",
        coded("splenectomy")))).as("splenectomy: for what is asked").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aRequirementOverAListNeverExcludesThoseWhoMeetItOrStandOutsideItsGroup() {
    Facts healthy = hypertensive().lab("bilirubin-total", 0.8, "mg/dL", "2026-05-20")
        .lab("albumin", 4.2, "g/dL", "2026-05-20");
    Facts highBilirubin = hypertensive().lab("bilirubin-total", 2.6, "mg/dL", "2026-05-20")
        .lab("albumin", 4.2, "g/dL", "2026-05-20");
    String labs = "\n  - total bilirubin < 2 mg/dL\n  - albumin > 3.5 g/dL";
    // "must not have any of the following" in the exclusion list forbids the items, as one sentence does
    assertThat(compiled("Exclusion Criteria:\n- Patients must not have any of the following:\n  - lymphoma\n"
        + "  - stroke", hypertensive()).get("exc-1")).as("neither lymphoma nor stroke").isEqualTo(Truth.NOT_MET);
    Facts lymphoma = adult().condition("Follicular lymphoma", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("lymphoma"));
    assertThat(compiled("Exclusion Criteria:\n- Any of the following conditions that should preclude participation:"
        + "\n  - lymphoma\n  - stroke", lymphoma).get("exc-1")).as("a list of what excludes").isEqualTo(Truth.MET);
    assertThat(compiled("Exclusion Criteria:\n- Patients who meet any of the following criteria must be excluded:"
        + "\n  - lymphoma\n  - stroke", lymphoma).get("exc-1")).as("a heading that says its list excludes")
        .isEqualTo(Truth.MET);
    assertThat(compiled("Exclusion Criteria:\n- Patients must not be enrolled if they have any of the following:\n"
        + "  - lymphoma\n  - stroke", hypertensive()).get("exc-1")).as("a denial of enrolment over a list")
        .isEqualTo(Truth.NOT_MET);
    // a requirement for everyone written in the exclusion list excludes only a patient who fails it
    assertThat(compiled("Exclusion Criteria:\n- Patients must have all of the following:" + labs, healthy)
        .get("exc-1")).as("meets both").isEqualTo(Truth.NOT_MET);
    // a requirement for a group: never a patient outside it, nor one who meets it
    for (String heading : List.of("Patients with cirrhosis must meet all of the following:",
        "Patients with cirrhosis are eligible only if they meet all of the following:",
        "Patients with cirrhosis must meet the following:")) {
      java.util.Map<String, Truth> exclusion = compiled("Exclusion Criteria:\n- " + heading + labs, healthy);
      assertThat(exclusion.values()).as("exclusion: " + heading).doesNotContain(Truth.MET);
      java.util.Map<String, Truth> inclusion = compiled("Inclusion Criteria:\n- " + heading + labs, highBilirubin);
      assertThat(inclusion.values()).as("inclusion, no cirrhosis: " + heading).doesNotContain(Truth.NOT_MET);
    }
  }

  @Test
  void anExceptionNamingAnotherDiseaseNeverCountsTheDiseaseOfAPatientWhoHasIt() {
    Facts itpAndLymphoma = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("immune-thrombocytopenia")).condition("Follicular lymphoma", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("lymphoma"));
    assertThat(exclusion("Patients with ITP but not lymphoma", itpAndLymphoma)).isNotEqualTo(Truth.MET);
    Facts basalCell = adult().condition("Basal cell carcinoma of skin", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("basal-cell-carcinoma-of-skin"));
    assertThat(exclusion("Any malignancy except basal cell carcinoma of the skin", basalCell))
        .as("a kind of the disease named is still excepted").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aNonFusedToANameNeverRequiresWhatItDenies() {
    Facts keptSpleen = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(inclusion("Only non-splenectomized patients are eligible", keptSpleen)).isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Non-splenectomized patients", keptSpleen)).isNotEqualTo(Truth.NOT_MET);
    Facts moderate = adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("aplastic-anemia"));
    assertThat(inclusion("Diagnosis of non-severe aplastic anemia", moderate)).as("read as severe aplastic anemia")
        .isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDrugForbiddenDuringTheStudyIsAskedOfAPatientTakingItNow() {
    Facts onWarfarin = adult().medication("Warfarin 5 mg", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin"));
    assertThat(inclusion("Patients must not receive warfarin during the study", onWarfarin))
        .isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Patients may not receive warfarin during the study", onWarfarin)).isNotEqualTo(Truth.MET);
    assertThat(inclusion("Patients must not receive warfarin", onWarfarin)).as("no time on study: forbidden now")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anHcvAntibodyAloneIsAskedAboutNotExcluded() {
    Facts reactive = hypertensive().infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-05-10", "hepatitis-c",
        "infection");
    assertThat(exclusion("Positive hepatitis B surface antigen or hepatitis C antibody", reactive))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Positive hepatitis B surface antigen or hepatitis C antibody", hypertensive()))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aPositiveHivTestIsAnotherWayToNameHiv() {
    String sentence = "Known HIV infection or positive HIV test";
    assertThat(exclusion(sentence, hypertensive().infectionResult("HIV-1 RNA: 12000 copies/mL", INFECTED, "2026-05-10",
        "hiv-infection", "infection"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, hypertensive())).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDetectableViralLoadNeverExcludesOnTheDiagnosisAlone() {
    Facts treatedHiv = adult().condition("HIV disease", ClinicalStatus.ACTIVE, "2011-01-01", null,
        coded("hiv-infection"));
    assertThat(exclusion("Detectable HIV viral load", treatedHiv)).as("HIV on treatment, load not on record")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Detectable HIV viral load", hypertensive())).isEqualTo(Truth.NOT_MET);
    Facts chronicHepB = adult().condition("Chronic viral hepatitis B", ClinicalStatus.ACTIVE, "2012-01-01", null,
        coded("hepatitis-b"));
    assertThat(exclusion("Hepatitis B core antibody positive", chronicHepB)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Hepatitis B core antibody positive", hypertensive())).as("anti-HBc without a diagnosis")
        .isEqualTo(Truth.UNKNOWN);
  }

  static Facts chronicHepatitisB() {
    return adult().condition("Chronic viral hepatitis B", ClinicalStatus.ACTIVE, "2012-01-01", null,
        coded("hepatitis-b"));
  }

  static Facts hbvDna(Facts f, String text, ViralLoad load, String date) {
    return f.viralLoad("hbv-dna", text, load, load.virus() == ViralLoad.Virus.DETECTED
        ? INFECTED : null, date, "hepatitis-b", "infection");
  }

  static final ViralLoad NOT_DETECTED_LOAD = ViralLoad.of(
      ViralLoad.Virus.NOT_DETECTED);

  static ViralLoad iuPerMl(double amount) {
    return new ViralLoad(ViralLoad.Virus.DETECTED, amount, null,
        ViralLoad.IU_PER_ML);
  }

  @Test
  void aRecentViralLoadSettlesDetectableHbvDna() {
    for (String sentence : new String[] {"Detectable HBV DNA", "HBV DNA detectable", "HBV DNA is detectable",
        "Detectable hepatitis B viral load"}) {
      assertThat(exclusion(sentence, hbvDna(chronicHepatitisB(), "HBV DNA: Not detected", NOT_DETECTED_LOAD,
          "2026-05-10"))).as(sentence + ": suppressed on treatment").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, hbvDna(adult(), "HBV DNA: 5000 IU/mL", iuPerMl(5000), "2026-05-10")))
          .as(sentence + ": viremic").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, chronicHepatitisB())).as(sentence + ": no load on record")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, hbvDna(chronicHepatitisB(), "HBV DNA: Not detected", NOT_DETECTED_LOAD,
          "2025-10-10"))).as(sentence + ": the only load is old").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult())).as(sentence + ": no diagnoses, no results").isEqualTo(Truth.UNKNOWN);
    }
    String either = "Positive hepatitis B surface antigen or detectable HBV DNA";
    assertThat(exclusion(either, hbvDna(hypertensive(), "HBV DNA: 5000 IU/mL", iuPerMl(5000), "2026-05-10")))
        .isEqualTo(Truth.MET);
    assertThat(exclusion(either, hbvDna(hypertensive(), "HBV DNA: Not detected", NOT_DETECTED_LOAD, "2026-05-10")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(either, chronicHepatitisB())).as("chronic hepatitis B is HBsAg positive").isEqualTo(Truth.MET);
    assertThat(inclusion("HBsAg-positive patients must have undetectable HBV DNA", hbvDna(chronicHepatitisB(),
        "HBV DNA: Not detected", NOT_DETECTED_LOAD, "2026-05-10"))).isEqualTo(Truth.MET);
    assertThat(inclusion("HBsAg-positive patients must have undetectable HBV DNA", hbvDna(chronicHepatitisB(),
        "HBV DNA: 5000 IU/mL", iuPerMl(5000), "2026-05-10"))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGroupNamedByATestWrittenOutBeforePatientsBindsThatGroupOnly() {
    for (String sentence : new String[] {"Hepatitis B core antibody positive patients must have undetectable HBV DNA",
        "Hepatitis B core antibody-positive patients must have undetectable HBV DNA"}) {
      assertThat(inclusion(sentence, hbvDna(hypertensive(), "HBV DNA: Not detected", NOT_DETECTED_LOAD,
          "2026-05-10"))).as(sentence + ": the requirement met, whether anti-HBc positive or not")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hbvDna(hypertensive(), "HBV DNA: Not detected", NOT_DETECTED_LOAD,
          "2026-05-10"))).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hbvDna(hypertensive(), "HBV DNA: 5000 IU/mL", iuPerMl(5000), "2026-05-10")))
          .as(sentence + ": whether the patient is in the group is asked").isEqualTo(Truth.UNKNOWN);
    }
  }

  static Facts load(Facts f, String test, String infection, String text, ViralLoad load) {
    return f.viralLoad(test, text, load, load.virus() == ViralLoad.Virus.DETECTED ? INFECTED : null, "2026-05-10",
        infection, "infection");
  }

  static ViralLoad below(double amount, String unit) {
    return new ViralLoad(ViralLoad.Virus.UNSETTLED, amount, org.eligo.core.patient.ValueBound.BELOW, unit);
  }

  @Test
  void aViralLoadLimitIsDecidedOnlyByAResultThatSettlesIt() {
    String high = "HBV DNA > 2000 IU/mL";
    assertThat(exclusion(high, load(chronicHepatitisB(), "hbv-dna", "hepatitis-b", "HBV DNA: 5000 IU/mL",
        iuPerMl(5000)))).isEqualTo(Truth.MET);
    assertThat(exclusion(high, load(chronicHepatitisB(), "hbv-dna", "hepatitis-b", "HBV DNA: <20 IU/mL",
        below(20, ViralLoad.IU_PER_ML)))).as("the bound settles it").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(high, load(chronicHepatitisB(), "hbv-dna", "hepatitis-b", "HBV DNA: 5000 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 5000, null, ViralLoad.COPIES_PER_ML))))
        .as("copies/mL are not IU/mL").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(high, chronicHepatitisB())).as("no load on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(high, hypertensive())).as("no hepatitis B in a record that lists diagnoses")
        .isEqualTo(Truth.NOT_MET);

    String undetectable = "Undetectable HCV RNA (< 15 IU/mL) at screening";
    assertThat(inclusion(undetectable, load(adult(), "hcv-rna", "hepatitis-c", "HCV RNA: <15 IU/mL",
        below(15, ViralLoad.IU_PER_ML)))).isEqualTo(Truth.MET);
    assertThat(inclusion(undetectable, load(adult(), "hcv-rna", "hepatitis-c", "HCV RNA: 120 IU/mL",
        iuPerMl(120)))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(undetectable, load(adult(), "hcv-rna", "hepatitis-c", "HCV RNA: Not detected",
        NOT_DETECTED_LOAD))).as("below a detection limit the record does not give").isEqualTo(Truth.UNKNOWN);

    String suppressed = "HIV-1 RNA < 50 copies/mL";
    assertThat(inclusion(suppressed, load(adult(), "hiv-1-rna", "hiv-infection", "HIV-1 RNA: 20 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 20, null, ViralLoad.COPIES_PER_ML)))).isEqualTo(Truth.MET);
    assertThat(inclusion(suppressed, adult())).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aViralLoadLimitWithThousandsGroupedByADotIsThousands() {
    // European registries write 2,000 as "2.000": read as 2 IU/mL it excluded every hepatitis B patient with any
    // detectable load (here 500 IU/mL, well under the trial's 2,000)
    Facts low = load(chronicHepatitisB(), "hbv-dna", "hepatitis-b", "HBV DNA: 500 IU/mL", iuPerMl(500));
    assertThat(exclusion("HBV DNA > 2.000 IU/mL", low)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("HBV DNA > 2.000 IU/mL", load(chronicHepatitisB(), "hbv-dna", "hepatitis-b",
        "HBV DNA: 5000 IU/mL", iuPerMl(5000)))).isEqualTo(Truth.MET);
    assertThat(inclusion("HBV DNA < 2.000 IU/mL", low)).isEqualTo(Truth.MET);
    assertThat(exclusion("HIV-1 RNA ≥ 1.000.000 copies/mL", load(adult(), "hiv-1-rna", "hiv-infection",
        "HIV-1 RNA: 5000 copies/mL", new ViralLoad(ViralLoad.Virus.DETECTED, 5000, null, ViralLoad.COPIES_PER_ML))))
        .isEqualTo(Truth.NOT_MET);
    // a fraction of a copy or unit per mL is no limit anyone sets: a lost power of ten, left unread
    assertThat(exclusion("HBV DNA > 2.5 IU/mL", low)).isNotEqualTo(Truth.MET);
  }

  @Test
  void aSuppressedViralLoadIsNoUndetectableOne() {
    // HIV programmes call a load suppressed below 200 (or 1,000) copies/mL: 45 copies/mL is detected and suppressed
    Facts detectedLow = adult().condition("HIV disease", ClinicalStatus.ACTIVE, "2011-01-01", null,
        coded("hiv-infection")).viralLoad("hiv-1-rna", "HIV-1 RNA: 45 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 45, null, ViralLoad.COPIES_PER_ML), INFECTED, "2026-05-10",
        "hiv-infection", "infection");
    assertThat(inclusion("HIV infection with suppressed viral load", detectedLow)).isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion("HIV infection with unsuppressed viral load", detectedLow)).isNotEqualTo(Truth.MET);
  }

  static Facts treatedHiv() {
    return adult().condition("HIV disease", ClinicalStatus.ACTIVE, "2011-01-01", null, coded("hiv-infection"));
  }

  @Test
  void aGroupNamedByATestResultFirstBindsThatGroupOnly() {
    // "For HIV-positive patients, ..." read as all of (HIV, the limit) excluded every HIV-negative patient
    String sentence = "For HIV-positive patients, HIV RNA < 50 copies/mL";
    assertThat(inclusion(sentence, hypertensive())).as("no HIV: the requirement is not his").isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, load(treatedHiv(), "hiv-1-rna", "hiv-infection", "HIV-1 RNA: 20 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 20, null, ViralLoad.COPIES_PER_ML)))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, load(treatedHiv(), "hiv-1-rna", "hiv-infection", "HIV-1 RNA: 5000 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 5000, null, ViralLoad.COPIES_PER_ML)))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("For HIV-positive patients, CD4 count ≥ 350 cells/µL", hypertensive())).isEqualTo(Truth.MET);
  }

  @Test
  void aViralLoadLimitRequiredOfAGroupInTheExclusionListExcludesOnlyThoseWhoFailIt() {
    String sentence = "Patients with chronic hepatitis B must have HBV DNA < 2000 IU/mL";
    assertThat(exclusion(sentence, load(chronicHepatitisB(), "hbv-dna", "hepatitis-b", "HBV DNA: 5000 IU/mL",
        iuPerMl(5000)))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, load(chronicHepatitisB(), "hbv-dna", "hepatitis-b", "HBV DNA: <20 IU/mL",
        below(20, ViralLoad.IU_PER_ML)))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, chronicHepatitisB())).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, hypertensive())).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aViralLoadAfterItsInfectionIsThatInfectionsOwnLoad() {
    String sentence = "Hepatitis C with detectable viral load";
    Facts curedHepC = adult().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-c"));
    assertThat(exclusion(sentence, curedHepC.viralLoad("hcv-rna", "HCV RNA: Not detected", NOT_DETECTED_LOAD,
        NOT_INFECTED, "2026-05-10", "hepatitis-c", "infection"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, load(adult(), "hcv-rna", "hepatitis-c", "HCV RNA: 120000 IU/mL",
        iuPerMl(120000)))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-c")))).as("no load on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aViralLoadNamedByItsVirusIsThatVirussOnly() {
    Facts hepCViremic = load(adult().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-c")), "hcv-rna", "hepatitis-c", "HCV RNA: 120000 IU/mL", iuPerMl(120000));
    assertThat(exclusion("Hepatitis B or C with detectable HBV viral load", hepCViremic))
        .as("no HBV DNA on record: the HCV RNA is not the load the sentence names").isNotEqualTo(Truth.MET);
  }

  @Test
  void aRecentViralLoadSettlesAnHivLoadCriterion() {
    Facts treatedHiv = adult().condition("HIV disease", ClinicalStatus.ACTIVE, "2011-01-01", null,
        coded("hiv-infection")).viralLoad("hiv-1-rna", "HIV-1 RNA: Not detected", NOT_DETECTED_LOAD, null,
        "2026-05-10", "hiv-infection", "infection");
    assertThat(exclusion("Detectable HIV viral load", treatedHiv)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("HIV viral load undetectable", treatedHiv)).isEqualTo(Truth.MET);
  }

  @Test
  void aNegativeViralLoadRequiredPassesTheUninfectedAndAsksAboutATreatedInfection() {
    String sentence = "Negative HIV-1 RNA"; // as a prevention trial writes it: the person is not infected
    Facts uninfected = load(hypertensive(), "hiv-1-rna", "hiv-infection", "HIV-1 RNA: Not detected",
        NOT_DETECTED_LOAD);
    assertThat(inclusion(sentence, uninfected)).isEqualTo(Truth.MET);
    Facts treated = load(treatedHiv(), "hiv-1-rna", "hiv-infection", "HIV-1 RNA: Not detected", NOT_DETECTED_LOAD);
    assertThat(inclusion(sentence, treated)).as("a treated infection: negative as in uninfected, or as in suppressed?")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, load(hypertensive(), "hiv-1-rna", "hiv-infection", "HIV-1 RNA: 5000 copies/mL",
        new ViralLoad(ViralLoad.Virus.DETECTED, 5000, null, ViralLoad.COPIES_PER_ML)))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, hypertensive())).as("no load on record").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("HIV viral load undetectable", treated)).as("a load word: the load alone")
        .isEqualTo(Truth.MET);
  }

  @Test
  void aNegativeResultRequiredStaysOpenWithoutDataAndIsSettledByTheResultOrTheDiagnosis() {
    assertThat(inclusion("HBsAg negative", adult())).as("no diagnoses, no results").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("HBsAg negative", adult().infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-05-10",
        "hepatitis-b", "infection"))).isEqualTo(Truth.MET);
    assertThat(inclusion("HBsAg negative", adult().infectionResult("HBsAg: Positive", INFECTED, "2026-05-10",
        "hepatitis-b", "infection"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Negative HIV test", adult().infectionResult("HIV-1/2 Ag/Ab: Reactive", EXPOSED,
        "2026-05-10", "hiv-infection", "infection"))).as("a reactive screen is confirmed first").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("HIV viral load undetectable", adult().condition("HIV disease", ClinicalStatus.ACTIVE,
        "2011-01-01", null, coded("hiv-infection")))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aRequirementForEveryoneInTheExclusionListExcludesOnlyThoseWhoFailIt() {
    String sentence = "Patients must have platelets ≥ 50 × 10^9/L";
    assertThat(exclusion(sentence, adult().lab("platelets", 120, "10*9/L", "2026-05-20")))
        .as("meets it: read as written it had excluded him").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult().lab("platelets", 20, "10*9/L", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult())).as("no count on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aTreatmentRequiredInTheExclusionListNeverExcludesThoseWithoutIt() {
    Facts offAnticoagulants = adult().medication("Prednisone", "2024-06-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("prednisone"));
    assertThat(exclusion("Patients for whom anticoagulation is required", offAnticoagulants))
        .as("read as not(anticoagulant) it excluded every patient off anticoagulants").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Warfarin is required", offAnticoagulants)).isNotEqualTo(Truth.MET);
    assertThat(exclusion("Patients in whom splenectomy is required", adult().procedure("Splenectomy", "2012-03-01",
        coded("splenectomy")))).as("splenectomised long ago, none required now").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Splenectomy is required", adult())).isNotEqualTo(Truth.MET);
  }

  @Test
  void onlyTheNamedPatientsAreEligibleIsNotAGrant() {
    Facts noSaa = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    assertThat(ParserCasesTest.PARSER.parse("Only patients with severe aplastic anemia are eligible.",
        CriterionType.INCLUSION)).isNotInstanceOf(org.eligo.core.rule.ScreeningConfirmation.class);
    assertThat(inclusion("Only patients with severe aplastic anemia are eligible.", noSaa)).isNotEqualTo(Truth.MET);
  }

  @Test
  void anExceptionAfterALimitNeverExcludesThePatientsItExempts() {
    Facts gilbert = adult().condition("Gilbert syndrome", ClinicalStatus.ACTIVE, "2010-01-01", null)
        .lab("bilirubin-total", 2.9, "mg/dL", "2026-05-20", 1.2);
    for (String sentence : new String[] {
        "Total bilirubin ≤ 1.5 × ULN except for patients with known Gilbert's syndrome",
        "Total bilirubin ≤ 1.5 x upper limit of normal, except in patients with Gilbert syndrome",
        "Total bilirubin < 1.5 times the ULN, except when due to Gilbert's",
        "Total bilirubin ≤ 1.5 × ULN with the exception of subjects with Gilbert's syndrome",
        "Total bilirubin ≤ 1.5 × ULN, excluding patients with Gilbert's syndrome"}) {
      assertThat(inclusion(sentence, gilbert)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult().lab("bilirubin-total", 0.8, "mg/dL", "2026-05-20", 1.2))).as(sentence)
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().lab("bilirubin-total", 0.8, "mg/dL", "2026-05-20")))
          .as("no reference range on the result").isEqualTo(Truth.UNKNOWN);
    }
    Facts onWarfarin = adult().lab("inr", 2.6, "{INR}", "2026-05-20");
    assertThat(inclusion("INR ≤ 1.5, except patients on warfarin", onWarfarin)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("ALT ≤ 3 × ULN except in the case of liver metastases",
        adult().lab("alt", 160, "U/L", "2026-05-20", 40.0))).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Total bilirubin > 1.5 × ULN except for patients with Gilbert's syndrome", gilbert))
        .isNotEqualTo(Truth.MET);
  }

  @Test
  void aCountPerMicrolitreWithThousandsGroupedByADotIsReadInThousands() {
    Facts twenty = adult().lab("platelets", 20, "10*9/L", "2026-05-20");
    Facts eighty = adult().lab("platelets", 80, "10*9/L", "2026-05-20");
    // read as 30.0 cells/µL (0.03 × 10^9/L), every patient failed it
    assertThat(inclusion("Platelet count < 30.000/µL", twenty)).isEqualTo(Truth.MET);
    assertThat(inclusion("Platelet count < 30.000/µL", eighty)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Platelet count < 30 000/mm3", twenty)).isEqualTo(Truth.MET);
    assertThat(inclusion("Platelet count between 20.000 and 100.000/µL", eighty)).isEqualTo(Truth.MET);
    assertThat(inclusion("ANC ≥ 1.500/mm3", adult().lab("anc", 1.2, "10*9/L", "2026-05-20")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("ANC ≥ 1.500/mm3", adult().lab("anc", 2.0, "10*9/L", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion("Platelet count < 30.000/µL", adult())).as("no count on record").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aFractionOfACellPerMicrolitreIsNoLimitAndStaysAQuestion() {
    // "1.5/mm3" lost its power of ten: read as 0.0015 × 10^9/L, "< 1.5/mm3" failed every patient
    assertThat(inclusion("ANC < 1.5/mm3", adult().lab("anc", 0.9, "10*9/L", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("ANC ≥ 1.5/mm3", adult().lab("anc", 0.9, "10*9/L", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aLimitInAUnitNoPatternReadsIsNeverReadInTheMeasuresUsualUnit() {
    // "QTc > 0.47 s" had been read as 0.47 ms and excluded everyone; "1 mL/s" as 1 mL/min
    assertThat(exclusion("QTc > 0.47 s", adult().lab("qtc", 430, "ms", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("QTc > 0.47 s", adult().lab("qtc", 490, "ms", "2026-05-20"))).isEqualTo(Truth.MET);
    Facts clearance50 = adult().lab("creatinine-clearance", 50, "mL/min", "2026-05-20");
    assertThat(inclusion("Creatinine clearance ≥ 1 mL/s", clearance50)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Creatinine clearance ≥ 1 mL/s", adult().lab("creatinine-clearance", 75, "mL/min",
        "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion("Creatinine clearance ≥ 1 mL/hr", clearance50)).as("a unit not read").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void gigaPerLitreWrittenGOverLIsACountAndOtherPowerSpellingsAreRead() {
    Facts neutropenic = adult().lab("anc", 0.3, "10*9/L", "2026-05-20");
    Facts normal = adult().lab("anc", 2.0, "10*9/L", "2026-05-20");
    for (String sentence : new String[] {"Neutrophils < 0.5 G/L", "ANC < 0.5 x 10(9)/L", "ANC < 0.5 x 10exp9/L",
        "ANC < 0.5 × 10^9 cells/L", "ANC < 500 cells/mm^3", "ANC < 0.5/nL", "ANC > or = 0.5 x 10^9/L"}) {
      boolean below = !sentence.contains("> or =");
      assertThat(exclusion(sentence, neutropenic)).as(sentence).isEqualTo(below ? Truth.MET : Truth.NOT_MET);
      assertThat(exclusion(sentence, normal)).as(sentence).isEqualTo(below ? Truth.NOT_MET : Truth.MET);
    }
    assertThat(inclusion("Platelets ≥ 75,000/mcL", adult().lab("platelets", 60, "10*9/L", "2026-05-20")))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWindowOfOneYearOrLessThanASpanBeforeExcludesOnlyInsideIt() {
    Facts recent = adult().medication("Rituximab", "2026-04-01", "2026-04-22",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    Facts longAgo = adult().medication("Rituximab", "2025-01-01", "2025-01-22",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    for (String sentence : new String[] {"Rituximab < 3 months prior to screening",
        "Rituximab less than 3 months before enrolment", "Rituximab within the last month"}) {
      assertThat(exclusion(sentence, longAgo)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Rituximab < 3 months prior to screening", recent)).isEqualTo(Truth.MET);
    assertThat(exclusion("Rituximab within the past year", recent)).isEqualTo(Truth.MET);
    assertThat(exclusion("Rituximab within the past year", longAgo)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aClearancePerBodySurfaceNeverExcludesOnAClearanceInMillilitresPerMinuteAlone() {
    String sentence = "Creatinine clearance ≥ 60 mL/min/1.73 m²";
    // 55 mL/min for a body surface of 1.5 m² is 63 mL/min/1.73 m²: read on the clearance alone she was INELIGIBLE
    Facts small = Facts.patient("p").born("1970-01-01").sex(Sex.FEMALE)
        .lab("creatinine-clearance", 55, "mL/min", "2026-05-20").lab("egfr", 68, "mL/min/{1.73_m2}", "2026-05-20");
    assertThat(inclusion(sentence, small)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, adult().lab("creatinine-clearance", 80, "mL/min", "2026-05-20")
        .lab("egfr", 85, "mL/min/{1.73_m2}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, adult().lab("creatinine-clearance", 35, "mL/min", "2026-05-20")
        .lab("egfr", 38, "mL/min/{1.73_m2}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, adult().lab("creatinine-clearance", 55, "mL/min", "2026-05-20")))
        .as("no eGFR").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Creatinine clearance < 60 mL/min/1.73 m2", small)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Creatinine clearance ≥ 60 mL/min", small)).as("in mL/min: the clearance decides")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void theUpperLimitOfNormalItselfIsComparedWithTheResultsOwnRange() {
    String sentence = "Total bilirubin ≤ the institutional upper limit of normal";
    assertThat(inclusion(sentence, adult().lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20", 1.2)))
        .isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, adult().lab("bilirubin-total", 1.4, "mg/dL", "2026-05-20", 1.2)))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, adult().lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20")))
        .as("no reference range: no population ULN is guessed").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("ALT > 3 times the normal upper limit", adult().lab("alt", 150, "U/L", "2026-05-20", 40.0)))
        .isEqualTo(Truth.MET);
  }

  @Test
  void aLimitThatMayBeReachedByTransfusionNeverExcludesOnTheValueBeforeIt() {
    String sentence = "Hemoglobin ≥ 9 g/dL; patients may be transfused to reach this level";
    assertThat(inclusion(sentence, adult().lab("hemoglobin", 78, "g/L", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, adult().lab("hemoglobin", 104, "g/L", "2026-05-20"))).isEqualTo(Truth.MET);
  }

  @Test
  void aLimitMetAtAnyTimeInALongWindowIsNotRuledOutByTheLatestValue() {
    String sentence = "Platelet count < 30 x 10^9/L within the past 12 months";
    // below the limit in January, above it now: read on the latest value alone, the patient was INELIGIBLE
    Facts recovered = adult().lab("platelets", 18, "10*9/L", "2026-01-10").lab("platelets", 45, "10*9/L", "2026-05-20");
    assertThat(inclusion(sentence, recovered)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, adult().lab("platelets", 22, "10*9/L", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion("ANC ≥ 1.5 x 10^9/L within 14 days prior to the first dose",
        adult().lab("anc", 1.1, "10*9/L", "2026-05-28"))).as("a screening lab: the latest value").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWindowThatDatesADiagnosisNeverExcludesADiseaseDiagnosedLongBefore() {
    // ITP since 2019, still active: present in the last 6 months, but not diagnosed in them
    Facts chronic = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2019-03-01", null,
        coded("immune-thrombocytopenia"));
    Facts other = adult().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("severe-aplastic-anemia"));
    for (String sentence : new String[] {"ITP diagnosed within 6 months prior to screening",
        "Diagnosis of ITP less than 6 months before enrollment", "ITP for less than 12 months before enrollment"}) {
      assertThat(exclusion(sentence, chronic)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, other)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Myocardial infarction < 6 months before screening", adult().condition("Myocardial infarction",
        ClinicalStatus.RESOLVED, "2026-02-01", "2026-02-20", coded("myocardial-infarction")))).isEqualTo(Truth.MET);
  }

  /**
   * A one-off event asked about "within 6 months" counts by its onset: problem lists keep an acute myocardial
   * infarction of 2015 active for years, and read as present in the window it excluded the patient (DECISIONS §25). A
   * lasting disease still counts while active.
   */
  @Test
  void anEventWithinAWindowCountsByItsOnsetNotByBeingStillListedActive() {
    String mi = "Myocardial infarction within 6 months";
    java.util.function.BiFunction<ClinicalStatus, String[], Facts> infarction = (status, dates) -> adult().condition(
        "Acute myocardial infarction", status, dates[0], dates[1], coded("myocardial-infarction"));
    Facts old = infarction.apply(ClinicalStatus.ACTIVE, new String[] {"2015-03-10", null});
    Facts lastMonth = infarction.apply(ClinicalStatus.RESOLVED, new String[] {"2026-05-01", "2026-05-20"});
    Facts recentActive = infarction.apply(ClinicalStatus.ACTIVE, new String[] {"2026-05-01", null});
    Facts undated = infarction.apply(ClinicalStatus.ACTIVE, new String[] {null, null});
    Facts oldAbatedLately = infarction.apply(ClinicalStatus.RESOLVED, new String[] {"2015-03-10", "2026-01-15"});
    Facts straddling = infarction.apply(ClinicalStatus.ACTIVE, new String[] {"2025-12", null}); // window from 12-03
    Facts cancer = adult().condition("Carcinoma of breast", ClinicalStatus.ACTIVE, "2018-04-01", null,
        coded("malignancy"));
    for (boolean explain : new boolean[] {true, false}) {
      EvaluationContext context = new EvaluationContext(AS_OF.asOf(), explain);
      java.util.function.BiFunction<String, Facts, Truth> exclusion = (sentence, patient) -> RuleEvaluator.evaluate(
          ParserCasesTest.PARSER.parse(sentence, CriterionType.EXCLUSION), PatientIndex.of(patient.build()), context)
          .truth();
      assertThat(exclusion.apply(mi, old)).as("MI of 2015 still listed active").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion.apply(mi, lastMonth)).as("MI last month").isEqualTo(Truth.MET);
      assertThat(exclusion.apply(mi, recentActive)).as("MI last month, active").isEqualTo(Truth.MET);
      assertThat(exclusion.apply(mi, undated)).as("MI without onset").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion.apply(mi, oldAbatedLately)).as("MI of 2015 resolved in the window").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion.apply(mi, straddling)).as("MI in December 2025").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion.apply("Stroke within the past 3 months", adult().condition("Cerebral infarction",
          ClinicalStatus.ACTIVE, "2019-02-01", null, coded("stroke")))).as("stroke of 2019").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion.apply("Malignancy within the past 5 years", cancer)).as("active cancer since 2018")
          .isEqualTo(Truth.MET);
    }
    org.eligo.core.eval.Outcome open = RuleEvaluator.evaluate(
        ParserCasesTest.PARSER.parse(mi, CriterionType.EXCLUSION), PatientIndex.of(undated.build()), AS_OF);
    assertThat(open.questions()).singleElement().asString()
        .contains("without a date: did it occur within the last 6 months?");
    assertThat(org.eligo.core.rule.RuleDescriber.describe(ParserCasesTest.PARSER.parse(mi, CriterionType.EXCLUSION)))
        .contains("that began within the last 6 months");
    // an undated infarction beside one dated only by December 2025: when it occurred is asked, not whether it is current
    Facts undatedAndStraddling = infarction.apply(ClinicalStatus.ACTIVE, new String[] {null, null}).condition(
        "Acute myocardial infarction", ClinicalStatus.ACTIVE, "2025-12", null, coded("myocardial-infarction"));
    org.eligo.core.eval.Outcome mixed = RuleEvaluator.evaluate(ParserCasesTest.PARSER.parse(mi,
        CriterionType.EXCLUSION), PatientIndex.of(undatedAndStraddling.build()), AS_OF);
    assertThat(mixed.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(mixed.questions()).singleElement().asString().doesNotContain("current")
        .contains("began within the last 6 months");
  }


  @Test
  void unstableAnginaAndAcuteCoronarySyndromeAreEventsToo() {
    Facts oldInfarction = adult().condition("Acute myocardial infarction", ClinicalStatus.ACTIVE, "2015-03-10", null,
        coded("myocardial-infarction"));
    Facts recentAngina = adult().condition("Unstable angina", ClinicalStatus.RESOLVED, "2026-04-02", "2026-04-20",
        coded("unstable-angina"));
    for (String sentence : new String[] {"Unstable angina or myocardial infarction within 6 months",
        "Acute coronary syndrome within the past 6 months"}) {
      assertThat(exclusion(sentence, oldInfarction)).as(sentence + ": an infarction of 2015 still listed active")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, recentAngina)).as(sentence + ": unstable angina in April").isEqualTo(Truth.MET);
    }
  }
  @Test
  void anExceptedKindFoundOnlyByItsBroaderNameNeverExceptsTheDiseaseItself() {
    Facts lymphoma = adult().condition("Diffuse large B-cell lymphoma", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("lymphoma"));
    // "Hodgkin lymphoma" was read as "lymphoma": lymphoma except lymphoma, which no patient with lymphoma meets
    assertThat(inclusion("Lymphoma of any type except Hodgkin lymphoma", lymphoma)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Any malignancy except non-melanoma skin cancer", lymphoma)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anExceptionGrantedInAClauseOfItsOwnExcludesThoseOutsideItAndAsksAboutThoseInIt() {
    // read as all of (hepatitis B or C, hepatitis C, question), the exclusion never fired on a patient with hepatitis B
    String sentence = "Active hepatitis B or C infection; patients with cured hepatitis C are eligible";
    assertThat(exclusion(sentence, hypertensive().condition("Chronic viral hepatitis B", ClinicalStatus.ACTIVE,
        "2012-01-01", null, coded("hepatitis-b")))).as("active hepatitis B, no hepatitis C").isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, hypertensive().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2012-01-01",
        null, coded("hepatitis-c")))).as("hepatitis C: whether it is cured as the trial means is asked")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, hypertensive().condition("Chronic hepatitis C", ClinicalStatus.RESOLVED,
        "2010-01-01", "2019-01-01", coded("hepatitis-c")))).as("a cured hepatitis C").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, hypertensive())).as("no hepatitis").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aKindOfTheDiseaseGrantedInAClauseOfItsOwnIsNotCountedAndAnyOtherStillExcludes() {
    for (String sentence : List.of("Prior malignancy; basal cell carcinoma of the skin is allowed",
        "History of malignancy. Patients with adequately treated basal cell carcinoma of the skin are eligible.")) {
      assertThat(exclusion(sentence, lymphoma(adult()))).as("%s: a lymphoma", sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, basalCell(adult()))).as("%s: a basal cell carcinoma only", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, lymphoma(basalCell(adult())))).as("%s: a basal cell carcinoma and a lymphoma",
          sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hypertensive())).as("%s: no malignancy", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  static Facts lymphoma(Facts patient) {
    return patient.condition("Diffuse large B-cell lymphoma", ClinicalStatus.RESOLVED, "2015-01-01", "2016-01-01",
        coded("lymphoma"));
  }

  static Facts basalCell(Facts patient) {
    return patient.condition("Basal cell carcinoma of skin", ClinicalStatus.RESOLVED, "2019-01-01", "2019-06-01",
        coded("basal-cell-carcinoma-of-skin"));
  }

  @Test
  void aDrugGrantedInAClauseOfItsOwnLeavesTheOtherDrugsExcluding() {
    String sentence = "Use of anticoagulants; low-dose aspirin is allowed";
    java.util.function.Supplier<Facts> warfarin = () -> adult().medication("Warfarin 5 mg", "2026-03-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin"));
    assertThat(exclusion(sentence, warfarin.get())).as("on warfarin, no aspirin").isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, warfarin.get().medication("Aspirin", "2026-03-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("aspirin"))))
        .as("on warfarin and aspirin: whether the aspirin is the low dose the grant means is asked")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, adult().medication("Aspirin 75 mg", "2026-03-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("aspirin")))).as("on aspirin only")
        .isEqualTo(Truth.NOT_MET);
    // words that may name another alternative the grant admits: the grant is asked, never required
    assertThat(exclusion("Prior malignancy; patients with basal cell carcinoma or other tumours treated with curative "
        + "intent are eligible", lymphoma(adult()))).as("a lymphoma treated with curative intent?")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anAlternativeWithATimeOfItsOwnIsNotReadInTheWindowWrittenBeforeIt() {
    Facts eltrombopagLastYear = adult().medication("Eltrombopag 50 mg", "2025-01-01", "2025-06-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("eltrombopag"));
    assertThat(inclusion("Treatment with romiplostim within 4 weeks or eltrombopag at any time", eltrombopagLastYear))
        .as("eltrombopag a year ago qualifies").isEqualTo(Truth.MET);
    assertThat(exclusion("Romiplostim within 4 weeks or eltrombopag at any time", eltrombopagLastYear))
        .as("eltrombopag a year ago excludes").isEqualTo(Truth.MET);
    Facts romiplostimLastYear = adult().medication("Romiplostim", "2025-01-01", "2025-06-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("romiplostim"));
    assertThat(exclusion("Romiplostim within 4 weeks or eltrombopag at any time", romiplostimLastYear))
        .as("romiplostim only, a year ago").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGrantAfterAClauseDeniedInTheInclusionListAdmitsOnlyTheKindItNames() {
    String sentence = "No prior malignancy; basal cell carcinoma of the skin is allowed";
    assertThat(inclusion(sentence, lymphoma(adult()))).as("a lymphoma").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, basalCell(adult()))).as("a basal cell carcinoma only").isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, hypertensive())).as("no malignancy").isEqualTo(Truth.MET);
  }

  @Test
  void aDrugAllowedInParenthesesLeavesTheOtherDrugsExcluding() {
    // the allowance had been only a question beside the drugs: a patient on clopidogrel was asked, never excluded
    String sentence = "Antiplatelet therapy (low-dose aspirin is allowed)";
    assertThat(exclusion(sentence, adult().medication("Clopidogrel 75 mg", "2026-03-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("clopidogrel")))).as("on clopidogrel")
        .isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().medication("Aspirin", "2026-03-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("aspirin"))))
        .as("on aspirin, dose not read").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, itpWithoutSplenectomyOrRituximab())).as("on prednisone only")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aTestResultWithATimeOfItsOwnIsNotReadInTheWindowWrittenBeforeIt() {
    Facts hepatitisBYearsAgo = hypertensive().condition("Acute hepatitis B", ClinicalStatus.RESOLVED, "2017-01-01",
        "2018-01-01", coded("hepatitis-b"));
    assertThat(inclusion("Positive HIV test within 6 months or HBsAg positive at any time", hepatitisBYearsAgo))
        .as("hepatitis B years ago qualifies under 'at any time'").isEqualTo(Truth.MET);
    assertThat(exclusion("Rituximab within 6 months or positive HBsAg at any time", hepatitisBYearsAgo))
        .as("hepatitis B years ago excludes under 'at any time'").isEqualTo(Truth.MET);
    Facts viraemic2024 = hypertensive().infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2024-02-10", "hepatitis-c",
        "infection");
    String sentence = "HBsAg positive within the last 3 months, or HCV antibody positive at any time";
    assertThat(exclusion(sentence, viraemic2024)).as("hepatitis C shown two years ago").isEqualTo(Truth.MET);
    Facts hepatitisB2024 = hypertensive().infectionResult("HBsAg: Positive", INFECTED, "2024-02-10", "hepatitis-b",
        "infection");
    assertThat(exclusion(sentence, hepatitisB2024)).as("HBsAg positive only before the window: asked, not excluded")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, hypertensive())).as("neither").isEqualTo(Truth.NOT_MET);
  }

  /** Exclusions that name a current hepatitis, as registries write them. */
  static final List<String> ACTIVE_HEPATITIS_C = List.of("Active hepatitis C infection", "Active HCV",
      "Active HBV or HCV infection", "Active hepatitis B or C infection", "Chronic hepatitis C");

  @Test
  void anHcvAntibodyAloneNeverExcludesUnderActiveHepatitisC() {
    Facts antibodyOnly = hypertensive().infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-05-10", "hepatitis-c",
        "infection");
    Facts antibodyNoDiagnoses = adult().infectionResult("Anti-HCV: Reactive", EXPOSED, "2025-01-10", "hepatitis-c",
        "infection");
    for (String sentence : ACTIVE_HEPATITIS_C) {
      assertThat(exclusion(sentence, antibodyOnly)).as(sentence + ": antibody alone is asked").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, antibodyNoDiagnoses)).as(sentence + ": old antibody, no diagnoses")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aHepatitisCTheResultsShowClearedNeverExcludesUnderActiveHepatitisC() {
    Facts curedRecently = hypertensive()
        .infectionResult("Anti-HCV: Reactive", EXPOSED, "2020-03-01", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2020-03-01", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2026-05-10", "hepatitis-c", "infection");
    Facts curedLongAgo = hypertensive()
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2018-03-01", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2019-05-10", "hepatitis-c", "infection");
    Facts antibodyThenNoRna = hypertensive()
        .infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-04-01", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2026-05-10", "hepatitis-c", "infection");
    // the problem list still says chronic hepatitis C; the RNA since says there is none now
    Facts staleDiagnosis = adult().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01", null,
            coded("hepatitis-c"))
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2026-05-10", "hepatitis-c", "infection");
    for (String sentence : ACTIVE_HEPATITIS_C) {
      assertThat(exclusion(sentence, curedRecently)).as(sentence + ": RNA not detected now").isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, curedLongAgo)).as(sentence + ": cleared years ago").isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, antibodyThenNoRna)).as(sentence + ": antibody, RNA not detected")
          .isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, staleDiagnosis)).as(sentence + ": diagnosis, RNA not detected since")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(exclusion("Active hepatitis C infection", antibodyThenNoRna)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aCurrentHepatitisStillExcludes() {
    Facts viraemic = hypertensive()
        .infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-04-01", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2026-05-10", "hepatitis-c", "infection");
    Facts relapsed = hypertensive()
        .infectionResult("HCV RNA: not detected", NOT_INFECTED, "2024-05-10", "hepatitis-c", "infection")
        .infectionResult("HCV RNA: 250000 IU/mL", INFECTED, "2026-05-10", "hepatitis-c", "infection");
    Facts chronicC = adult().condition("Chronic hepatitis C", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-c"));
    for (String sentence : ACTIVE_HEPATITIS_C) {
      assertThat(exclusion(sentence, viraemic)).as(sentence + ": RNA detectable now").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, relapsed)).as(sentence + ": detectable again").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, chronicC)).as(sentence + ": chronic hepatitis C on record").isEqualTo(Truth.MET);
    }
    Facts hbsag = hypertensive().infectionResult("HBsAg: Positive", INFECTED, "2026-05-10", "hepatitis-b",
        "infection");
    for (String sentence : List.of("Chronic hepatitis B", "Active HBV or HCV infection", "Active hepatitis B")) {
      assertThat(exclusion(sentence, hbsag)).as(sentence + ": HBsAg positive is a current hepatitis B")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void aHepatitisBCoreAntibodyAloneIsPastExposureNotActiveHepatitisB() {
    // what the parser reads from the test's name: anti-HBc alone is asked, HBsAg is the infection
    for (String sentence : List.of("Anti-HBc positive", "Hepatitis B core antibody positive",
        "Positive hepatitis B core antibody (anti-HBc)")) {
      assertThat(exclusion(sentence, hypertensive())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    Facts hbsagCleared = hypertensive()
        .infectionResult("HBsAg: Positive", INFECTED, "2019-05-10", "hepatitis-b", "infection")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-05-10", "hepatitis-b", "infection");
    for (String sentence : List.of("Chronic hepatitis B", "Active HBV or HCV infection", "Active hepatitis B")) {
      assertThat(exclusion(sentence, hbsagCleared)).as(sentence + ": HBsAg lost since").isNotEqualTo(Truth.MET);
    }
    Facts staleHepB = adult().condition("Chronic viral hepatitis B", ClinicalStatus.ACTIVE, "2012-01-01", null,
            coded("hepatitis-b"))
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-05-10", "hepatitis-b", "infection");
    for (String sentence : List.of("Chronic hepatitis B", "Active hepatitis B")) {
      assertThat(exclusion(sentence, staleHepB)).as(sentence + ": diagnosis, HBsAg negative since")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void gmCsfWithinTheWindowExcludesAndGCsfIsNotTakenForIt() {
    String sentence = "G-CSF or GM-CSF within 2 weeks";
    assertThat(exclusion(sentence, adult().medication("Leukine (sargramostim) 250 mcg/m2", "2026-05-25", "2026-05-28",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("sargramostim"))))
        .as("sargramostim 4 days ago").isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().medication("Leukine (sargramostim)", "2026-03-01", "2026-03-05",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("sargramostim"))))
        .as("sargramostim three months ago").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult().medication("Prednisone 10 mg", "2026-05-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("prednisone")))).as("neither")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("GM-CSF within 2 weeks", adult().medication("Filgrastim", "2026-05-25", "2026-05-28",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("filgrastim"))))
        .as("G-CSF is not GM-CSF").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDrugClassWrittenAsAPluralAbbreviationExcludesThoseOnIt() {
    String sentence = "Use of DOACs within 7 days";
    assertThat(exclusion(sentence, adult().medication("Eliquis 5 mg", "2026-05-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("apixaban")))).as("on apixaban")
        .isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().medication("Warfarin 5 mg", "2026-05-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin")))).as("on warfarin, no DOAC")
        .isEqualTo(Truth.NOT_MET);
  }

  static Facts withCondition(String text, String concept) {
    return adult().condition(text, ClinicalStatus.ACTIVE, "2020-01-01", null, coded(concept));
  }

  @Test
  void aNyhaClassIsAskedOfHeartFailureAndNeverExcludesOnTheDiagnosisAlone() {
    for (String sentence : List.of("NYHA class III or IV heart failure",
        "New York Heart Association class III-IV congestive heart failure", "NYHA class III or IV")) {
      assertThat(exclusion(sentence, withCondition("Chronic heart failure", "congestive-heart-failure")))
          .as("heart failure, class not on record: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, withCondition("Essential hypertension", "hypertension")))
          .as("no heart failure: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aChildPughClassIsAskedOfCirrhosisAndNeverExcludesOnTheDiagnosisAlone() {
    for (String sentence : List.of("Child-Pugh class B or C", "Child-Pugh B/C hepatic impairment",
        "Liver cirrhosis Child-Pugh C")) {
      assertThat(exclusion(sentence, withCondition("Alcoholic cirrhosis of liver", "liver-cirrhosis")))
          .as("cirrhosis, class not on record: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, withCondition("Essential hypertension", "hypertension")))
          .as("no cirrhosis: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  static org.eligo.core.eval.Outcome explainedExclusion(String sentence, Facts patient) {
    return RuleEvaluator.evaluate(ParserCasesTest.PARSER.parse(sentence, CriterionType.EXCLUSION),
        PatientIndex.of(patient.build()), AS_OF.explaining());
  }

  @Test
  void aDiseaseWithItsOwnClassIsAskedTheClassAloneAndNotTimedByTheOtherAlternative() {
    String sentence = "Myocardial infarction within 6 months or NYHA class III or IV heart failure";
    Facts heartFailureOldInfarction = withCondition("Chronic heart failure", "congestive-heart-failure")
        .condition("Myocardial infarction", ClinicalStatus.RESOLVED, "2024-05-01", "2024-06-01",
            coded("myocardial-infarction"));
    org.eligo.core.eval.Outcome unknownClass = explainedExclusion(sentence, heartFailureOldInfarction);
    assertThat(unknownClass.truth()).as("heart failure of unknown class, infarction 2 years ago")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(unknownClass.questions()).containsExactly("Is the patient's heart failure NYHA class III or IV?");
    // the heart failure began in 2020: read in the infarction's 6 months, a record that closed it was not asked
    Facts heartFailureSince2020 = adult().condition("Chronic heart failure", ClinicalStatus.UNKNOWN, "2020-01-01",
        null, coded("congestive-heart-failure"));
    assertThat(exclusion(sentence, heartFailureSince2020)).as("heart failure since 2020, status not recorded")
        .isEqualTo(Truth.UNKNOWN);
    Facts recentInfarction = adult().condition("Myocardial infarction", ClinicalStatus.RESOLVED, "2026-04-01",
        "2026-04-10", coded("myocardial-infarction"));
    assertThat(exclusion(sentence, recentInfarction)).as("infarction 2 months ago, no heart failure")
        .isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, adult().condition("Myocardial infarction", ClinicalStatus.RESOLVED, "2024-05-01",
        "2024-06-01", coded("myocardial-infarction")))).as("infarction 2 years ago only").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aSeverityOfOneAlternativeIsNotAskedOfTheOther() {
    String sentence = "Stroke within 3 months or severe heart failure";
    assertThat(exclusion(sentence, adult().condition("Cerebral infarction", ClinicalStatus.RESOLVED, "2026-05-01",
        "2026-05-10", coded("stroke")))).as("stroke a month ago").isEqualTo(Truth.MET);
    org.eligo.core.eval.Outcome heartFailure = explainedExclusion(sentence,
        withCondition("Chronic heart failure", "congestive-heart-failure"));
    assertThat(heartFailure.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(heartFailure.questions()).containsExactly("Is the patient's heart failure severe?");
    assertThat(exclusion("Congestive heart failure, severe arrhythmia",
        withCondition("Chronic heart failure", "congestive-heart-failure")))
        .as("heart failure is named without \"severe\"").isEqualTo(Truth.MET);
  }

  @Test
  void aQualifierAfterTwoInfectionsNeverExcludesOnEitherDiagnosisAloneAndLetsThroughThoseWithNeither() {
    String sentence = "Active hepatitis B or HIV infection with detectable viral load";
    assertThat(exclusion(sentence, withCondition("Chronic hepatitis B", "hepatitis-b")))
        .as("hepatitis B, viral load not on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, withCondition("HIV infection", "hiv-infection")))
        .as("HIV, viral load not on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, withCondition("Essential hypertension", "hypertension")))
        .as("neither infection").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aQualifierBeforeTheFirstAlternativeMayReachTheOthersSoNoneExcludesOnItsDiagnosisAlone() {
    // "severe" before the first name may qualify every name after it: an arrhythmia of unknown severity is a question
    for (String sentence : List.of("Severe heart failure or arrhythmia", "Severe heart failure, arrhythmia or angina",
        "Severe heart failure and/or arrhythmia", "Uncontrolled or severe heart failure or arrhythmia",
        "History of severe heart failure or arrhythmia")) {
      assertThat(exclusion(sentence, withCondition("Atrial fibrillation", "arrhythmia")))
          .as("arrhythmia of unknown severity: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(exclusion("Uncontrolled hypertension or diabetes", withCondition("Type 2 diabetes", "diabetes-mellitus")))
        .as("diabetes, control not recorded").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Uncontrolled seizures or epilepsy", withCondition("Epilepsy", "epilepsy")))
        .as("epilepsy, control not recorded").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Severe heart failure or arrhythmia", withCondition("Essential hypertension", "hypertension")))
        .as("neither").isEqualTo(Truth.NOT_MET);
    // named before the qualifier, a disease is plain: heart failure still excludes outright
    assertThat(exclusion("Heart failure or severe arrhythmia",
        withCondition("Chronic heart failure", "congestive-heart-failure"))).isEqualTo(Truth.MET);
  }

  /**
   * A window written on a heading binds every item under it ("Any of the following within 6 months prior to
   * enrollment:" over "1. Myocardial infarction"): read without it, an infarction of 2010 still listed active excluded
   * the patient. Numbered, lettered, roman and bulleted sub-items, items after the colon, headings that are only a
   * window; an item's own window wins; a window the parser cannot read leaves the items asked, never read as ever.
   */
  @Test
  void aWindowWrittenOnAHeadingBindsEveryItemUnderIt() {
    java.util.function.BiFunction<ClinicalStatus, String[], Facts> infarction = (status, dates) -> adult().condition(
        "Acute myocardial infarction", status, dates[0], dates[1], coded("myocardial-infarction"));
    Facts old = infarction.apply(ClinicalStatus.ACTIVE, new String[] {"2010-03-10", null});
    Facts recent = infarction.apply(ClinicalStatus.ACTIVE, new String[] {"2026-04-01", null});
    String[] texts = {
        "Exclusion Criteria:\n\n* Any of the following within 6 months prior to enrollment:\n\n  1. Myocardial "
            + "infarction\n  2. Stroke\n",
        "Exclusion Criteria:\n\n* History of any of the following within 6 months:\n  - Myocardial infarction\n"
            + "  - Stroke\n",
        "Exclusion Criteria:\n\n* Within 6 months before screening:\n  a) Myocardial infarction\n  b) Stroke\n",
        "Exclusion Criteria:\n\n* The following conditions in the past 6 months:\n  o Myocardial infarction\n"
            + "  o Pulmonary embolism\n",
        "Exclusion Criteria:\n\n* One of the following within 28 weeks before the first dose:\n  i. Myocardial "
            + "infarction\n  ii. Stroke\n",
        "Exclusion Criteria:\n\n* Any of the following during the last year: myocardial infarction; stroke\n",
        "Exclusion Criteria:\n\n* Any of the following in the past 12 months: myocardial infarction, stroke\n",
        "Exclusion Criteria:\n\n* The following conditions in the past 6 months: myocardial infarction; stroke\n"};
    for (String text : texts) {
      assertThat(compiled(text, old).values()).as("an infarction of 2010 still listed active: %s", text)
          .doesNotContain(Truth.MET);
      assertThat(compiled(text, recent).values()).as("an infarction 2 months ago: %s", text).contains(Truth.MET);
    }
    String own = "Exclusion Criteria:\n\n* Any of the following within 12 months:\n  - Stroke\n"
        + "  - Myocardial infarction within 1 month\n";
    assertThat(compiled(own, recent).values()).as("the item's own window wins").doesNotContain(Truth.MET);
    String unreadable = "Exclusion Criteria:\n\n* Any of the following during the screening period:\n"
        + "  - Myocardial infarction\n  - Stroke\n";
    assertThat(compiled(unreadable, old).values()).as("a window not read is asked").containsOnly(Truth.UNKNOWN);
    assertThat(compiled(unreadable, adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01",
        null, coded("hypertension"))).values()).as("none of the items at any time").containsOnly(Truth.NOT_MET);
    String whom = "Exclusion Criteria:\n\n* For patients treated with rituximab within 6 months:\n  - Splenectomy\n";
    assertThat(compiled(whom, adult().procedure("Splenectomy", "2015-02-01", coded("splenectomy"))).values())
        .as("a conditional heading's window says whom, not when: a splenectomy of 2015 still counts")
        .containsOnly(Truth.UNKNOWN);
    String inclusion = "Inclusion Criteria:\n\n* Any of the following within 3 months: stroke; myocardial "
        + "infarction\n";
    assertThat(compiled(inclusion, old).values()).as("an inclusion heading's window is not 'ever'")
        .containsOnly(Truth.NOT_MET);
    assertThat(compiled(inclusion, recent).values()).containsOnly(Truth.MET);
  }

  /** A transient ischaemic attack is an event of its own: named, it counts by its onset; "stroke" alone does not name it. */
  @Test
  void aTransientIschaemicAttackCountsByItsOnsetAndIsNoStroke() {
    Facts threeMonthsAgo = adult().condition("Transient ischemic attack", ClinicalStatus.RESOLVED, "2026-03-01",
        "2026-03-01", coded("transient-ischemic-attack"));
    Facts longAgo = adult().condition("TIA", ClinicalStatus.ACTIVE, "2012-05-01", null,
        coded("transient-ischemic-attack"));
    assertThat(exclusion("Stroke or transient ischemic attack (TIA) within 6 months", threeMonthsAgo))
        .isEqualTo(Truth.MET);
    assertThat(exclusion("Stroke or TIA within 6 months", threeMonthsAgo)).isEqualTo(Truth.MET);
    assertThat(exclusion("Transient ischemic attack within 6 months", longAgo))
        .as("a TIA of 2012 a problem list still marks active").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Stroke within 6 months", threeMonthsAgo)).as("a TIA is not a stroke")
        .isEqualTo(Truth.NOT_MET);
  }

  /**
   * "Patients on dialysis": a dialysis in the last 30 days excludes; the dependence active is asked (DECISIONS §36); a
   * record of other procedures and none of dialysis does not; a record without a single procedure is asked (§24).
   */
  @Test
  void onDialysisIsARecentDialysisOrTheDependenceAndAskedWithoutProcedures() {
    Facts withProblems = adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
    Facts lastWeek = withProblems.procedure("Hemodialysis", "2026-05-25", coded("dialysis"))
        .procedure("Hemodialysis", "2026-05-27", coded("dialysis"));
    Facts otherProcedures = adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension")).procedure("Splenectomy", "2019-04-02", coded("splenectomy"));
    Facts noProcedures = adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
    Facts dependent = adult().condition("Dependence on renal dialysis", ClinicalStatus.ACTIVE, "2021-02-01", null,
        coded("dialysis-dependence")).procedure("Colonoscopy", "2024-01-10");
    for (String sentence : List.of("Patients on dialysis", "Requiring dialysis", "On hemodialysis or peritoneal dialysis",
        "Patients who are dialysis-dependent", "Dialysis-dependent renal failure", "Renal failure requiring dialysis",
        "Kidney failure on hemodialysis")) {
      assertThat(exclusion(sentence, lastWeek)).as("hemodialysis last week: %s", sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, dependent)).as("dependence on dialysis active: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, otherProcedures)).as("other procedures, no dialysis: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, noProcedures)).as("no procedures listed at all: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    Facts longAgo = adult().condition("Acute kidney injury", ClinicalStatus.RESOLVED, "2018-01-01", "2018-03-01")
        .procedure("Hemodialysis", "2018-01-15", coded("dialysis"));
    assertThat(exclusion("Patients on dialysis", longAgo)).as("a dialysis of 2018: is it still going on?")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("History of dialysis", longAgo)).isEqualTo(Truth.MET);
    assertThat(exclusion("History of dialysis", otherProcedures)).isEqualTo(Truth.NOT_MET);
    Truth esrd = exclusion("End-stage renal disease requiring dialysis", adult().condition("End stage renal disease",
        ClinicalStatus.ACTIVE, "2020-01-01", null, coded("end-stage-renal-disease"))
        .procedure("Hemodialysis", "2026-05-29", coded("dialysis")));
    assertThat(esrd).isEqualTo(Truth.MET);
  }

  /**
   * ICD-10-CM Z99.2 is also "Presence of arteriovenous shunt for dialysis": a fistula made before dialysis starts, or
   * the status left on a problem list after a kidney transplant. Read as dialysis, it made such a patient INELIGIBLE
   * under "Patients on dialysis" and failed "Not on dialysis"; alone it is now asked, and a dialysis session in the
   * last 30 days still decides.
   */
  @Test
  void aDependenceOnDialysisAloneIsAskedNotTakenAsDialysis() {
    Facts shunt = adult().condition("Presence of arteriovenous shunt for dialysis", ClinicalStatus.ACTIVE,
        "2026-03-01", null, coded("dialysis-dependence")).procedure("Colonoscopy", "2024-01-10");
    assertThat(exclusion("Patients on dialysis", shunt)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("History of dialysis", shunt)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Not on dialysis", shunt)).isEqualTo(Truth.UNKNOWN);
    Facts dialysed = shunt.procedure("Hemodialysis", "2026-05-27", coded("dialysis"));
    assertThat(exclusion("Patients on dialysis", dialysed)).isEqualTo(Truth.MET);
    assertThat(inclusion("Not on dialysis", dialysed)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWashoutSinceTheLastDosePassesThoseWhoStoppedInTimeAndAsksWhenTheLastDoseIsNotDatedOrOngoing() {
    var completed = org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED;
    for (String sentence : List.of("At least 4 weeks since last dose of rituximab",
        "A washout of at least 4 weeks from prior rituximab", "Last dose of rituximab more than 4 weeks before screening",
        "Patients must be at least 1 month from their last dose of rituximab",
        "Must not have received rituximab within 4 weeks before randomization")) {
      assertThat(inclusion(sentence, adult().medication("Rituximab 375 mg/m2", "2026-01-05", "2026-01-26", completed,
          coded("rituximab")))).as(sentence + ": last dose in January").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().medication("Rituximab 375 mg/m2", "2026-05-04", "2026-05-25", completed,
          coded("rituximab")))).as(sentence + ": last dose a week ago").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult().medication("Rituximab", "2025-11-01", null, completed,
          coded("rituximab")))).as(sentence + ": stopped, no end date").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult().medication("Prednisone 10 mg", "2026-05-01", null,
          org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("prednisone"))))
          .as(sentence + ": never on rituximab").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult())).as(sentence + ": no medications listed").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult().medication("Rituximab 375 mg/m2 every 6 months", "2025-06-01", null,
          org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("rituximab"))))
          .as(sentence + ": listed as ongoing, last dose not dated").isEqualTo(Truth.UNKNOWN);
    }
    assertThat(exclusion("Less than 4 weeks since the last dose of rituximab", adult().medication("Rituximab",
        "2026-05-04", "2026-05-25", completed, coded("rituximab")))).as("in the exclusion list: dosed a week ago")
        .isEqualTo(Truth.MET);
    assertThat(exclusion("Less than 4 weeks since the last dose of rituximab", adult().medication("Rituximab",
        "2026-01-05", "2026-01-26", completed, coded("rituximab")))).as("in the exclusion list: dosed in January")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Patients must not have received rituximab within 6 months", adult().medication("Rituximab",
        "2026-05-04", "2026-05-25", completed, coded("rituximab")))).as("in the exclusion list: the drug it forbids")
        .isEqualTo(Truth.MET);
    assertThat(inclusion("≥ 28 days since the last dose of any anti-CD20 antibody", adult().medication("Rituxan",
        "2026-05-10", "2026-05-20", completed, coded("rituximab")))).as("a drug of the class 12 days ago")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("A washout of at least 2 weeks from prior ATG", adult().medication("Thymoglobulin",
        "2026-01-01", "2026-01-05", completed, coded("rabbit-atg")))).as("in the exclusion list: washed out")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("A washout of at least 2 weeks from prior ATG", adult().medication("Thymoglobulin",
        "2026-05-25", "2026-05-29", completed, coded("rabbit-atg")))).as("in the exclusion list: not washed out, asked")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aSteroidDoseLimitAsksThoseOnTheDrugInTheWindowAndPassesThoseWithout() {
    var active = org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE;
    var completed = org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED;
    for (String sentence : List.of(
        "Systemic corticosteroids (> 10 mg/day prednisone or equivalent) within 14 days prior to enrollment",
        "Prednisone > 20 mg/day within 2 weeks")) {
      assertThat(exclusion(sentence, adult().medication("Prednisone 5 mg daily", "2026-03-01", null, active,
          coded("prednisone")))).as(sentence + ": on 5 mg prednisone, not excluded on a guess").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult().medication("Prednisone 40 mg", "2026-01-01", "2026-02-01", completed,
          coded("prednisone")))).as(sentence + ": stopped in February").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult().medication("Eltrombopag 50 mg", "2026-03-01", null, active,
          coded("eltrombopag")))).as(sentence + ": no steroid").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aPositivePregnancyTestExcludesOnTheRecordedPregnancyAndAsksWhenTheRecordHasNoTest() {
    Facts woman = Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE);
    for (String sentence : List.of("Positive pregnancy test at screening",
        "Positive serum or urine pregnancy test within 7 days of enrollment")) {
      assertThat(exclusion(sentence, woman)).as(sentence + ": no test in the record").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)
          .coded("pregnancy-status", "pregnant", "2026-05-28"))).as(sentence + ": pregnant").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)
          .coded("pregnancy-status", "not-pregnant", "2026-05-28"))).as(sentence + ": negative test")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult())).as(sentence + ": a man").isEqualTo(Truth.NOT_MET);
    }
    String inclusion = "Negative pregnancy test within 72 hours before the first dose (women of childbearing potential)";
    assertThat(inclusion(inclusion, adult())).as("a man").isEqualTo(Truth.MET);
    assertThat(inclusion(inclusion, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)
        .coded("pregnancy-status", "not-pregnant", "2026-05-30"))).as("a negative test").isEqualTo(Truth.MET);
  }

  @Test
  void anAbbreviationTheNextWordMakesSomethingElseTurnsNoOneAway() {
    // PAH deficiency is phenylketonuria: it had required pulmonary hypertension, so a patient without it was turned away
    // a record listing diagnoses, none of them pulmonary hypertension (phenylketonuria has no concept of its own)
    Facts noPulmonaryHypertension = withCondition("Essential hypertension", "hypertension");
    assertThat(inclusion("Diagnosis of PAH deficiency (phenylketonuria)", noPulmonaryHypertension))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Confirmed PAH deficiency", noPulmonaryHypertension)).isEqualTo(Truth.UNKNOWN);
  }

  static Facts onPrednisone() {
    return adult().medication("Prednisone", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("prednisone"));
  }

  @Test
  void aLeadingNotStopsAtAClauseOfItsOwnAfterAnd() {
    String sentence = "Not pregnant and treated with rituximab";
    Facts onRituximab = adult().medication("Rituximab", "2025-01-01", "2025-03-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    assertThat(inclusion(sentence, onRituximab)).as("not pregnant, had rituximab").isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, onPrednisone()))
        .as("never had rituximab (read as not both, admitted)").isEqualTo(Truth.NOT_MET);
    String platelets = "Not receiving anticoagulants and with platelet count ≥ 50 x 10^9/L";
    assertThat(inclusion(platelets, onPrednisone()
        .lab("platelets", 20, "10*9/L", "2026-05-20"))).as("platelets 20, no anticoagulant").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(platelets, onPrednisone()
        .lab("platelets", 120, "10*9/L", "2026-05-20"))).as("platelets 120, no anticoagulant").isEqualTo(Truth.MET);
  }

  @Test
  void wordsAfterAnAlternativeWithItsOwnQualifierAreNotAskedOfTheOthers() {
    String sentence = "Unstable angina or stable angina requiring nitrates";
    assertThat(exclusion(sentence, withCondition("Unstable angina", "unstable-angina")))
        .as("unstable angina (had been asked whether it was stable)").isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, withCondition("Angina pectoris", "angina-pectoris")))
        .as("angina, whether stable and on nitrates not recorded").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, withCondition("Essential hypertension", "hypertension")))
        .as("no angina").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aTransfusionFreeSpanTheTextGivesIsTheOneApplied() {
    String sentence = "Hemoglobin < 10 g/dL in the absence of transfusion for at least 8 weeks";
    Facts transfusedFourWeeksBefore = adult().lab("hemoglobin", 90, "g/L", "2026-05-20")
        .procedure("Red blood cell transfusion", "2026-04-22", coded("red-cell-transfusion"));
    assertThat(inclusion(sentence, transfusedFourWeeksBefore))
        .as("transfused 4 weeks before the result (the 14-day default had counted it)").isEqualTo(Truth.UNKNOWN);
    Facts transfusedTenWeeksBefore = adult().lab("hemoglobin", 90, "g/L", "2026-05-20")
        .procedure("Red blood cell transfusion", "2026-03-11", coded("red-cell-transfusion"));
    assertThat(inclusion(sentence, transfusedTenWeeksBefore)).isEqualTo(Truth.MET);
  }

  @Test
  void aDurationBeforeScreeningIsHowLongTheDrugWasTaken() {
    String sentence = "Patients who have received eculizumab for at least 6 months prior to screening";
    Facts oneMonthTwoYearsAgo = adult().medication("Eculizumab", "2024-03-01", "2024-04-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("eculizumab"));
    assertThat(inclusion(sentence, oneMonthTwoYearsAgo)).as("one month of eculizumab, 2 years ago (had met it)")
        .isEqualTo(Truth.NOT_MET);
    Facts sinceLastYear = adult().medication("Eculizumab", "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("eculizumab"));
    assertThat(inclusion(sentence, sinceLastYear)).as("on eculizumab for 17 months").isEqualTo(Truth.MET);
  }


  @Test
  void anExclusionOnTheLastDoseWithinATimeAsksACourseListedAsOngoingAndExcludesADatedOne() {
    var active = org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE;
    var completed = org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED;
    for (String sentence : List.of("Less than 4 weeks since the last dose of rituximab",
        "Fewer than 28 days since the last dose of romiplostim or eltrombopag")) {
      String drug = sentence.contains("rituximab") ? "rituximab" : "romiplostim";
      assertThat(exclusion(sentence, adult().medication(drug, "2025-09-01", null, active, coded(drug))))
          .as(sentence + ": listed as ongoing since September, the last dose not dated").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult().medication(drug, "2026-05-04", "2026-05-25", completed, coded(drug))))
          .as(sentence + ": last dose a week ago").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult().medication(drug, "2026-01-05", "2026-01-26", completed, coded(drug))))
          .as(sentence + ": last dose in January").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult().medication("Prednisone 10 mg", "2026-05-01", null, active,
          coded("prednisone")))).as(sentence + ": never on it").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void pregnancyOrBreastfeedingBesideAPositiveTestIsReadWhole() {
    Facts man = adult();
    for (String sentence : List.of("Pregnant or breastfeeding or positive pregnancy test",
        "Pregnant, breastfeeding, or positive pregnancy test at screening",
        "Positive pregnancy test or breastfeeding")) {
      assertThat(exclusion(sentence, man)).as(sentence + ": a man").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)
          .coded("lactation-status", "lactating", "2026-05-25"))).as(sentence + ": breastfeeding")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE)
          .coded("pregnancy-status", "not-pregnant", "2026-05-28")
          .coded("lactation-status", "not-lactating", "2026-05-25"))).as(sentence + ": a negative test, not nursing")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void theShorterOfADayWindowAndHalfLivesNeverExcludesOnTheDaysAlone() {
    var completed = org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED;
    Facts dosedInFebruary = adult().medication("Rituximab", "2026-02-02", "2026-02-02", completed, coded("rituximab"));
    assertThat(exclusion("Rituximab within 6 months or 5 half-lives, whichever is shorter", dosedInFebruary))
        .as("dosed 4 months ago: 5 half-lives may have passed").isEqualTo(Truth.UNKNOWN);
    Facts dosedTwoWeeksAgo = adult().medication("Eltrombopag", "2026-01-01", "2026-05-18", completed,
        coded("eltrombopag"));
    assertThat(inclusion("At least 4 weeks or 5 half-lives (whichever is shorter) since the last dose of eltrombopag",
        dosedTwoWeeksAgo)).as("stopped 2 weeks ago: 5 half-lives may have passed").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Rituximab within 6 months or 5 half-lives, whichever is longer", dosedInFebruary))
        .as("whichever is longer: dosed within the 6 months excludes").isEqualTo(Truth.MET);
  }

  @Test
  void aDoseCeilingInTheInclusionListPassesThoseWithoutTheDrugAndAsksThoseOnIt() {
    var active = org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE;
    for (String sentence : List.of("Prednisone dose ≤ 10 mg/day",
        "Corticosteroids up to 20 mg/day prednisone or equivalent")) {
      assertThat(inclusion(sentence, adult().medication("Eltrombopag 50 mg", "2026-03-01", null, active,
          coded("eltrombopag")))).as(sentence + ": no steroid at all").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().medication("Prednisone 5 mg daily", "2026-03-01", null, active,
          coded("prednisone")))).as(sentence + ": on prednisone, the dose asked").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void offADrugForATimeIsAWashoutThatPassesThoseNeverOnIt() {
    var active = org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE;
    var completed = org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED;
    for (String sentence : List.of("Off eltrombopag for at least 4 weeks",
        "Patients must be off romiplostim or eltrombopag for ≥ 28 days prior to enrollment")) {
      assertThat(inclusion(sentence, adult().medication("Prednisone 10 mg", "2026-05-01", null, active,
          coded("prednisone")))).as(sentence + ": never on it").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().medication("Eltrombopag", "2025-06-01", "2026-05-25", completed,
          coded("eltrombopag")))).as(sentence + ": stopped a week ago").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult().medication("Eltrombopag", "2025-06-01", "2026-01-25", completed,
          coded("eltrombopag")))).as(sentence + ": stopped in January").isEqualTo(Truth.MET);
    }
  }


  @Test
  void wordsAfterAQualifiedLastAlternativeStayAskedOfAnUnqualifiedOneBefore() {
    // "requiring more than 3 drugs" may be asked of the diabetes too: a diabetic patient is asked, not excluded
    String sentence = "Diabetes or uncontrolled hypertension requiring more than 3 drugs";
    assertThat(exclusion(sentence, withCondition("Type 2 diabetes mellitus", "diabetes-mellitus")))
        .as("diabetes, treatment not recorded (had been excluded)").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, withCondition("Unstable angina", "unstable-angina")))
        .as("neither").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDeniedSpanBeforeScreeningIsAWashout() {
    // "No eculizumab for at least 6 months prior to screening": none taken in the 6 months before
    for (String sentence : List.of("No eculizumab for at least 6 months prior to screening",
        "No eculizumab for at least 6 months")) {
      deniedSpanIsAWashout(sentence);
    }
  }

  private static void deniedSpanIsAWashout(String sentence) {
    Facts yearLongCourseLongAgo = adult().medication("Eculizumab", "2022-01-01", "2023-01-01",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("eculizumab"));
    assertThat(inclusion(sentence, yearLongCourseLongAgo)).as(sentence
        + ": 12 months of eculizumab, ended 3 years ago (had been excluded)").isEqualTo(Truth.MET);
    Facts twoMonthsNow = adult().medication("Eculizumab", "2026-04-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("eculizumab"));
    assertThat(inclusion(sentence, twoMonthsNow)).as(sentence + ": on eculizumab now, for 2 months (had been admitted)")
        .isNotEqualTo(Truth.MET);
  }

  @Test
  void offADrugForASpanIsAWashout() {
    for (String sentence : List.of("Must be off eculizumab for at least 3 months prior to screening",
        "Patients should be off romiplostim or eltrombopag for ≥ 4 weeks")) {
      assertThat(inclusion(sentence, onPrednisone())).as(sentence + ": never on the drug (had been INELIGIBLE)")
          .isEqualTo(Truth.MET);
    }
    Facts onEculizumab = adult().medication("Eculizumab", "2026-04-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("eculizumab"));
    assertThat(inclusion("Must be off eculizumab for at least 3 months prior to screening", onEculizumab))
        .as("on eculizumab now").isNotEqualTo(Truth.MET);
  }


  /**
   * "The following conditions requiring hospitalization: heart failure; pneumonia" in the exclusion list: the words
   * the heading writes beside its list qualify every item, so a heart failure never hospitalised does not exclude (read
   * as any of the bare items, it did).
   */
  @Test
  void aHeadingListThatQualifiesItsItemsIsNotReadAsTheBareItems() {
    Facts heartFailure = withCondition("Chronic heart failure", "congestive-heart-failure");
    for (String heading : new String[] {"The following conditions requiring hospitalization",
        "The following conditions, if not adequately treated", "The following diseases in the past 6 months requiring "
        + "treatment"}) {
      String text = "Exclusion Criteria:\n\n* " + heading + ": heart failure; pneumonia\n";
      assertThat(compiled(text, heartFailure).values()).as(text).doesNotContain(Truth.MET);
    }
  }

  /**
   * A heading that speaks of what is to come ("Patients who within 6 months will undergo surgery:", "Planned within the
   * next 4 weeks:") dates no past event: a splenectomy 3 months ago does not exclude, and in the inclusion list a
   * patient without one is not ruled out; each item is asked.
   */
  @Test
  void aHeadingAboutWhatIsToComeLendsNoPastWindow() {
    Facts splenectomy = adult().procedure("Splenectomy", "2026-03-01", coded("splenectomy"));
    Facts none = adult().procedure("Bone marrow biopsy", "2026-03-01", coded("bone-marrow-biopsy"));
    String exclusion = "Exclusion Criteria:\n\n* Patients who within 6 months will undergo surgery:\n  - Splenectomy\n";
    assertThat(compiled(exclusion, splenectomy).values()).as("a splenectomy done is not one to come")
        .containsOnly(Truth.UNKNOWN);
    String inclusion = "Inclusion Criteria:\n\n* Planned to undergo within the next 4 weeks:\n  - Splenectomy\n";
    assertThat(compiled(inclusion, none).values()).as("no splenectomy yet may be one planned")
        .containsOnly(Truth.UNKNOWN);
  }

  /**
   * An item under a window heading that says its own time ("Current hepatitis B infection", "HBsAg positive at
   * screening") keeps it; a duration that is no window ("Stroke lasting more than 24 hours") does not keep the heading's
   * window off the item.
   */
  @Test
  void anItemsOwnTimeIsCurrentOrAtScreeningNotAnyDuration() {
    Facts clearedHepatitis = adult().condition("Hepatitis B", ClinicalStatus.RESOLVED, "2025-01-01", "2026-03-01",
        coded("hepatitis-b"));
    String current = "Exclusion Criteria:\n\n* Within 6 months before screening:\n  - Current hepatitis B infection\n";
    assertThat(compiled(current, clearedHepatitis).values()).as("a hepatitis cleared 3 months ago is not current")
        .doesNotContain(Truth.MET);
    Facts oldStroke = adult().condition("Cerebral infarction", ClinicalStatus.ACTIVE, "2010-03-10", null,
        coded("stroke"));
    String lasting = "Exclusion Criteria:\n\n* Within 6 months before screening:\n  - Stroke lasting more than 24 "
        + "hours\n";
    assertThat(compiled(lasting, oldStroke).values()).as("a stroke of 2010 still listed active")
        .doesNotContain(Truth.MET);
  }

  /**
   * A list nested under a window heading ("Within 6 months before screening:" over "Any of the following:" over the
   * diseases) is read with the heading's window: an infarction of 2010 still listed active does not exclude.
   */
  @Test
  void aListNestedUnderAWindowHeadingKeepsTheWindow() {
    String text = "Exclusion Criteria:\n\n* Within 6 months before screening:\n  - Any of the following:\n"
        + "    - Myocardial infarction\n    - Stroke\n";
    Facts old = adult().condition("Acute myocardial infarction", ClinicalStatus.ACTIVE, "2010-03-10", null,
        coded("myocardial-infarction"));
    Facts recent = adult().condition("Acute myocardial infarction", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("myocardial-infarction"));
    assertThat(compiled(text, old).values()).as("an infarction of 2010").doesNotContain(Truth.MET);
    assertThat(compiled(text, recent).values()).as("an infarction 2 months ago").contains(Truth.MET);
  }

  /**
   * "Patients not on dialysis must have creatinine < 2 mg/dL" binds those not on dialysis only: read as "not (on
   * dialysis and creatinine < 2)", a patient on dialysis with a creatinine of 1.5 was ruled out and one off dialysis
   * with a creatinine of 3 was met.
   */
  @Test
  void aRequirementForPatientsNotOnSomethingBindsOnlyThem() {
    String text = "Inclusion Criteria:\n\n* Patients not on dialysis must have creatinine < 2 mg/dL\n";
    Facts onDialysis = adult().procedure("Hemodialysis", "2026-05-20", coded("dialysis"))
        .lab("creatinine", 1.5, "mg/dL", "2026-05-25");
    Facts offDialysis = adult().procedure("Bone marrow biopsy", "2026-03-01", coded("bone-marrow-biopsy"))
        .condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))
        .lab("creatinine", 3.0, "mg/dL", "2026-05-25");
    assertThat(compiled(text, onDialysis).values()).as("on dialysis: not bound").containsOnly(Truth.MET);
    assertThat(compiled(text, offDialysis).values()).as("off dialysis, creatinine 3").containsOnly(Truth.NOT_MET);
  }

  @Test
  void aVenousThromboembolismIsNoArterialEventAndAnArterialEventNoVenousOne() {
    Facts infarction = adult().condition("Acute myocardial infarction", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("myocardial-infarction"));
    Facts dvt = adult().condition("Deep vein thrombosis of left leg", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("deep-vein-thrombosis"));
    Facts embolism = adult().condition("Pulmonary embolism", ClinicalStatus.RESOLVED, "2026-04-15", "2026-05-20",
        coded("pulmonary-embolism"));
    for (String venous : List.of("Venous thromboembolism within the last 6 months",
        "VTE within 3 months prior to enrollment", "Venous thrombosis in the past 6 months",
        "Venous thromboembolic events within 6 months prior to the first dose of study drug")) {
      assertThat(exclusion(venous, infarction)).as(venous + ": an infarction is an arterial event")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(venous, dvt)).as(venous + ": a DVT two months ago").isEqualTo(Truth.MET);
      assertThat(exclusion(venous, embolism)).as(venous + ": a PE six weeks ago").isEqualTo(Truth.MET);
    }
    for (String arterial : List.of("Arterial thromboembolic events within 6 months prior to enrollment",
        "Arterial thrombosis within the past 6 months", "History of arterial thromboembolism within 12 months")) {
      assertThat(exclusion(arterial, dvt)).as(arterial + ": a DVT is a venous event").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(arterial, embolism)).as(arterial + ": a PE is a venous event").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(arterial, infarction)).as(arterial + ": an infarction two months ago").isEqualTo(Truth.MET);
    }
    for (String any : List.of("Thrombosis within the past 6 months",
        "Arterial or venous thromboembolic event within 6 months prior to enrollment")) {
      assertThat(exclusion(any, infarction)).as(any).isEqualTo(Truth.MET);
      assertThat(exclusion(any, dvt)).as(any).isEqualTo(Truth.MET);
    }
  }

  static Facts treated(Facts f, String text, String concept, String start, String end) {
    return f.medication(text, start, end, end == null ? org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE
        : org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded(concept));
  }

  @Test
  void aCountOfPriorTreatmentsIsMetByAsManyFailedOnlyByNoneAndAskedInBetween() {
    // read as every drug named required, a patient given prednisone and IVIG (two of four) failed
    Facts two = treated(treated(adult(), "Prednisone", "prednisone", "2024-01-01", "2024-03-01"), "IVIG", "ivig",
        "2024-02-01", "2024-02-05");
    Facts twoSteroids = treated(treated(adult(), "Prednisone", "prednisone", "2024-01-01", "2024-03-01"),
        "Dexamethasone", "dexamethasone", "2024-05-01", "2024-05-04");
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of(
        "Previously treated with at least two of: corticosteroids, IVIG, rituximab, TPO-RA",
        "Received at least 2 of the following: corticosteroids, IVIG, rituximab or a TPO-RA",
        "Prior exposure to two or more of corticosteroids, IVIG, rituximab and thrombopoietin receptor agonists",
        "Must have received ≥ 2 different agents from: corticosteroids; IVIG; rituximab; TPO-RA")) {
      assertThat(inclusion(sentence, two)).as(sentence + ": two of them").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, twoSteroids)).as(sentence + ": two steroids are one item of the list, "
          + "the record may miss the other").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, other)).as(sentence + ": a medication list with none of them")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult())).as(sentence + ": no medication list").isEqualTo(Truth.UNKNOWN);
    }
    String failed = "Failed at least two of: corticosteroids, IVIG, rituximab";
    assertThat(inclusion(failed, two)).as("failure is a judgement").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(failed, other)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aPatientNaiveToADrugHasNeverTakenIt() {
    Facts onEculizumab = treated(adult(), "Eculizumab", "eculizumab", "2023-01-01", "2023-06-01");
    Facts onEltrombopag = treated(adult(), "Eltrombopag", "eltrombopag", "2025-01-01", null);
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Naive to complement inhibitor therapy", "Eculizumab-naïve",
        "Patients must be treatment-naive to complement inhibitors", "Complement inhibitor naive patients")) {
      assertThat(inclusion(sentence, onEculizumab)).as(sentence + ": took eculizumab").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, other)).as(sentence + ": never took it").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult())).as(sentence + ": no medication list").isEqualTo(Truth.UNKNOWN);
    }
    for (String sentence : List.of("TPO-RA naive", "Naïve to eltrombopag", "Naive to prior TPO-RA treatment")) {
      assertThat(inclusion(sentence, onEltrombopag)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, other)).as(sentence).isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Treatment-naive", other)).as("no treatment named").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aWashoutGivenOnlyInHalfLivesPassesAPatientNeverOnTheDrugAndAsksOneWhoWas() {
    // read as the drug taken at any time beside words not read, a patient never on eltrombopag failed
    Facts onEltrombopag = treated(adult(), "Eltrombopag", "eltrombopag", "2025-01-01", "2026-05-20");
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Washout of 5 half-lives from eltrombopag",
        "Must have discontinued eltrombopag at least 5 half-lives prior to randomization",
        "At least five half-lives since the last dose of any TPO-RA",
        "Eltrombopag must be stopped ≥ 5 half-lives before Day 1")) {
      assertThat(inclusion(sentence, other)).as(sentence + ": never on it").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, onEltrombopag)).as(sentence + ": no half-life is known")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult())).as(sentence + ": no medication list").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void bCellRecoveryWaivesAWashoutItNeverExcludesOnIt() {
    // read as an alternative not understood inside the window, a patient dosed 3 months ago whose B cells recovered
    // failed the inclusion and was excluded; one never on rituximab was only asked
    Facts recent = treated(adult(), "Rituximab", "rituximab", "2026-02-01", "2026-02-22");
    Facts old = treated(adult(), "Rituximab", "rituximab", "2023-01-01", "2023-01-22");
    Facts never = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("No rituximab within 6 months (or B-cell recovery)",
        "At least 6 months since last dose of rituximab or documented B-cell recovery",
        "No anti-CD20 therapy within 6 months prior to screening, or recovery of CD19+ B cells")) {
      assertThat(inclusion(sentence, recent)).as(sentence + ": have the B cells recovered?").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, old)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, never)).as(sentence).isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Rituximab within 6 months (or B-cell recovery)",
        "Anti-CD20 therapy within 6 months prior to Day 1 (or until B-cell recovery)",
        "Treatment with rituximab within 12 months, or until documented B-cell recovery")) {
      assertThat(exclusion(sentence, recent)).as(sentence + ": are the B cells still depleted?")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, old)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, never)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void halfLivesWrittenBeforeTheTimeKeepTheTimeAsTheLeastWashout() {
    // the time after the half-lives was left unread: a dose 7 days ago was only asked
    Facts recent = treated(adult(), "Eltrombopag", "eltrombopag", "2026-03-01", "2026-05-25");
    Facts never = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Received eltrombopag within 5 half-lives or 14 days, whichever is longer",
        "Treatment with eltrombopag within 5 half-lives or 4 weeks (whichever is longer) prior to Day 1",
        "Eltrombopag within five half-lives of the drug or 30 days, whichever is longer, before screening",
        "Treatment with eltrombopag within 4 weeks or 5 half-lives (whichever is longer) prior to Day 1")) {
      assertThat(exclusion(sentence, recent)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, never)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    String inclusion = "Must not have received eltrombopag within 5 half-lives or 14 days, whichever is longer";
    assertThat(inclusion(inclusion, recent)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(inclusion, never)).isEqualTo(Truth.MET);
  }

  @Test
  void aPatientUntreatedWithADrugHasNeverTakenIt() {
    // "untreated" not understood beside the drug: the drug was required, failing every patient never on it
    Facts onEltrombopag = treated(adult(), "Eltrombopag", "eltrombopag", "2025-01-01", null);
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Previously untreated with eltrombopag", "Untreated with any TPO-RA",
        "Patients must be previously untreated with thrombopoietin receptor agonists")) {
      assertThat(inclusion(sentence, onEltrombopag)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, other)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Previously untreated ITP", other)).as("a disease, not a drug").isNotEqualTo(Truth.MET);
  }

  @Test
  void aNaivePatientRestatedInBracketsHasNeverTakenTheDrugs() {
    Facts onEculizumab = treated(adult(), "Eculizumab", "eculizumab", "2023-01-01", "2023-06-01");
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Complement-inhibitor naïve (no prior treatment with eculizumab or ravulizumab)",
        "No prior treatment with a complement inhibitor (complement inhibitor naive)",
        "Treatment-naive (i.e., no prior eculizumab)")) {
      assertThat(inclusion(sentence, onEculizumab)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, other)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aCountOfDifferentAgentsOfAClassIsMetByAsManyDistinctAgents() {
    Facts two = treated(treated(adult(), "Eltrombopag", "eltrombopag", "2024-01-01", "2024-06-01"), "Romiplostim",
        "romiplostim", "2024-07-01", "2025-01-01");
    Facts one = treated(adult(), "Eltrombopag", "eltrombopag", "2024-01-01", "2024-06-01");
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Exposure to at least two different TPO-RAs",
        "Previously treated with ≥ 2 thrombopoietin receptor agonists",
        "Must have received two or more different TPO-RAs")) {
      assertThat(inclusion(sentence, two)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, one)).as(sentence + ": one agent on record").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, other)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    for (String sentence : List.of("Have received at least 1 prior TPO-RA", "Received at least one prior TPO-RA")) {
      assertThat(inclusion(sentence, one)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, other)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aCountOfTreatmentsIncludingAClassIsNotMetByTwoAgentsOfThatClass() {
    // "2 prior treatments including corticosteroids" was read as two different corticosteroids: prednisone then
    // dexamethasone (one line of treatment) met it
    Facts twoCorticosteroids = treated(treated(adult(), "Prednisone", "prednisone", "2024-01-01", "2024-03-01"),
        "Dexamethasone", "dexamethasone", "2024-04-01", "2024-04-05");
    Facts twoTpoRas = treated(treated(adult(), "Eltrombopag", "eltrombopag", "2024-01-01", "2024-06-01"),
        "Romiplostim", "romiplostim", "2024-07-01", "2025-01-01");
    Facts prednisone = treated(adult(), "Prednisone", "prednisone", "2024-01-01", "2024-03-01");
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    for (String sentence : List.of("Received at least 2 prior treatments including corticosteroids",
        "Must have received at least two prior therapies including systemic corticosteroids",
        "Previously treated with 2 or more prior regimens, one of which included corticosteroids")) {
      assertThat(inclusion(sentence, twoCorticosteroids)).as(sentence + ": two corticosteroids, one line")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, prednisone)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, other)).as(sentence + ": no corticosteroid on the list").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    String tpo = "Have received at least 2 prior therapies including a TPO-RA";
    assertThat(inclusion(tpo, twoTpoRas)).as(tpo).isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion(tpo, prednisone)).as(tpo + ": no TPO-RA on the list").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aCountAfterOrIsNotAskedOfTheAlternativeBeforeIt() {
    // asked "Has the patient had at least 2 splenectomy?", a patient with one splenectomy answered no and failed
    Facts splenectomised = treated(adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01",
        null, coded("immune-thrombocytopenia")), "Prednisone", "prednisone", "2020-01-10", "2020-03-01")
        .procedure("Splenectomy", "2022-05-01", coded("splenectomy"))
        .medication("Rituximab", "2021-01-01", "2021-02-01",
            org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("rituximab"));
    for (String sentence : List.of("Prior splenectomy or at least 2 prior medications for ITP",
        "Previous splenectomy, or more than one prior treatment for ITP",
        "Prior rituximab or at least 2 prior therapies for ITP")) {
      org.eligo.core.eval.Outcome o = explained(sentence, CriterionType.INCLUSION, splenectomised);
      assertThat(o.truth()).as(sentence).isNotEqualTo(Truth.NOT_MET);
      assertThat(o.questions()).as(sentence).isNotEmpty().noneMatch(q -> q.matches(
          "(?i).*(?:at least 2|more than one) (?:splenectomy|rituximab).*"));
    }
    assertThat(explained("Prior treatment with more than one JAK inhibitor", CriterionType.INCLUSION,
        treated(adult(), "Ruxolitinib", "ruxolitinib", "2024-01-01", null)).questions())
        .as("a count of what was read is still asked of it").anyMatch(q -> q.contains("more than one JAK inhibitor"));
  }

  @Test
  void aDrugWithinSomeHalfLivesCountsAtAnyTimeNotOnlyNow() {
    // read as taken now, a patient who stopped eculizumab two weeks ago (well within 5 half-lives) was not excluded
    Facts stoppedRecently = treated(adult(), "Eculizumab", "eculizumab", "2024-01-10", "2026-05-18");
    Facts never = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    Facts current = treated(adult(), "Eculizumab", "eculizumab", "2024-01-10", null);
    for (String sentence : List.of("Treatment with eculizumab within 5 half-lives", "Use of eculizumab within 5 "
        + "half-lives", "Eculizumab within the last 5 half-lives", "Treatment with eculizumab within 5 half-lives of "
        + "the first dose")) {
      assertThat(exclusion(sentence, stoppedRecently)).as(sentence + ": stopped two weeks ago")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, current)).as(sentence + ": taking it").isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, never)).as(sentence + ": never on it").isEqualTo(Truth.NOT_MET);
    }
    String inclusion = "No treatment with eculizumab within 5 half-lives";
    assertThat(inclusion(inclusion, stoppedRecently)).as(inclusion + ": stopped two weeks ago")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(inclusion, never)).as(inclusion).isEqualTo(Truth.MET);
  }

  @Test
  void anInlineCountWithoutTheFollowingCountsItsItems() {
    // read as one sentence, every limit was required: a patient meeting two of three failed
    Facts twoOfThree = adult().lab("anc", 0.3, "10*9/L", "2026-05-20").lab("platelets", 15, "10*9/L", "2026-05-20")
        .lab("arc", 80, "10*9/L", "2026-05-20");
    for (String sentence : List.of(
        "At least two of: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L, reticulocytes < 60 x 10^9/L",
        "Two or more of: ANC < 0.5 x 10^9/L; platelets < 20 x 10^9/L; reticulocytes < 60 x 10^9/L",
        "At least 2 of ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L or reticulocytes < 60 x 10^9/L")) {
      assertThat(inclusion(sentence, twoOfThree)).as(sentence).isEqualTo(Truth.MET);
    }
    // a time is no count of agents: still the washout, met by a patient never on rituximab
    Facts other = treated(adult(), "Warfarin", "warfarin", "2020-01-01", null);
    assertThat(inclusion("At least 1 month since the last dose of rituximab", other)).isEqualTo(Truth.MET);
    assertThat(inclusion("At least one week since the last IVIG", other)).isEqualTo(Truth.MET);
  }

  /**
   * "Currently receiving X for at least N" (DECISIONS 96): on the drug now and for the whole span up to now. The
   * "currently" was dropped, so a patient who stopped the drug years ago after a long course met it in the inclusion
   * list and was excluded under it in the exclusion list. As of 2026-06-01.
   */
  @Test
  void onADrugNowForAtLeastASpanNeedsBothTheDrugNowAndTheSpan() {
    List<String[]> sentences = List.of(
        new String[] {"Currently receiving a C5 inhibitor for at least 1 month", "eculizumab"},
        new String[] {"Currently on eltrombopag for ≥ 4 weeks", "eltrombopag"},
        new String[] {"Must be on corticosteroids for at least 2 weeks before enrollment", "prednisone"},
        new String[] {"Subjects receiving ravulizumab for a minimum of 4 weeks", "ravulizumab"},
        new String[] {"Is on romiplostim for at least 4 weeks at screening", "romiplostim"},
        new String[] {"Currently taking cyclosporine for at least 30 days", "cyclosporine"});
    for (String[] sd : sentences) {
      String sentence = sd[0];
      String drug = sd[1];
      Facts onNow = treated(adult(), drug, drug, "2026-04-01", null);
      Facts stoppedLongAgo = treated(adult(), drug, drug, "2023-12-01", "2024-06-01");
      Facts startedLastWeek = treated(adult(), drug, drug, "2026-05-25", null);
      assertThat(inclusion(sentence, onNow)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, stoppedLongAgo)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, startedLastWeek)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult())).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onNow)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, stoppedLongAgo)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  /** Doses given every {@code days} days from {@code first} to {@code last}, each a MedicationAdministration. */
  static Facts doses(Facts f, String drug, String first, String last, int days) {
    for (java.time.LocalDate d = java.time.LocalDate.parse(first); !d.isAfter(java.time.LocalDate.parse(last));
         d = d.plusDays(days)) {
      f.administeredUnits(drug, d.toString(), null, coded(drug));
    }
    return f;
  }

  /**
   * DECISIONS 96 review: a course given as doses one at a time (eculizumab every 2 weeks, ravulizumab every 8 weeks,
   * romiplostim weekly) is a record of the days given, not of the days between. Read as gaps, "Currently receiving
   * eculizumab for at least 3 months" failed a patient on eculizumab every 2 weeks since January. It is asked; a
   * course that began within the span (rituximab weekly for 4 weeks last month) still fails, and so does one stopped
   * in 2024. As of 2026-06-01.
   */
  @Test
  void aCourseGivenAsPeriodicDosesIsAskedNotFailedForItsGaps() {
    String[][] cases = {
        {"Currently receiving eculizumab for at least 3 months", "eculizumab", "2026-01-05", "14"},
        {"Subjects on ravulizumab for a minimum of 3 months prior to screening", "ravulizumab", "2025-12-01", "56"},
        {"Is on romiplostim for at least 4 weeks at screening", "romiplostim", "2026-02-01", "7"},
        {"Patients still on eculizumab for at least 6 months before enrollment", "eculizumab", "2025-10-06", "14"}};
    for (String[] c : cases) {
      // DECISIONS 97: the interval read from the doses covers the days between them: on it for the whole span
      Facts periodic = doses(adult(), c[1], c[2], "2026-05-31", Integer.parseInt(c[3]));
      assertThat(inclusion(c[0], periodic)).as(c[0]).isEqualTo(Truth.MET);
      assertThat(exclusion(c[0], periodic)).as(c[0]).isEqualTo(Truth.MET);
      Facts stopped = doses(adult(), c[1], "2024-01-01", "2024-06-30", Integer.parseInt(c[3]));
      assertThat(inclusion(c[0], stopped)).as(c[0]).isEqualTo(Truth.NOT_MET);
    }
    Facts fourWeekly = doses(adult(), "rituximab", "2026-05-04", "2026-05-25", 7);
    assertThat(inclusion("Currently receiving rituximab for at least 8 weeks", fourWeekly)).isEqualTo(Truth.NOT_MET);
  }

  /**
   * DECISIONS 96 review: "Patients on eculizumab for at least 6 months" says on it now, as "is on" does. Read as a
   * course that long at any time, the exclusion list excluded a patient who stopped in 2024. As of 2026-06-01.
   */
  @Test
  void peopleOnADrugForAtLeastASpanAreOnItNow() {
    List<String[]> sentences = List.of(
        new String[] {"Subjects on ravulizumab for a minimum of 6 weeks prior to screening", "ravulizumab"},
        new String[] {"Patients on eculizumab for at least 6 weeks", "eculizumab"},
        new String[] {"Participants on eltrombopag for ≥ 8 weeks at the time of enrollment", "eltrombopag"});
    for (String[] sd : sentences) {
      Facts onNow = treated(adult(), sd[1], sd[1], "2026-01-05", null);
      Facts stopped = treated(adult(), sd[1], sd[1], "2023-12-01", "2024-06-01");
      assertThat(exclusion(sd[0], stopped)).as(sd[0]).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sd[0], stopped)).as(sd[0]).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sd[0], onNow)).as(sd[0]).isEqualTo(Truth.MET);
      assertThat(exclusion(sd[0], onNow)).as(sd[0]).isEqualTo(Truth.MET);
    }
    // a course in the past stays one: "previously on"
    Facts stopped = treated(adult(), "eculizumab", "eculizumab", "2023-12-01", "2024-06-01");
    assertThat(inclusion("Patients previously on eculizumab for at least 6 weeks", stopped)).isEqualTo(Truth.MET);
  }
  /**
   * DECISIONS 98 review: a name that is a reversal agent when given ("vitamin K", "protamine", "prothrombin complex")
   * also names a substance measured, a gene, a diet or a part of another product. Read as the drug beside unread words,
   * the inclusion list failed every patient never given it ("Normal vitamin K levels" was "took vitamin K and …"), and
   * the exclusion list cleared every such patient of the condition ("Prothrombin complex activity < 70%" was "took PCC
   * now and …"). The patient here has a medication list (eltrombopag), so a drug not taken would be NOT_MET.
   */
  @Test
  void aReversalAgentsNameInsideALabAGeneADietOrAnotherProductIsNotTheDrugTaken() {
    org.eligo.core.patient.MedicationExposure.ExposureStatus active =
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE;
    Facts neverGiven = adult().medication("Eltrombopag 50 mg", "2026-01-01", null, active, coded("eltrombopag"));
    for (String sentence : List.of("Normal vitamin K levels", "Adequate vitamin K status",
        "Vitamin K-dependent coagulation factors (II, VII, IX, X) >= 50% of normal",
        "Plasma levels of vitamin K-dependent proteins C and S within normal range",
        "Vitamin K epoxide reductase complex subunit 1 (VKORC1) genotype available",
        "Stable dietary vitamin K intake for at least 4 weeks", "Adequate vitamin K intake",
        "Serum vitamin K within normal limits", "Prothrombin complex activity >= 70%",
        "Must be on a stable dose of insulin lispro protamine for 3 months",
        "Patients receiving NPH (isophane/protamine) insulin", "Treated with neutral protamine Hagedorn insulin")) {
      assertThat(inclusion(sentence, neverGiven)).as("inclusion: " + sentence).isNotEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Abnormal vitamin K levels", "Low vitamin K status",
        "Vitamin K-dependent coagulation factors (II, VII, IX, X) < 50% of normal",
        "Deficiency of vitamin K-dependent proteins", "Known VKORC1 (vitamin K epoxide reductase) polymorphism",
        "Prothrombin complex activity < 70%", "Prothrombin complex (Quick) < 60%", "Prothrombin complex < 70%",
        "Deficiency of protein C or protein S (vitamin K-dependent anticoagulant proteins)",
        "Treatment with insulin lispro protamine",
        "Use of NPH (isophane/protamine) insulin")) {
      // the condition is asked, never cleared by the absence of a drug the sentence does not name
      assertThat(exclusion(sentence, neverGiven)).as("exclusion: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
    // where the sentence is about giving the agent it is still read, in both lists
    Facts givenVitaminK = adult().medication("Phytonadione 10 mg IV", "2026-05-28", "2026-05-28",
        org.eligo.core.patient.MedicationExposure.ExposureStatus.COMPLETED, coded("phytonadione"));
    assertThat(exclusion("Administration of vitamin K within 7 days prior to randomization", givenVitaminK))
        .isEqualTo(Truth.MET);
    assertThat(exclusion("Administration of vitamin K within 7 days prior to randomization", neverGiven))
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Received protamine sulfate or prothrombin complex concentrate within 30 days", neverGiven))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Received vitamin K supplementation within 30 days", givenVitaminK))
        .isNotEqualTo(Truth.NOT_MET);
    // a steroid-dependent disease still names the steroid taken
    assertThat(exclusion("Steroid-dependent ITP", neverGiven)).isNotEqualTo(Truth.MET);
  }
}
