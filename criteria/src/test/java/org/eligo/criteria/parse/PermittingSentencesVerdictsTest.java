package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Sentences that permit, or make a condition, read as permissions and conditions, never as requirements of what they
 * name (DECISIONS §55).
 */
class PermittingSentencesVerdictsTest {
  /** A man of 56 on a statin only: his medication list is there, and holds none of the drugs the sentences name. */
  private static Facts onAStatinOnly() {
    return adult().medication("Atorvastatin 20 mg", "2020-01-01", null, ExposureStatus.ACTIVE);
  }

  private static Facts on(String text, String concept) {
    return adult().medication(text, "2025-01-01", null, ExposureStatus.ACTIVE, coded(concept));
  }

  @Test
  void whatPatientsOnADrugMayContinueIsNeverRequiredWhateverTheyContinue() {
    for (String sentence : List.of("Patients on ibrutinib may continue the study drug",
        "Patients on ibrutinib may continue in the study", "Participants on eltrombopag may continue on study",
        "Subjects taking aspirin may continue to take it", "Patients who take aspirin may continue taking it",
        "Patients currently receiving danazol may continue treatment throughout the study",
        "Subjects treated with hydroxyurea may continue to receive hydroxyurea",
        "Patients receiving hydroxyurea may continue their medication during the study",
        "Patients on danazol may continue study participation")) {
      assertThat(inclusion(sentence, onAStatinOnly())).as(sentence + ": never on the drug (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, on("Ibrutinib 420 mg", "ibrutinib"))).as(sentence + ", in the exclusion list")
          .isNotEqualTo(Truth.MET);
    }
    // the grant's own requirement stays one
    Facts warfarinHighInr = on("Warfarin 5 mg", "warfarin").lab("inr", 3.6, "{INR}", "2026-05-20");
    assertThat(inclusion("Patients on warfarin may continue the study drug but must have INR < 3", warfarinHighInr))
        .as("on warfarin, INR 3.6").isNotEqualTo(Truth.MET);
  }

  @Test
  void whatAGroupMayAlsoHaveIsNeverRequiredNorIsTheGroup() {
    Facts itpOnly = onAStatinOnly().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    Facts aplasticOnly = onAStatinOnly().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("severe-aplastic-anemia"));
    for (String sentence : List.of("Patients with ITP may also have hypertension",
        "Patients with ITP may have received prior rituximab", "Patients with ITP may be on concomitant corticosteroids",
        "Patients with ITP can also have hypothyroidism", "Patients with ITP may have had a splenectomy")) {
      assertThat(inclusion(sentence, itpOnly)).as(sentence + ": ITP, nothing the grant names (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Subjects with aplastic anemia may have concurrent PNH clone",
        "Subjects with SAA may have had prior ATG")) {
      assertThat(inclusion(sentence, aplasticOnly)).as(sentence + ": aplastic anaemia only (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Patients with HIV may also have hepatitis B", adult().condition("Chronic hepatitis B",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hepatitis-b")).condition("HIV infection",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hiv-infection")))).as("a grant excludes no one")
        .isNotEqualTo(Truth.MET);
    // a condition on what is granted still asks the patient it concerns, and passes the one it does not
    String conditional = "Patients with ITP may have received rituximab if completed at least 6 months before screening";
    assertThat(inclusion(conditional, itpOnly)).as("never given rituximab").isEqualTo(Truth.MET);
    assertThat(inclusion(conditional, itpOnly.medication("Rituximab", "2026-04-01", "2026-04-22",
        ExposureStatus.COMPLETED, coded("rituximab")))).as("given rituximab: asked").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aStableDoseWrittenAloneIsAConditionOnThoseWhoTakeTheDrug() {
    for (String sentence : List.of("Stable dose of danazol for ≥ 4 weeks",
        "Stable dose of corticosteroids for at least 2 weeks prior to enrollment",
        "If receiving eltrombopag, stable dose for 4 weeks", "Dose of eltrombopag must be stable for at least 4 weeks",
        "Corticosteroids at a stable dose for at least 4 weeks before screening", "Hydroxyurea dose stable for ≥ 3 months",
        "For patients receiving danazol, stable dose for at least 4 weeks before day 1",
        "If on corticosteroids, the dose must be stable for 2 weeks",
        "Stable dose of prednisone (≤ 10 mg/day) for at least 4 weeks")) {
      assertThat(inclusion(sentence, onAStatinOnly())).as(sentence + ": on none of the drugs (had been NOT_MET)")
          .isEqualTo(Truth.MET);
    }
    // the patient on the drug is asked: no record gives a dose change, and a start date may be a renewed order's
    assertThat(inclusion("Stable dose of danazol for ≥ 4 weeks", on("Danazol 200 mg", "danazol")))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("If on corticosteroids, the dose must be stable for 2 weeks",
        on("Prednisone 5 mg", "prednisone"))).isEqualTo(Truth.UNKNOWN);
    // a past course is no dose taken now
    assertThat(inclusion("Hydroxyurea dose stable for ≥ 3 months", onAStatinOnly().medication("Hydroxyurea",
        "2019-01-01", "2020-01-01", ExposureStatus.COMPLETED, coded("hydroxyurea")))).isEqualTo(Truth.MET);
    // a record without medications decides nothing
    assertThat(inclusion("Stable dose of danazol for ≥ 4 weeks", adult())).isEqualTo(Truth.UNKNOWN);
    // a sentence that says the patient is on the drug still requires it
    assertThat(inclusion("Receiving a stable dose of danazol for at least 4 weeks", onAStatinOnly()))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("On a stable dose of hydroxyurea for at least 3 months", onAStatinOnly()))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aProcedureDuringTheStudyIsOneToComeNeverOneHadYearsAgo() {
    Facts splenectomizedIn2015 = adult().procedure("Laparoscopic splenectomy", "2015-03-01", coded("splenectomy"))
        .procedure("Appendectomy", "2010-01-01");
    Facts transfusedLastYear = adult().procedure("Red blood cell transfusion", "2025-05-01",
        coded("red-cell-transfusion")).procedure("Appendectomy", "2010-01-01");
    for (String sentence : List.of("Splenectomy during the study", "Splenectomy during the study period",
        "Planned splenectomy during the study period", "Splenectomy or HSCT planned during the trial",
        "Anticipated splenectomy", "Anticipated need for HSCT during the trial")) {
      assertThat(exclusion(sentence, splenectomizedIn2015)).as(sentence + ": a splenectomy of 2015 (had been MET)")
          .isNotEqualTo(Truth.MET);
    }
    assertThat(exclusion("Transfusion expected throughout the treatment period", transfusedLastYear))
        .as("a transfusion of 2025").isNotEqualTo(Truth.MET);
    // a procedure had, or had within a time before the study, is still read as had
    assertThat(exclusion("Prior splenectomy", splenectomizedIn2015)).isEqualTo(Truth.MET);
    assertThat(exclusion("Splenectomy before the study", splenectomizedIn2015)).isEqualTo(Truth.MET);
    assertThat(exclusion("Splenectomy during the 6 months before study entry", adult().procedure("Splenectomy",
        "2026-03-01", coded("splenectomy")))).isEqualTo(Truth.MET);
  }

  @Test
  void aLabLimitAfterOrIsAnAlternativeToTheDenialNotAPartOfIt() {
    Facts neverTransfused = onAStatinOnly().procedure("Appendectomy", "2010-01-01")
        .lab("platelets", 80, "10*9/L", "2026-05-20").lab("hemoglobin", 105, "g/L", "2026-05-20");
    Facts transfusedLastWeekLowCounts = onAStatinOnly().procedure("Platelet transfusion", "2026-05-25",
        coded("platelet-transfusion")).procedure("Red cell transfusion", "2026-05-25", coded("red-cell-transfusion"))
        .lab("platelets", 18, "10*9/L", "2026-05-28").lab("hemoglobin", 75, "g/L", "2026-05-28");
    Facts transfusedLastWeekGoodCounts = onAStatinOnly().procedure("Platelet transfusion", "2026-05-25",
        coded("platelet-transfusion")).procedure("Red cell transfusion", "2026-05-25", coded("red-cell-transfusion"))
        .lab("platelets", 80, "10*9/L", "2026-05-28").lab("hemoglobin", 105, "g/L", "2026-05-28");
    for (String sentence : List.of("No transfusion and no IVIG within 2 weeks, or platelets ≥ 30 × 10^9/L",
        "Either no red cell transfusion in the previous 8 weeks or haemoglobin ≥ 9 g/dL",
        "No RBC transfusion within 8 weeks, or hemoglobin ≥ 9 g/dL",
        "No platelet transfusion within 7 days or platelet count ≥ 20 × 10^9/L")) {
      assertThat(inclusion(sentence, neverTransfused)).as(sentence + ": never transfused, counts good (had been "
          + "NOT_MET)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, transfusedLastWeekGoodCounts)).as(sentence + ": transfused, counts good")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, transfusedLastWeekLowCounts)).as(sentence + ": transfused, counts low")
          .isEqualTo(Truth.NOT_MET);
    }
    // a denial read only in part is asked beside the limit: the limit still admits, nothing fails on the unread words
    String partly = "Without transfusion in the past 4 weeks, or Hb ≥ 8 g/dL";
    assertThat(inclusion(partly, neverTransfused)).as("Hb 10.5 (had been NOT_MET)").isEqualTo(Truth.MET);
    assertThat(inclusion(partly, transfusedLastWeekLowCounts)).as("Hb 7.5, transfused").isEqualTo(Truth.UNKNOWN);
    // without "either", a comma or a time the "no" may deny the limit too: left as read
    assertThat(inclusion("No active bleeding or platelet count < 10 × 10^9/L", neverTransfused))
        .isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void aPregnancyDeniedInThePersonWordsLeavesTheAgeRequired() {
    Facts girlOfFive = Facts.patient("g").born("2021-01-01").sex(Sex.FEMALE);
    Facts manOfFiftySix = adult();
    for (String sentence : List.of("Non-pregnant females aged 18 years or older", "Non-lactating women ≥ 18 years",
        "Non-pregnant and non-breastfeeding female patients aged ≥ 18 years",
        "Male or non-pregnant female patients aged 18 years or older", "Males and non-pregnant females ≥ 18 years of age",
        "Non-pregnant women of at least 18 years of age")) {
      assertThat(inclusion(sentence, girlOfFive)).as(sentence + ": a girl of 5 (had been MET)").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, manOfFiftySix)).as(sentence + ": a man of 56").isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Non-pregnant, non-lactating women aged 18 to 45 years", Facts.patient("w").born("1996-01-01")
        .sex(Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05-25"))).as("a woman of 30, not pregnant")
        .isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Non-pregnant females with ITP", manOfFiftySix.condition("Essential hypertension",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension")))).as("hypertension, no ITP (had been MET)")
        .isEqualTo(Truth.NOT_MET);
  }
}
