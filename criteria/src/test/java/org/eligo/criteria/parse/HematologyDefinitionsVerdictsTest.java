package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Hematology disease states written as definitions, durations and counts (DECISIONS §72), applied to realistic
 * patients: a count over an inline list, never read as "all of" it.
 */
class HematologyDefinitionsVerdictsTest {

  static String inclusion(String sentence) {
    return "Inclusion Criteria:\n\n* " + sentence + "\n\nExclusion Criteria:\n\n* Pregnancy\n";
  }

  static String exclusion(String sentence) {
    return "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n* " + sentence + "\n";
  }

  /** Camitta-severe by two of three counts (platelets 10, reticulocytes 30, ANC 0.8); the record codes aplastic anemia. */
  static Facts aplasticTwoOfThreeLow() {
    return adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2026-01-10", null, coded("aplastic-anemia"))
        .lab("anc", 0.8, "10*9/L", "2026-05-20").lab("platelets", 10, "10*9/L", "2026-05-20")
        .lab("arc", 30, "10*9/L", "2026-05-20");
  }

  /** Aplastic anemia, only the platelets low (ANC 0.8, platelets 10, reticulocytes 80). */
  static Facts aplasticOneLow() {
    return adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2026-01-10", null, coded("aplastic-anemia"))
        .lab("anc", 0.8, "10*9/L", "2026-05-20").lab("platelets", 10, "10*9/L", "2026-05-20")
        .lab("arc", 80, "10*9/L", "2026-05-20");
  }

  @Test
  void anInlineCountOverAListIsAtLeastThatManyOfItsItemsNeverAllOfThem() {
    for (String sentence : List.of(
        "Severe aplastic anemia defined by at least two of: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L,"
            + " reticulocytes < 60 x 10^9/L",
        "Two or more of: platelet count < 20 x 10^9/L; ANC < 0.5 x 10^9/L; reticulocytes < 60 x 10^9/L",
        "≥ 2 of the following: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L and reticulocytes < 60 x 10^9/L",
        "Any two of: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L, reticulocytes < 60 x 10^9/L",
        "Meeting 2 of the 3 following criteria: ANC < 500/µL, platelet count < 20,000/µL, absolute reticulocyte"
            + " count < 60,000/µL",
        "SAA, defined as at least 2 of: absolute neutrophil count <500/µL; platelet count <20,000/µL; absolute"
            + " reticulocyte count <60,000/µL",
        "Severe aplastic anemia (at least 2 of: ANC < 500/µL, platelets < 20,000/µL, ARC < 60,000/µL)")) {
      assertThat(compiled(inclusion(sentence), aplasticTwoOfThreeLow()).get("inc-1"))
          .as("two of three counts low: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), aplasticOneLow()).get("inc-1"))
          .as("one of three counts low: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE,
          "2026-01-10", null, coded("aplastic-anemia"))).get("inc-1"))
          .as("no counts on record: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aNameACountDefinesNeedsTheDiseaseOrABroaderOneAndWhatComesBeforeAndIsRequiredBeside() {
    String camitta = "Severe aplastic anemia defined by at least two of: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L,"
        + " reticulocytes < 60 x 10^9/L";
    Facts noAplasticAnemia = adult().lab("anc", 0.3, "10*9/L", "2026-05-20").lab("platelets", 10, "10*9/L",
        "2026-05-20").lab("arc", 30, "10*9/L", "2026-05-20").condition("Essential hypertension",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"));
    assertThat(compiled(inclusion(camitta), noAplasticAnemia).get("inc-1")).as("low counts without aplastic anemia")
        .isEqualTo(Truth.NOT_MET);
    String withMarrow = "Severe aplastic anemia defined by bone marrow cellularity < 25% and at least two of: ANC < 0.5"
        + " x 10^9/L, platelets < 20 x 10^9/L, reticulocytes < 60 x 10^9/L";
    assertThat(compiled(inclusion(withMarrow), aplasticTwoOfThreeLow()).get("inc-1"))
        .as("the marrow not on record").isEqualTo(Truth.UNKNOWN);
    assertThat(compiled(inclusion(withMarrow), aplasticTwoOfThreeLow().lab("marrow-cellularity", 10, "%",
        "2026-05-01")).get("inc-1")).as("hypocellular marrow and two low counts").isEqualTo(Truth.MET);
    String diabetes = "Patients with diabetes and at least two of: myocardial infarction, stroke, heart failure";
    Facts strokeAndInfarction = adult().condition("Stroke", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("stroke")).condition("Old myocardial infarction", ClinicalStatus.ACTIVE, "2019-01-01", null,
        coded("myocardial-infarction"));
    assertThat(compiled(exclusion(diabetes), strokeAndInfarction).get("exc-1"))
        .as("two of the list but no diabetes: never excluded on the list alone").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aCountThatDisagreesWithItsListOrWordsNotReadBeforeItIsAsked() {
    Facts patient = aplasticOneLow();
    for (String sentence : List.of(
        "Meeting 2 of the 4 following criteria: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L, reticulocytes < 60 x"
            + " 10^9/L",
        "Documented persistently at least two of: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L, reticulocytes < 60 x"
            + " 10^9/L",
        "At least four of: ANC < 0.5 x 10^9/L, platelets < 20 x 10^9/L, reticulocytes < 60 x 10^9/L")) {
      assertThat(compiled(inclusion(sentence), patient).get("inc-1")).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  /** Primary ITP with the given onset (null: none recorded), active; the evaluation date is 2026-06-01. */
  static Facts itpSince(String onset) {
    return adult().condition("Primary immune thrombocytopenia", ClinicalStatus.ACTIVE, onset, null,
        coded("primary-immune-thrombocytopenia"));
  }

  @Test
  void aDiseaseHadForAtLeastATimeIsMetByAnOlderOnsetAndAskedWithoutOneOrWithARecentOne() {
    for (String sentence : List.of("ITP for at least 6 months", "Chronic ITP (duration of at least 12 months)",
        "Diagnosis of ITP at least 3 months before screening", "Persistent or chronic primary ITP",
        "Primary ITP with a disease duration of more than 6 months",
        "Immune thrombocytopenia diagnosed at least 6 months prior to enrollment", "Chronic immune thrombocytopenia")) {
      assertThat(compiled(inclusion(sentence), itpSince("2020-03-01")).get("inc-1"))
          .as("ITP since 2020: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), itpSince(null)).get("inc-1"))
          .as("ITP without an onset: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), itpSince("2026-05-10")).get("inc-1"))
          .as("ITP since three weeks: asked, never failed on a problem list's entry date: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), adult().condition("Essential hypertension", ClinicalStatus.ACTIVE,
          "2015-01-01", null, coded("hypertension"))).get("inc-1"))
          .as("no ITP: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(compiled(inclusion("wAIHA diagnosed ≥ 3 months prior"), adult().condition("Warm autoimmune hemolytic"
        + " anemia", ClinicalStatus.ACTIVE, "2025-01-15", null, coded("warm-autoimmune-hemolytic-anemia")))
        .get("inc-1")).as("wAIHA since January 2025").isEqualTo(Truth.MET);
  }

  @Test
  void aNewlyDiagnosedOrPersistentDiseaseIsReadByItsOnset() {
    for (String sentence : List.of("Newly diagnosed ITP (within 3 months of diagnosis)", "Newly diagnosed primary ITP",
        "ITP diagnosed within the last 3 months")) {
      assertThat(compiled(inclusion(sentence), itpSince("2026-04-20")).get("inc-1"))
          .as("ITP since six weeks: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), itpSince("2020-03-01")).get("inc-1"))
          .as("ITP since 2020 is no newly diagnosed ITP: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), itpSince(null)).get("inc-1"))
          .as("ITP without an onset: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
    for (String sentence : List.of("Persistent ITP", "Persistent primary immune thrombocytopenia")) {
      assertThat(compiled(inclusion(sentence), itpSince("2026-01-10")).get("inc-1"))
          .as("ITP since five months: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), itpSince("2020-03-01")).get("inc-1"))
          .as("ITP since 2020 is chronic: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  /** Aplastic anemia with a marrow biopsy on record (the record holds procedures), and what else is given. */
  static Facts withProcedures() {
    return adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2025-01-10", null, coded("aplastic-anemia"))
        .procedure("Bone marrow biopsy", "2025-01-05", coded("bone-marrow-biopsy"));
  }

  @Test
  void aCountOfUnitsInAWindowIsNeverMetOnTransfusionsAloneAndFailsOnlyWhenTheRecordShowsNone() {
    for (String sentence : List.of(
        "Transfusion-dependent anemia, defined as at least 2 units of red blood cells in the 8 weeks before enrollment",
        "RBC transfusion dependence (≥ 4 units in the 8 weeks prior)",
        "Red blood cell transfusion dependence, defined as ≥ 2 RBC transfusions within the past 8 weeks",
        "Transfusion dependence: a minimum of 2 units of packed red blood cells within 8 weeks prior to screening")) {
      assertThat(compiled(inclusion(sentence), withProcedures().procedure("Packed red cell transfusion", "2026-05-15",
          coded("red-cell-transfusion"))).get("inc-1")).as("one transfusion 2 weeks ago, units unknown: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), withProcedures()).get("inc-1"))
          .as("procedures on record, no transfusion: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), withProcedures().procedure("Packed red cell transfusion", "2025-11-15",
          coded("red-cell-transfusion"))).get("inc-1")).as("the last transfusion 6 months ago: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE,
          "2025-01-10", null, coded("aplastic-anemia"))).get("inc-1"))
          .as("no procedures on record: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void transfusionIndependenceIsNoTransfusionInTheWindowAndAnUnnamedKindIsAskedWhenOneIsFound() {
    for (String sentence : List.of("Transfusion-independent for at least 8 weeks",
        "Transfusion independence for the last 8 weeks", "RBC transfusion-independent for ≥ 8 weeks")) {
      assertThat(compiled(inclusion(sentence), withProcedures()).get("inc-1"))
          .as("procedures on record, no transfusion: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), adult()).get("inc-1"))
          .as("no procedures on record: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
    Facts transfused = withProcedures().procedure("Packed red cell transfusion", "2026-05-15",
        coded("red-cell-transfusion"));
    assertThat(compiled(inclusion("RBC transfusion-independent for ≥ 8 weeks"), transfused).get("inc-1"))
        .as("red cells 2 weeks ago").isEqualTo(Truth.NOT_MET);
    assertThat(compiled(inclusion("Transfusion-independent for at least 8 weeks"), transfused).get("inc-1"))
        .as("red cells 2 weeks ago, the kind not named").isEqualTo(Truth.UNKNOWN);
  }
}
