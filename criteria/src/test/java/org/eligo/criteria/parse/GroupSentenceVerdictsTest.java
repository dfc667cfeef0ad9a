package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.hypertensive;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.onAspirin;
import static org.eligo.criteria.parse.ParsedVerdictsTest.onWarfarin;
import static org.eligo.criteria.parse.ParsedVerdictsTest.withHiv;

import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.testkit.Facts;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.criteria.pass.BroaderDiagnosisPass;
import org.junit.jupiter.api.Test;

/**
 * Sentences whose subject is a group of patients and whose verb says what becomes of them ("… must not be enrolled",
 * "Only … are eligible"), negated requirements ("Patients must not have …"), and group words ("Diabetic patients"):
 * for a patient who has the thing, one who does not, and one whose record says nothing.
 */
class GroupSentenceVerdictsTest {
  private static final String[] DENIALS = {"Patients with HIV must not be enrolled",
      "Patients with HIV should be excluded", "Patients with HIV will be excluded.",
      "Patients with HIV are not allowed to participate in this study", "HIV-positive patients are not eligible",
      "Patients with HIV are ineligible", "Patients with HIV will not be eligible for this trial",
      "Patients with HIV cannot be enrolled in the study"};

  @Test
  void aGroupDeniedInTheExclusionListIsExcludedAndNoOneElse() {
    for (String sentence : DENIALS) {
      assertThat(exclusion(sentence, withHiv())).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hypertensive())).as("%s: no HIV", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult())).as("%s: no diagnoses on record", sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aGroupDeniedInTheInclusionListIsRequiredToBeOutsideIt() {
    for (String sentence : DENIALS) {
      assertThat(inclusion(sentence, withHiv())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hypertensive())).as("%s: no HIV", sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void otherStudiesStayForTheScreeningVisit() {
    for (String sentence : new String[] {"Participation in another clinical trial within 30 days",
        "Patients may not participate in another interventional study",
        "Patients who take part in another study are not eligible"}) {
      assertThat(ParserCasesTest.PARSER.parse(sentence, CriterionType.EXCLUSION)).as(sentence)
          .isInstanceOf(ScreeningConfirmation.class);
    }
  }

  @Test
  void aConditionOnADenialLeavesTheGroupOpenNeverExcludedOnTheGroupAlone() {
    String sentence = "Patients with HIV are excluded unless their viral load is undetectable";
    assertThat(exclusion(sentence, withHiv())).as("viral load not understood").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, hypertensive())).isEqualTo(Truth.NOT_MET);
  }

  static Facts rituximabOn(String start) {
    return hypertensive().medication("Rituximab", start, start, ExposureStatus.COMPLETED, coded("rituximab"));
  }

  @Test
  void aNegatedRequirementInTheExclusionListExcludesWhatItForbids() {
    String sentence = "Patients must not have received rituximab within 6 months";
    assertThat(exclusion(sentence, rituximabOn("2026-04-01"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, rituximabOn("2023-04-01"))).as("three years ago").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, onAspirin())).as("other drugs only").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, rituximabOn("2026-04-01"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, rituximabOn("2023-04-01"))).isEqualTo(Truth.MET);

    Facts hepatitisB = adult().condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hepatitis-b"));
    for (String hbv : new String[] {"Subjects must not have active hepatitis B", "Subjects cannot have active "
        + "hepatitis B", "Patients may not have active hepatitis B"}) {
      assertThat(exclusion(hbv, hepatitisB)).as(hbv).isEqualTo(Truth.MET);
      assertThat(exclusion(hbv, hypertensive())).as("%s: read as written it excluded everyone without it", hbv)
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(hbv, hypertensive())).as(hbv).isEqualTo(Truth.MET);
    }
  }

  @Test
  void mustNotBePregnantExcludesAPregnancyAndAsksWhenItIsNotRecorded() {
    String sentence = "Patients must not be pregnant";
    Facts pregnant = Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE).coded("pregnancy-status", "pregnant",
        "2026-05-25");
    Facts notPregnant = Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE).coded("pregnancy-status",
        "not-pregnant", "2026-05-25");
    assertThat(exclusion(sentence, pregnant)).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, notPregnant)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, notPregnant)).isEqualTo(Truth.MET);
  }

  @Test
  void eligibleBeforeTheSubjectNamesNoGroup() {
    String sentence = "Eligible patients must have ECOG 0-2";
    assertThat(inclusion(sentence, adult().lab("ecog", 1, "{score}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, adult().lab("ecog", 3, "{score}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, adult())).as("no ECOG on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, adult().lab("ecog", 1, "{score}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult().lab("ecog", 3, "{score}", "2026-05-20"))).isEqualTo(Truth.MET);
    String age = "Eligible subjects must be aged 18 years or older";
    assertThat(inclusion(age, adult())).isEqualTo(Truth.MET);
    assertThat(inclusion(age, Facts.patient("c").born("2015-01-01").sex(Sex.MALE))).isEqualTo(Truth.NOT_MET);
  }

  static Facts withDiagnosis(String text, String concept) {
    return adult().condition(text, ClinicalStatus.ACTIVE, "2025-01-01", null, coded(concept));
  }

  @Test
  void onlyTheNamedPatientsAreEligibleRequiresThem() {
    String sentence = "Only patients with severe aplastic anemia are eligible";
    Facts saa = withDiagnosis("Severe aplastic anemia", "severe-aplastic-anemia");
    Facts itp = withDiagnosis("Immune thrombocytopenia", "immune-thrombocytopenia");
    assertThat(inclusion(sentence, saa)).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, itp)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, saa)).as("in the exclusion list it excludes only those without it")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, itp)).isEqualTo(Truth.MET);
    Facts unspecified = withDiagnosis("Aplastic anemia, unspecified", "aplastic-anemia");
    Rule excluded = new BroaderDiagnosisPass(TerminologyLexicon.bundled()).apply(
        ParserCasesTest.PARSER.parse(sentence, CriterionType.EXCLUSION), CriterionType.EXCLUSION);
    assertThat(RuleEvaluator.evaluate(excluded, PatientIndex.of(unspecified.build()), ParsedVerdictsTest.AS_OF)
        .truth()).as("a record less specific asks").isEqualTo(Truth.UNKNOWN);
  }

  static Facts diabetic() {
    return withDiagnosis("Type 2 diabetes mellitus", "diabetes-mellitus");
  }

  @Test
  void aGroupWordThatNamesAConceptBindsOnlyThatGroup() {
    String sentence = "Diabetic patients must have HbA1c < 8%";
    assertThat(inclusion(sentence, hypertensive().lab("hba1c", 9.1, "%", "2026-05-20"))).as("not diabetic")
        .isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, diabetic().lab("hba1c", 7.1, "%", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, diabetic().lab("hba1c", 9.4, "%", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, diabetic())).as("no HbA1c on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, hypertensive().lab("hba1c", 9.1, "%", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, diabetic().lab("hba1c", 9.4, "%", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, diabetic())).isEqualTo(Truth.UNKNOWN);

    String inr = "Anticoagulated patients must have INR < 3";
    assertThat(inclusion(inr, onAspirin().lab("inr", 3.6, "{INR}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(inr, onWarfarin().lab("inr", 3.6, "{INR}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(inr, onAspirin().lab("inr", 3.6, "{INR}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(inr, onWarfarin().lab("inr", 3.6, "{INR}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(exclusion(inr, onWarfarin())).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aGroupWordNotUnderstoodIsAskedNeverExcluded() {
    for (String sentence : new String[] {"Postmenopausal women must have hemoglobin ≥ 10 g/dL",
        "Frail patients must have hemoglobin ≥ 10 g/dL",
        "Transfusion-dependent patients must have ferritin < 1000 ng/mL"}) {
      Facts transfused = adult().lab("hemoglobin", 85, "g/L", "2026-05-20").lab("ferritin", 2400, "ng/mL",
          "2026-05-20").procedure("Red cell transfusion", "2026-05-01", coded("transfusion"));
      assertThat(exclusion(sentence, transfused)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, transfused)).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void anAgeGroupDeniedByItsVerbIsReadAsAnAge() {
    Facts child = Facts.patient("c").born("2015-01-01").sex(Sex.MALE);
    Facts old = Facts.patient("o").born("1940-01-01").sex(Sex.FEMALE);
    assertThat(exclusion("Patients older than 80 years are not eligible", old)).isEqualTo(Truth.MET);
    assertThat(exclusion("Patients older than 80 years are not eligible", adult())).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Patients younger than 18 years are not eligible", child)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Patients younger than 18 years are not eligible", adult())).isEqualTo(Truth.MET);
    assertThat(inclusion("Aged 18 or older", child)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Aged 18 or older", adult())).isEqualTo(Truth.MET);
  }

  @Test
  void needToIsMust() {
    String sentence = "Patients need to have ECOG 0-2";
    assertThat(inclusion(sentence, adult().lab("ecog", 1, "{score}", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, adult().lab("ecog", 3, "{score}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult().lab("ecog", 1, "{score}", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, adult())).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aDrugNotPermittedExcludesThoseOnItAndAsksWhenItIsConcomitant() {
    assertThat(exclusion("Use of warfarin is not permitted", onWarfarin())).isEqualTo(Truth.MET);
    assertThat(exclusion("Use of warfarin is not permitted", onAspirin())).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Use of warfarin is not permitted", onAspirin())).isEqualTo(Truth.MET);
    assertThat(exclusion("Concomitant use of warfarin is not permitted", onWarfarin())).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Concomitant use of warfarin is not permitted", onAspirin())).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior rituximab is not allowed", rituximabOn("2019-01-01"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Splenectomy is not allowed", adult().procedure("Splenectomy", "2012-03-01",
        coded("splenectomy")))).as("a splenectomy long ago is not what it forbids").isNotEqualTo(Truth.MET);
  }

  @Test
  void anExceptionAfterANegatedRequirementNeverTurnsAgainstThePatient() {
    String sentence = "Patients should not have received rituximab within 6 months, unless refractory";
    assertThat(exclusion(sentence, rituximabOn("2026-04-01"))).as("maybe refractory").isNotEqualTo(Truth.MET);
    assertThat(inclusion(sentence, rituximabOn("2026-04-01"))).as("maybe refractory").isNotEqualTo(Truth.NOT_MET);
    String two = "Patients must not have HIV and must have ECOG 0-2";
    assertThat(inclusion(two, withHiv().lab("ecog", 3, "{score}", "2026-05-20"))).isNotEqualTo(Truth.MET);
    assertThat(exclusion("Patients cannot undergo splenectomy", adult().procedure("Splenectomy", "2012-03-01",
        coded("splenectomy")))).as("unable to undergo it, not forbidden to have had it").isNotEqualTo(Truth.MET);
  }

  @Test
  void aQuestionInANegatedRequirementQuotesTheRegistrySentence() {
    String sentence = "Patients must not have received anticoagulants, except low-dose aspirin";
    assertThat(org.eligo.criteria.json.RuleSetJson.toJson(ParserCasesTest.PARSER.parse(sentence,
        CriterionType.INCLUSION)).toString()).doesNotContain("Patients must have received");
  }

  @Test
  void excludedBeforeWhomItExcludes() {
    for (String sentence : new String[] {"Excluded: patients with HIV", "Excluded are patients with HIV",
        "The following patients will be excluded: patients with HIV"}) {
      assertThat(exclusion(sentence, withHiv())).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hypertensive())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hypertensive())).as(sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void aGroupEligibleOnlyIfItMeetsALimitBindsOnlyTheGroup() {
    String sentence = "Patients with HIV are eligible only if CD4 count > 350 cells/uL";
    assertThat(inclusion(sentence, hypertensive().lab("cd4", 210, "/uL", "2026-05-20"))).as("no HIV")
        .isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, withHiv().lab("cd4", 520, "/uL", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, withHiv().lab("cd4", 210, "/uL", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, withHiv())).as("no CD4 on record").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, hypertensive().lab("cd4", 210, "/uL", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, withHiv().lab("cd4", 520, "/uL", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, withHiv().lab("cd4", 210, "/uL", "2026-05-20"))).isEqualTo(Truth.MET);
    assertThat(exclusion(sentence, withHiv())).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void whatAnExceptionNamesIsNeverReadAsWhatExcludes() {
    String sentence = "No prior rituximab unless given more than 12 months ago";
    assertThat(inclusion(sentence, rituximabOn("2026-04-01"))).as("given two months ago: not the exception")
        .isNotEqualTo(Truth.MET);
    assertThat(inclusion(sentence, onAspirin())).as("never on rituximab").isEqualTo(Truth.MET);
    String hiv = "HIV infection unless CD4 count > 350 cells/uL";
    assertThat(exclusion(hiv, withHiv().lab("cd4", 120, "/uL", "2026-05-20")))
        .as("CD4 low: the exception cannot apply, never cleared").isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion(hiv, hypertensive())).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anExceptionThatNamesWhatItNarrowsNeverClearsEveryone() {
    Facts cancer = adult().condition("Malignant neoplasm of lung", ClinicalStatus.ACTIVE, "2025-06-01", null,
        coded("malignancy"));
    assertThat(inclusion("No active malignancy other than non-melanoma skin cancer", cancer))
        .as("read as 'malignancy except malignancy' nothing counted").isNotEqualTo(Truth.MET);
    assertThat(exclusion("Active malignancy other than non-melanoma skin cancer", cancer)).isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Active malignancy other than non-melanoma skin cancer", hypertensive()))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void whatIsNotRequiredNeverExcludesAnyone() {
    Facts keptSpleen = hypertensive();
    for (String sentence : new String[] {"Prior splenectomy is not required",
        "Patients do not need to have had prior splenectomy", "Patients are not required to have had a splenectomy"}) {
      assertThat(inclusion(sentence, keptSpleen)).as(sentence).isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, adult().procedure("Splenectomy", "2012-03-01", coded("splenectomy"))))
          .as(sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void womenMustNotBePregnantExcludesAPregnancyOnly() {
    String sentence = "Women must not be pregnant or breastfeeding";
    assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE).coded("pregnancy-status",
        "pregnant", "2026-05-25"))).isEqualTo(Truth.MET);
    assertThat(inclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE).coded("pregnancy-status",
        "not-pregnant", "2026-05-25"))).isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion(sentence, Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE))).isNotEqualTo(Truth.MET);
  }

  @Test
  void whatANegatedRequirementForbidsKeepsItsTime() {
    String sentence = "Patients must not have any active infection requiring systemic therapy";
    Facts pastPneumonia = adult().condition("Pneumonia", ClinicalStatus.RESOLVED, "2019-01-01", "2019-02-01",
        coded("infection"));
    assertThat(inclusion(sentence, pastPneumonia)).as("an infection cured years ago is not active")
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Patients should not be older than 75 years", adult())).isEqualTo(Truth.MET);
    assertThat(inclusion("Patients should not be older than 75 years", Facts.patient("o").born("1940-01-01")
        .sex(Sex.FEMALE))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGroupWordAloneIsItsConcept() {
    assertThat(exclusion("Anticoagulated patients", onWarfarin())).isEqualTo(Truth.MET);
    assertThat(exclusion("Anticoagulated patients", onAspirin())).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Diabetic patients", diabetic())).isEqualTo(Truth.MET);
    assertThat(exclusion("Diabetic patients", hypertensive())).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGroupNamedByWhatWasDoneBeforeBindsOnlyThoseWhoHadIt() {
    Facts neverOnRituximab = onWarfarin().lab("platelets", 20, "10*9/L", "2026-05-20");
    Facts rituximabBefore = onWarfarin().lab("platelets", 20, "10*9/L", "2026-05-20").medication("Rituximab", "2018-01-01", "2018-02-01",
        ExposureStatus.COMPLETED, coded("rituximab"));
    for (String sentence : new String[] {
        "Participants previously treated with rituximab must have a platelet count ≥ 30 × 10^9/L",
        "Patients who received rituximab must have a platelet count ≥ 30 × 10^9/L"}) {
      assertThat(inclusion(sentence, neverOnRituximab)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, rituximabBefore)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Subjects previously treated with rituximab must have completed therapy at least 6 months "
        + "before enrollment", neverOnRituximab)).as("never on it").isEqualTo(Truth.MET);
    Facts noSplenectomy = adult().procedure("Bone marrow biopsy", "2025-01-01", coded("bone-marrow-biopsy"));
    assertThat(inclusion("Subjects previously splenectomized must have had the splenectomy at least 4 weeks before "
        + "screening", noSplenectomy)).as("no splenectomy").isEqualTo(Truth.MET);
  }
}
