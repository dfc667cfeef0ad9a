package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.AS_OF;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.eligo.criteria.CriteriaCompiler;
import org.junit.jupiter.api.Test;

/**
 * What a criteria list permits or allows is never required (DECISIONS 42): a patient without the permitted drug,
 * procedure or status is never excluded on the permission, in either list; where the permission carries a condition,
 * a patient with what is permitted is asked.
 */
class PermissionVerdictsTest {

  /** On hydroxyurea only, with a problem list and a procedure list that hold nothing the sentences name. */
  static Facts onNothingNamed() {
    return adult().medication("Hydroxyurea 500 mg", "2023-01-01", null, ExposureStatus.ACTIVE, coded("hydroxyurea"))
        .condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))
        .procedure("Bone marrow biopsy", "2025-01-01", coded("bone-marrow-biopsy"));
  }

  static Facts onDrug(String text, String concept) {
    return onNothingNamed().medication(text, "2025-09-01", null, ExposureStatus.ACTIVE, coded(concept));
  }

  static Facts splenectomized() {
    return onNothingNamed().procedure("Laparoscopic splenectomy", "2019-05-01", coded("splenectomy"));
  }

  /** The trial's verdict when its only criterion is the sentence, in the list given. */
  static Verdict alone(String list, String sentence, Facts patient) {
    return TrialEvaluator.decide(CriteriaCompiler.standard().parse("NCT0", list + " Criteria:\n- " + sentence + "\n"),
        PatientIndex.of(patient.build()), AS_OF).verdict();
  }

  @Test
  void aGrantOnAConditionPassesThePatientWithoutTheDrugAndAsksTheOneOnIt() {
    String[][] grants = {
        {"Patients may continue danazol provided the dose has been stable for 4 weeks", "Danazol 200 mg", "danazol"},
        {"Patients may continue danazol but must be on a stable dose for ≥ 4 weeks", "Danazol 200 mg", "danazol"},
        {"Patients may remain on eltrombopag if the dose has been stable for at least 4 weeks prior to screening",
            "Eltrombopag 50 mg", "eltrombopag"},
        {"Subjects receiving concomitant corticosteroids may be enrolled provided the dose is stable",
            "Prednisone 5 mg", "prednisone"},
        {"Concomitant danazol is allowed at a stable dose", "Danazol 200 mg", "danazol"},
        {"Patients on anticoagulants may be enrolled at the investigator's discretion", "Apixaban 5 mg", "apixaban"},
        {"Prior treatment with rituximab is allowed if completed more than 4 weeks before enrollment", "Rituximab",
            "rituximab"},
        {"Patients may have received rituximab but not within 6 months before screening", "Rituximab", "rituximab"}};
    for (String[] g : grants) {
      assertThat(inclusion(g[0], onNothingNamed())).as("never on %s: %s", g[2], g[0]).isEqualTo(Truth.MET);
      assertThat(inclusion(g[0], onDrug(g[1], g[2]))).as("on %s, the condition asked: %s", g[2], g[0])
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(g[0], onDrug(g[1], g[2]))).as("a grant in the exclusion list excludes no one: %s", g[0])
          .isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aProcedurePatientsMayHaveHadIsNeverRequired() {
    for (String sentence : new String[] {"Patients can have had one prior splenectomy",
        "Patients can have had a prior splenectomy (at least 3 months before enrollment)",
        "Patients may have undergone splenectomy",
        "Prior splenectomy is allowed if performed at least 4 weeks before screening"}) {
      assertThat(inclusion(sentence, onNothingNamed())).as("spleen kept: %s", sentence).isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, splenectomized())).as("splenectomized: %s", sentence).isNotEqualTo(Truth.MET);
    }
    assertThat(inclusion("Patients can have had one prior splenectomy", splenectomized()))
        .as("how many splenectomies, asked").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Patients may have received a single dose of IVIG within 2 weeks before screening",
        onNothingNamed())).as("never given IVIG").isEqualTo(Truth.MET);
    assertThat(inclusion("Patients may have received up to 2 prior lines of therapy, including rituximab",
        onNothingNamed())).as("the lines are counted, not rituximab alone").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anyStatusRegardlessOfOrNoExclusionGrantsEveryone() {
    Facts transfused = onNothingNamed().procedure("Transfusion of packed red blood cells", "2026-04-01",
        coded("red-cell-transfusion"));
    for (String sentence : new String[] {"Any transfusion status", "Regardless of transfusion status",
        "Patients are eligible regardless of transfusion status", "Any transfusion status (dependent or independent)"}) {
      assertThat(alone("Inclusion", sentence, onNothingNamed())).as("never transfused: %s", sentence)
          .isEqualTo(Verdict.ELIGIBLE);
      assertThat(alone("Exclusion", sentence, transfused)).as("transfused: %s", sentence).isEqualTo(Verdict.ELIGIBLE);
    }
    for (String sentence : new String[] {"Previous splenectomy is not an exclusion",
        "Prior splenectomy is not exclusionary", "Prior rituximab is not an exclusion criterion",
        "Previous splenectomy is not a contraindication to participation"}) {
      assertThat(alone("Inclusion", sentence, onNothingNamed())).as("nothing asked: %s", sentence)
          .isEqualTo(Verdict.ELIGIBLE);
      assertThat(alone("Exclusion", sentence, splenectomized())).as("nothing asked: %s", sentence)
          .isEqualTo(Verdict.ELIGIBLE);
    }
    assertThat(alone("Inclusion", "HIV infection is not an exclusion if viral load is undetectable", onNothingNamed()))
        .as("a condition on the grant stays asked").isEqualTo(Verdict.NEEDS_INFO);
    assertThat(alone("Inclusion", "Patients are allowed to continue danazol", onNothingNamed()))
        .isEqualTo(Verdict.ELIGIBLE);
    assertThat(alone("Inclusion", "Patients receiving iron chelation may continue", onNothingNamed()))
        .isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aTreatmentNamedAsContraindicatedIsNeverOneThePatientMustAlreadyTake() {
    Facts infected = onNothingNamed().condition("Pneumonia", ClinicalStatus.ACTIVE, "2026-05-20", null,
        coded("infection"));
    for (String sentence : new String[] {"Active infection contraindicating treatment with sirolimus",
        "Active infection that would contraindicate the use of rituximab",
        "Active infection contraindicating cyclosporine or tacrolimus"}) {
      assertThat(exclusion(sentence, infected)).as("infected, not on the drug, asked: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onNothingNamed())).as("no infection: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    for (String sentence : new String[] {"Patients in whom anticoagulation is contraindicated",
        "Patients for whom rituximab is contraindicated", "Any condition contraindicating the use of corticosteroids",
        "Patients in whom treatment with eculizumab is contraindicated"}) {
      assertThat(exclusion(sentence, onNothingNamed())).as("off the drug, the contraindication asked: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(exclusion("Contraindication to rituximab", onNothingNamed())).as("as before").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Concomitant use of strong CYP3A4 inhibitors is contraindicated", onNothingNamed()))
        .as("a drug whose use is contraindicated excludes those taking it; the others pass").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Use of warfarin is contraindicated during the study", onNothingNamed()))
        .isEqualTo(Truth.NOT_MET);
    String needsAntibiotics = "Infection requiring treatment with IV antibiotics within 2 weeks";
    assertThat(exclusion(needsAntibiotics, onNothingNamed())).as("a treatment required stays read")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(needsAntibiotics, infected)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void beingAbleToReceiveATreatmentIsNoHistoryOfIt() {
    for (String sentence : new String[] {"Able to receive rituximab",
        "Patients must be able to receive corticosteroids", "Able to take eltrombopag"}) {
      assertThat(inclusion(sentence, onNothingNamed())).as("never treated: %s", sentence)
          .isNotEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aClauseAfterButThatNamesSomethingElseIsARequirementOfItsOwn() {
    Facts onEltrombopag = onDrug("Eltrombopag 50 mg", "eltrombopag");
    for (String sentence : new String[] {"Patients may have received prior rituximab, but not eltrombopag",
        "Patients may continue corticosteroids but must discontinue eltrombopag 4 weeks before enrollment",
        "Patients can have received romiplostim, but not avatrombopag or eltrombopag"}) {
      assertThat(inclusion(sentence, onEltrombopag)).as("on eltrombopag, never cleared (had been MET): %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Patients may have had a splenectomy but must have received rituximab", onNothingNamed()))
        .as("never given rituximab (had been MET)").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Patients may continue danazol but must have a platelet count below 30 x 10^9/L",
        onNothingNamed())).as("a limit on everyone, no platelet count").isEqualTo(Truth.UNKNOWN);
    // a "but" that conditions the grant alone keeps §42's reading
    for (String sentence : new String[] {"Patients may have received rituximab but not within 6 months before screening",
        "Patients may continue eltrombopag, but must stop it before the first dose"}) {
      assertThat(inclusion(sentence, onNothingNamed())).as("without the drug: %s", sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void beingAbleToTolerateATreatmentIsNoHistoryOfIt() {
    for (String sentence : new String[] {"Able to tolerate corticosteroids",
        "Patients must be able to tolerate eltrombopag", "Must be able and willing to tolerate rituximab infusions"}) {
      assertThat(inclusion(sentence, onNothingNamed())).as("never treated (had been NOT_MET): %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(exclusion("Unable to tolerate corticosteroids", onNothingNamed()))
        .as("in the exclusion list an intolerance needs the drug taken, as before").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void beingAbleToReceiveATreatmentWrittenWithAnAdverbOrARouteIsNoHistoryOfIt() {
    for (String sentence : new String[] {"Able to safely receive rituximab", "Able to receive and tolerate IVIG",
        "Patients must be able to receive oral eltrombopag", "Considered able to safely undergo HSCT",
        "Able to physically tolerate rituximab infusions"}) {
      assertThat(inclusion(sentence, onNothingNamed())).as("never treated (had been NOT_MET): %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aGrantOfADiseaseOnAConditionAsksOnlyThePatientWithTheDisease() {
    Facts hivCd4150 = onNothingNamed().condition("HIV disease", ClinicalStatus.ACTIVE, "2011-01-01", null,
        coded("hiv-infection")).lab("cd4", 150, "/uL", "2026-05-20");
    for (String sentence : new String[] {"Patients with HIV are eligible but must have CD4 > 200",
        "HIV-positive patients are eligible but CD4 must be > 350", "Patients with HIV are eligible if CD4 > 200",
        "Patients with HIV are eligible, but must be on antiretroviral therapy"}) {
      assertThat(alone("Inclusion", sentence, hivCd4150)).as("HIV, CD4 150 (had been ELIGIBLE unasked): %s", sentence)
          .isEqualTo(Verdict.NEEDS_INFO);
      assertThat(alone("Inclusion", sentence, onNothingNamed())).as("without HIV: %s", sentence)
          .isEqualTo(Verdict.ELIGIBLE);
    }
    Facts ttp = onNothingNamed().condition("Immune TTP", ClinicalStatus.ACTIVE, "2025-01-01", null, coded("immune-ttp"));
    String remission = "Patients with a history of TTP are eligible but must be in remission";
    assertThat(alone("Inclusion", remission, ttp)).as("active TTP (had been ELIGIBLE unasked)")
        .isEqualTo(Verdict.NEEDS_INFO);
    assertThat(alone("Inclusion", remission, onNothingNamed())).isEqualTo(Verdict.ELIGIBLE);
    // in the exclusion list a grant stays a screening note (DECISIONS 42)
    assertThat(exclusion("Patients with HIV are eligible if CD4 > 200", hivCd4150)).isNotEqualTo(Truth.MET);
  }

  @Test
  void aDiseasePatientsMayHaveIsNeverRequired() {
    for (String sentence : new String[] {"Patients may have HIV infection", "Patients may have a history of DVT",
        "Patients may also have autoimmune hemolytic anemia", "Subjects can have diabetes"}) {
      assertThat(alone("Inclusion", sentence, onNothingNamed())).as("without it (had been INELIGIBLE): %s", sentence)
          .isEqualTo(Verdict.ELIGIBLE);
    }
    Facts hbv = onNothingNamed().condition("Chronic viral hepatitis B", ClinicalStatus.ACTIVE, "2012-01-01", null,
        coded("hepatitis-b"));
    String onTherapy = "Subjects may have hepatitis B if on antiviral therapy";
    assertThat(alone("Inclusion", onTherapy, hbv)).as("hepatitis B, the condition asked")
        .isEqualTo(Verdict.NEEDS_INFO);
    assertThat(alone("Inclusion", onTherapy, onNothingNamed())).as("without it").isEqualTo(Verdict.ELIGIBLE);
    assertThat(inclusion("Patients may have ITP but not TTP", onNothingNamed()))
        .as("the 'but' names another disease: asked (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aContraindicationWrittenAsAnAlternativeIsAskedOfEveryone() {
    Facts onPrednisone = onDrug("Prednisone 10 mg", "prednisone");
    for (String sentence : new String[] {"Active infection, or any condition contraindicating sirolimus or tacrolimus",
        "Uncontrolled diabetes, or any other condition that would contraindicate corticosteroids",
        "HIV, hepatitis B, or any contraindication to rituximab",
        "Active infection or other condition contraindicating rituximab"}) {
      assertThat(exclusion(sentence, onNothingNamed())).as("the contraindication asked (had been NOT_MET): %s",
          sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onPrednisone)).as("never cleared unasked: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
    // the contraindication as what the disease does keeps §42's reading: no disease, no contraindication
    assertThat(exclusion("Active infection contraindicating treatment with sirolimus", onNothingNamed()))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aClauseAfterButBehindTheGrantsConditionIsARequirementOfItsOwnToo() {
    for (String sentence : new String[] {
        "Patients may have received rituximab, provided the last dose was more than 6 months ago, but not eltrombopag",
        "Patients may continue corticosteroids if the dose is stable, but must not be on eltrombopag",
        "Patients may continue danazol at a stable dose, but not eltrombopag"}) {
      assertThat(inclusion(sentence, onDrug("Eltrombopag 50 mg", "eltrombopag")))
          .as("on eltrombopag, never cleared (had been MET): %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
    Facts transplanted = onNothingNamed().procedure("Allogeneic HSCT", "2020-04-01",
        coded("hematopoietic-stem-cell-transplantation"));
    assertThat(inclusion("Patients can have had prior splenectomy if at least 3 months before, but not HSCT",
        transplanted)).as("transplanted (had been MET)").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aGrantFollowedByButNeverRequiresWhatItGrants() {
    for (String sentence : new String[] {
        "Patients with prior rituximab are eligible, but patients on eltrombopag are excluded",
        "Patients may continue corticosteroids, but the dose of prednisone must be stable",
        "Patients who have received rituximab are eligible, but those who received eltrombopag within 4 weeks are not"}) {
      assertThat(inclusion(sentence, onNothingNamed())).as("given neither, asked (had been NOT_MET): %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, onDrug("Eltrombopag 50 mg", "eltrombopag"))).as("on eltrombopag: %s", sentence)
          .isNotEqualTo(Truth.MET);
    }
    assertThat(inclusion("Prior splenectomy is allowed, but not within 3 months of screening", onNothingNamed()))
        .as("a 'but' about what is granted conditions the grant").isEqualTo(Truth.MET);
    assertThat(inclusion("Prior splenectomy is allowed, but not within 3 months of screening", splenectomized()))
        .isEqualTo(Truth.UNKNOWN);
  }
}
