package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.datNegative;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.exclusion;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.iggPositive;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.inclusion;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.waiha;
import static org.eligo.criteria.parse.HemolysisMarkersVerdictsTest.haptoglobinLow;
import static org.eligo.criteria.parse.HemolysisMarkersVerdictsTest.ldhHighOnly;
import static org.eligo.criteria.parse.HemolysisMarkersVerdictsTest.noHemolysis;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * The two wrong readings the §86 review left (DECISIONS §86 amendment): examples that illustrate a cause of the thing
 * named are no alternatives to it, and a "no" before a bracket of limits is asked rather than read over part of it.
 */
class CauseExamplesAndNegatedDefinitionVerdictsTest {

  /** IVIG given two weeks before the check (2026-06-01). */
  private static Facts withIvig(Facts patient) {
    return patient.medication("IVIG 1 g/kg", "2026-05-15", "2026-05-16", ExposureStatus.COMPLETED, coded("ivig"));
  }

  @Test
  void examplesOfACauseAreNoAlternativesToTheThingNamed() {
    for (String sentence : List.of("Positive DAT from passive antibody (e.g., IVIG within 4 weeks)",
        "Positive DAT attributable to recent treatment (i.e., IVIG within 4 weeks)",
        "Positive direct antiglobulin test due to passive antibody, such as IVIG within the last 4 weeks",
        "Positive direct Coombs test caused by passively acquired antibody (for example, IVIG in the past 4 weeks)")) {
      // read with the example as an alternative, IVIG within 4 weeks excluded her whatever her DAT (had been MET)
      assertThat(compiled(exclusion(sentence), withIvig(datNegative())).get("exc-1"))
          .as("DAT negative, IVIG two weeks ago: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(exclusion(sentence), withIvig(iggPositive())).get("exc-1"))
          .as("DAT positive, IVIG two weeks ago (not cleared): %s", sentence).isNotEqualTo(Truth.NOT_MET);
      assertThat(compiled(exclusion(sentence), waiha()).get("exc-1")).as("no DAT, no IVIG: %s", sentence)
          .isNotEqualTo(Truth.MET);
    }
    Facts lymphomaWithoutAiha = adult().condition("Diffuse large B-cell lymphoma", ClinicalStatus.ACTIVE,
        "2025-01-01", null, coded("lymphoma"));
    Facts aihaWithLymphoma = waiha().condition("Diffuse large B-cell lymphoma", ClinicalStatus.ACTIVE, "2025-01-01",
        null, coded("lymphoma"));
    for (String sentence : List.of("Secondary AIHA (e.g., due to lymphoma or SLE)",
        "AIHA secondary to other diseases (e.g., lymphoma, SLE)",
        "Autoimmune hemolytic anemia due to an underlying disorder such as lymphoma or systemic lupus erythematosus")) {
      // the examples read as alternatives to the anaemia: lymphoma alone had left her asked
      assertThat(compiled(exclusion(sentence), lymphomaWithoutAiha).get("exc-1"))
          .as("lymphoma, no AIHA: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(exclusion(sentence), aihaWithLymphoma).get("exc-1"))
          .as("AIHA and lymphoma (not cleared): %s", sentence).isNotEqualTo(Truth.NOT_MET);
    }
    Facts onHeparin = adult().medication("Enoxaparin 40 mg daily", "2026-05-01", null, ExposureStatus.ACTIVE,
        coded("heparin"));
    for (String sentence : List.of("Thrombocytopenia due to other causes (e.g., heparin, infection)",
        "Thrombocytopenia caused by drugs (e.g., heparin)", "Hemolysis from other causes (such as G6PD deficiency, drugs)")) {
      assertThat(compiled(exclusion(sentence), onHeparin).get("exc-1")).as("on heparin: %s", sentence)
          .isNotEqualTo(Truth.MET);
    }
    // examples that are kinds of the thing named stay alternatives: "Active infection (e.g., HIV, hepatitis B)"
    Facts hiv = adult().condition("HIV infection", ClinicalStatus.ACTIVE, "2026-05-20", null, coded("hiv-infection"));
    assertThat(compiled(exclusion("Active infection (e.g., HIV, hepatitis B)"), hiv).get("exc-1")).as("HIV")
        .isEqualTo(Truth.MET);
  }

  @Test
  void aNoBeforeABracketOfLimitsIsAskedNeverReadOverPartOfIt() {
    for (String sentence : List.of("No evidence of hemolysis (haptoglobin ≥ LLN and LDH ≤ ULN)",
        "No signs of hemolysis (haptoglobin ≥ LLN and LDH ≤ 1.5 × ULN)",
        "Without laboratory evidence of hemolysis (LDH ≤ ULN and haptoglobin ≥ LLN)",
        "No evidence of active hemolysis (e.g., haptoglobin ≥ LLN, LDH ≤ ULN)")) {
      // the "no" over the unread word and the first limit only: a low haptoglobin (or high LDH) met it
      assertThat(compiled(inclusion(sentence), haptoglobinLow()).get("inc-1")).as("haptoglobin low: %s", sentence)
          .isNotEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), ldhHighOnly()).get("inc-1")).as("LDH high: %s", sentence)
          .isNotEqualTo(Truth.MET);
      // the "no" over the examples: a patient with normal markers failed
      assertThat(compiled(inclusion(sentence), noHemolysis()).get("inc-1")).as("all normal: %s", sentence)
          .isNotEqualTo(Truth.NOT_MET);
    }
    // the mirrored exclusion, with no "no", keeps its markers: any of them
    String evidence = "Evidence of hemolysis (haptoglobin < LLN or LDH > ULN)";
    assertThat(compiled(exclusion(evidence), noHemolysis()).get("exc-1")).as("all normal").isEqualTo(Truth.NOT_MET);
    assertThat(compiled(exclusion(evidence), haptoglobinLow()).get("exc-1")).as("haptoglobin low")
        .isEqualTo(Truth.MET);
    assertThat(compiled(exclusion(evidence), ldhHighOnly()).get("exc-1")).as("LDH high").isEqualTo(Truth.MET);
  }

  /**
   * Review of the amendment: "from any cause" names no cause (the examples are kinds of the thing named), and "from"
   * after a time ("within 14 days from the first dose") is no cause at all; read as causes, the examples were dropped
   * and a patient with one of them passed the exclusion unasked.
   */
  @Test
  void anyCauseAndAFromOfTimeKeepTheExamples() {
    Facts hemorrhage = adult().condition("Intracerebral hemorrhage", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("intracranial-hemorrhage"));
    for (String sentence : List.of(
        "Cerebrovascular accident from any cause (e.g., intracerebral hemorrhage, ischemic stroke) within 6 months",
        "Stroke due to any cause (e.g., intracranial hemorrhage or cerebral infarction) within the past 6 months",
        "Stroke of any etiology, secondary to any cause (such as intracranial hemorrhage), in the last 6 months")) {
      assertThat(compiled(exclusion(sentence), hemorrhage).get("exc-1")).as("hemorrhage 2 months ago: %s", sentence)
          .isNotEqualTo(Truth.NOT_MET);
    }
    Facts epilepsy = adult().condition("Epilepsy", ClinicalStatus.ACTIVE, "2026-01-01", null, coded("epilepsy"));
    assertThat(compiled(exclusion("Seizures from any cause (e.g., epilepsy) within 12 months"), epilepsy).get("exc-1"))
        .as("epilepsy").isNotEqualTo(Truth.NOT_MET);
    assertThat(compiled(inclusion("No stroke from any cause (e.g., hemorrhagic stroke)"), hemorrhage).get("inc-1"))
        .as("denied, hemorrhage").isNotEqualTo(Truth.MET);
    // "from" of a time: an example the record cannot hold is asked, never set aside
    Facts otherDrug = adult().medication("Rituximab 375 mg/m2", "2024-01-01", "2024-02-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    for (String sentence : List.of("Prior anti-CD20 therapy within 12 months from screening (e.g., rituximab, "
        + "obinutuzumab)", "Anti-CD20 antibodies within 12 months from enrollment, such as obinutuzumab or rituximab",
        "Prior anti-CD20 therapy within 6 months from randomization (e.g., obinutuzumab)")) {
      assertThat(compiled(exclusion(sentence), otherDrug).get("exc-1")).as("obinutuzumab asked: %s", sentence)
          .isNotEqualTo(Truth.NOT_MET);
    }
  }

  /** "(e.g., for ITP or lymphoma)": why a treatment was given, never an alternative to it (review of the amendment). */
  @Test
  void examplesOfAnIndicationAreNoAlternatives() {
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2026-03-01", null,
        coded("immune-thrombocytopenia"));
    Facts lymphoma = adult().condition("Follicular lymphoma", ClinicalStatus.ACTIVE, "2026-03-01", null,
        coded("lymphoma"));
    Facts copd = adult().condition("COPD", ClinicalStatus.ACTIVE, "2026-05-20", null,
        coded("chronic-obstructive-pulmonary-disease"));
    Facts vte = adult().condition("Deep vein thrombosis", ClinicalStatus.ACTIVE, "2026-05-01", null,
        coded("venous-thromboembolism"));
    record Case(String sentence, Facts patient) {}
    for (Case c : List.of(new Case("Prior splenectomy (e.g., for trauma or ITP)", itp),
        new Case("Patients who have received rituximab within 6 months (e.g., for ITP or lymphoma)", lymphoma),
        new Case("Treatment with systemic corticosteroids within 4 weeks, e.g., for asthma or COPD", copd),
        new Case("Use of anticoagulants (e.g., for atrial fibrillation or venous thromboembolism)", vte))) {
      // the disease alone, no splenectomy, rituximab, steroid or anticoagulant recorded: had been MET (excluded)
      assertThat(compiled(exclusion(c.sentence()), c.patient()).get("exc-1")).as(c.sentence())
          .isNotEqualTo(Truth.MET);
    }
    assertThat(compiled(inclusion("No prior splenectomy (e.g., for trauma or ITP)"), itp).get("inc-1"))
        .as("denied: ITP alone").isNotEqualTo(Truth.NOT_MET);
  }
}
