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
 * §55's permitting and conditional sentences reviewed with phrasings its tests did not hold (DECISIONS §61): each
 * family still read as a requirement that failed patients the sentence admits.
 */
class PermittingSentencesReviewVerdictsTest {
  /** A man of 56 on a statin only: his medication list is there, and holds none of the drugs the sentences name. */
  private static Facts onAStatinOnly() {
    return adult().medication("Atorvastatin 20 mg", "2020-01-01", null, ExposureStatus.ACTIVE);
  }

  private static Facts on(String text, String concept) {
    return onAStatinOnly().medication(text, "2025-01-01", null, ExposureStatus.ACTIVE, coded(concept));
  }

  @Test
  void aStableDoseWithItsScaleItsKeepingOrAnIndifferentClauseIsStillAConditionOnThoseWhoTakeTheDrug() {
    for (String sentence : List.of("Stable dose of hydroxyurea for ≥ 3 months is required",
        "A stable dose of hydroxyurea for at least 90 days is required",
        "Stable dose of corticosteroids (≤ 10 mg/day prednisone or equivalent) for ≥ 4 weeks",
        "Stable dose of prednisone ≤ 10 mg/day or equivalent for at least 4 weeks",
        "Concomitant corticosteroids must be at a stable dose for ≥ 2 weeks",
        "Stable hydroxyurea dose for at least 3 months",
        "Stable dose of corticosteroids, with or without other ITP therapy, for ≥ 4 weeks",
        "Stable dose of corticosteroids, regardless of indication, for at least 4 weeks",
        "Stable dose of hydroxyurea for at least 3 months and expected to remain stable throughout the study",
        "Stable dose of hydroxyurea for ≥ 3 months with no planned dose changes during the study",
        "Stable dose of danazol for ≥ 4 weeks before day 1 (dose changes not permitted)",
        "Stable dose of corticosteroids for at least 4 weeks is required and dose must remain unchanged",
        "Stable dose of hydroxyurea for ≥ 3 months and the dose should remain stable during the study")) {
      assertThat(inclusion(sentence, onAStatinOnly())).as(sentence + ": on none of the drugs (had been NOT_MET)")
          .isEqualTo(Truth.MET);
    }
    // the patient on the drug is asked, never failed on the record
    assertThat(inclusion("Stable dose of corticosteroids (≤ 10 mg/day prednisone or equivalent) for ≥ 4 weeks",
        on("Prednisone 5 mg", "prednisone"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Stable hydroxyurea dose for at least 3 months", on("Hydroxyurea 500 mg", "hydroxyurea")))
        .isEqualTo(Truth.UNKNOWN);
    // a record without medications decides nothing
    assertThat(inclusion("Stable dose of hydroxyurea for ≥ 3 months is required", adult())).isEqualTo(Truth.UNKNOWN);
    // a sentence that says the patient is on the drug still requires it, and another need beside it is still one
    assertThat(inclusion("Patients must be on a stable dose of prednisone ≤ 10 mg/day or equivalent", onAStatinOnly()))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Stable dose of danazol for ≥ 4 weeks and platelet count ≥ 30 × 10^9/L",
        onAStatinOnly().lab("platelets", 12, "10*9/L", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGroupNamedWithAParenthesisOrAnIndifferentClauseMayStillBeGrantedWhatFollows() {
    Facts itpOnly = onAStatinOnly().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    Facts aplasticOnly = onAStatinOnly().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("aplastic-anemia"));
    for (String sentence : List.of("Patients with ITP, with or without prior splenectomy, may have received prior "
        + "rituximab", "Patients with ITP, regardless of prior therapy, may also have hypertension",
        "Patients with ITP, with or without prior splenectomy, may be on concomitant corticosteroids")) {
      assertThat(inclusion(sentence, itpOnly)).as(sentence + ": ITP, nothing the grant names (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Subjects with aplastic anemia, with or without PNH clone, may also have hypertension",
        aplasticOnly)).as("aplastic anaemia only (had been NOT_MET)").isNotEqualTo(Truth.NOT_MET);
    // in the exclusion list the group's disease had become an alternative of what is granted: every ITP patient
    assertThat(exclusion("Patients with immune thrombocytopenia (ITP) may also have hypertension", itpOnly))
        .as("a grant excludes no one (had been MET)").isNotEqualTo(Truth.MET);
    // a condition on what is granted still asks the patient it concerns, and passes the one it does not
    String conditional = "Patients with immune thrombocytopenia (ITP) may have received rituximab if completed at "
        + "least 6 months before screening";
    assertThat(inclusion(conditional, itpOnly)).as("never given rituximab").isEqualTo(Truth.MET);
    assertThat(inclusion(conditional, itpOnly.medication("Rituximab", "2026-04-01", "2026-04-22",
        ExposureStatus.COMPLETED, coded("rituximab")))).as("given rituximab: asked").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aProcedureListedWithDrugsDuringTheStudyIsStillOneToCome() {
    Facts splenectomizedIn2015 = onAStatinOnly().procedure("Laparoscopic splenectomy", "2015-03-01",
        coded("splenectomy")).procedure("Appendectomy", "2010-01-01");
    Facts transfusedLastYear = onAStatinOnly().procedure("Red blood cell transfusion", "2025-05-01",
        coded("red-cell-transfusion")).procedure("Appendectomy", "2010-01-01");
    for (String sentence : List.of("Splenectomy or rituximab during the study",
        "Splenectomy, rituximab or other ITP therapy planned during the study",
        "Splenectomy or treatment with eltrombopag during the study period")) {
      assertThat(exclusion(sentence, splenectomizedIn2015)).as(sentence + ": a splenectomy of 2015 (had been MET)")
          .isNotEqualTo(Truth.MET);
    }
    assertThat(exclusion("Transfusion or ESA use during the study", transfusedLastYear)).as("a transfusion of 2025")
        .isNotEqualTo(Truth.MET);
    // the drug keeps its reading (§55), and a procedure had is still had
    assertThat(exclusion("Splenectomy or rituximab during the study", on("Rituximab", "rituximab")))
        .isEqualTo(Truth.MET);
    assertThat(exclusion("Prior splenectomy or rituximab during the study", splenectomizedIn2015))
        .isEqualTo(Truth.MET);
    assertThat(exclusion("Splenectomy or rituximab within 6 months", onAStatinOnly().procedure("Splenectomy",
        "2026-03-01", coded("splenectomy")))).isEqualTo(Truth.MET);
  }

  @Test
  void aLimitAfterOrThatIsReadOnlyInPartIsStillTheDenialsAlternative() {
    Facts neverTransfused = onAStatinOnly().procedure("Appendectomy", "2010-01-01")
        .lab("platelets", 80, "10*9/L", "2026-05-20").lab("hemoglobin", 105, "g/L", "2026-05-20")
        .lab("anc", 2.0, "10*9/L", "2026-05-20");
    Facts transfusedLastWeekLowCounts = onAStatinOnly().procedure("Platelet transfusion", "2026-05-25",
        coded("platelet-transfusion")).procedure("Red cell transfusion", "2026-05-25", coded("red-cell-transfusion"))
        .lab("platelets", 18, "10*9/L", "2026-05-28").lab("hemoglobin", 75, "g/L", "2026-05-28");
    for (String sentence : List.of("No platelet transfusion within 7 days, or platelet count ≥ 20 × 10^9/L, or ANC ≥ 1.0",
        "No RBC transfusion within 8 weeks, or hemoglobin ≥ 9 g/dL, or reticulocytes ≥ 60",
        "No platelet transfusion within 14 days, or platelets ≥ 30 × 10^9/L, or MPV ≥ 10")) {
      assertThat(inclusion(sentence, neverTransfused)).as(sentence + ": never transfused, counts good (had been "
          + "NOT_MET)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, transfusedLastWeekLowCounts)).as(sentence + ": transfused, counts low")
          .isNotEqualTo(Truth.MET);
    }
    Facts onGcsfLowCount = onAStatinOnly().medication("Filgrastim", "2026-05-28", "2026-05-29",
        ExposureStatus.COMPLETED, coded("filgrastim")).lab("anc", 0.8, "10*9/L", "2026-05-30");
    String gcsf = "No G-CSF within 7 days, or ANC ≥ 1.0 × 10^9/L, or WBC ≥ 3";
    assertThat(inclusion(gcsf, neverTransfused)).as("never given G-CSF (had been NOT_MET)").isEqualTo(Truth.MET);
    assertThat(inclusion(gcsf, onGcsfLowCount)).as("G-CSF 3 days ago, ANC 0.8").isNotEqualTo(Truth.MET);
    // another name after "or" is another denied name, never an alternative: a patient given IVIG last week is not
    // admitted
    assertThat(inclusion("No transfusion within 2 weeks, or IVIG ≥ 1 g/kg within 4 weeks", neverTransfused
        .medication("IVIG", "2026-05-25", "2026-05-26", ExposureStatus.COMPLETED, coded("ivig"))))
        .isNotEqualTo(Truth.MET);
    // words after "or" that name no measure may be denied with the rest: asked, as before
    assertThat(inclusion("No infection within 2 weeks, or fever ≥ 38.5", neverTransfused.condition(
        "Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))))
        .as("no infection, temperature not known").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void whatAGroupOnADrugMayContinueToDoIsNeverRequired() {
    for (String sentence : List.of("Patients taking hydroxyurea may continue to do so during the study",
        "Participants on aspirin may continue doing so throughout the trial",
        "Patients on hydroxyurea may continue on hydroxyurea throughout the study",
        "Subjects receiving deferasirox may continue to do so")) {
      assertThat(inclusion(sentence, onAStatinOnly())).as(sentence + ": never on the drug (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, on("Hydroxyurea 500 mg", "hydroxyurea"))).as(sentence + ", in the exclusion list")
          .isNotEqualTo(Truth.MET);
    }
    // the group's own requirement after "but" stays one
    Facts warfarinHighInr = on("Warfarin 5 mg", "warfarin").lab("inr", 3.6, "{INR}", "2026-05-20");
    assertThat(inclusion("Patients on warfarin may continue on warfarin but must have INR < 3", warfarinHighInr))
        .as("on warfarin, INR 3.6").isNotEqualTo(Truth.MET);
  }

  @Test
  void anAgeCeilingAfterAPregnancyDeniedInThePersonWordsIsRequired() {
    Facts girlOfFive = Facts.patient("g").born("2021-01-01").sex(Sex.FEMALE);
    Facts womanOfThirty = Facts.patient("w").born("1996-01-01").sex(Sex.FEMALE)
        .coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts pregnantWomanOfThirty = Facts.patient("w").born("1996-01-01").sex(Sex.FEMALE)
        .coded("pregnancy-status", "pregnant", "2026-05-25");
    for (String sentence : List.of("Non-pregnant female patients under 18 years of age",
        "Non-pregnant females less than 18 years old", "Male or non-pregnant female patients under 18 years of age")) {
      assertThat(inclusion(sentence, womanOfThirty)).as(sentence + ": a woman of 30 (had been MET or asked)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, pregnantWomanOfThirty)).as(sentence + ": a pregnant woman of 30")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, girlOfFive)).as(sentence + ": a girl of 5").isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Non-pregnant females up to 45 years of age", womanOfThirty)).isEqualTo(Truth.MET);
    assertThat(inclusion("Non-pregnant women under 65 with ITP", womanOfThirty.condition("Essential hypertension",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension")))).as("no ITP (had been MET)")
        .isEqualTo(Truth.NOT_MET);
  }
}
