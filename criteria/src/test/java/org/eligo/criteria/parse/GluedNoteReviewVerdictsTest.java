package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** §88 reviewed: notes glued onto an item that cannot change it, or that speak of what it speaks of; groups' limits. */
class GluedNoteReviewVerdictsTest {

  private static Facts person(String born, Sex sex) {
    return Facts.patient("p").born(born).sex(sex).condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
        "2024-01-01", null, coded("immune-thrombocytopenia"));
  }

  private static String criteria(String inclusion, String exclusion) {
    return "Inclusion Criteria:\n\n* Diagnosis of ITP\n* " + inclusion + "\n\nExclusion Criteria:\n\n* " + exclusion
        + "\n* Pregnancy\n";
  }

  @Test
  void aNoteThatOnlySaysWhereValuesComeFromOrWhereTheyAreDescribedLeavesTheItemDecidingBothWays() {
    // asked, such a note had made every patient the item fails a question
    for (String note : List.of("*Definition: ULN per local laboratory", "Note: local laboratory values may be used",
        "Note: see Appendix A", "Comment: ULN = upper limit of normal, as defined by the institutional laboratory",
        "NB: refer to Section 5.2 of the protocol for details")) {
      String layout = criteria("ALT ≤ 3 × ULN\n" + note, "Total bilirubin > 2 × ULN\n" + note);
      Facts fit = person("1980-01-01", Sex.FEMALE).lab("alt", 40, "U/L", "2026-05-20", 40.0)
          .lab("bilirubin-total", 1.0, "mg/dL", "2026-05-20", 1.2);
      Facts unfit = person("1980-01-01", Sex.FEMALE).lab("alt", 200, "U/L", "2026-05-20", 40.0)
          .lab("bilirubin-total", 3.0, "mg/dL", "2026-05-20", 1.2);
      assertThat(compiled(layout, fit).get("inc-2")).as(note + ": ALT at the ULN").isEqualTo(Truth.MET);
      assertThat(compiled(layout, unfit).get("inc-2")).as(note + ": ALT 5 × ULN (was asked)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(layout, fit).get("exc-1")).as(note + ": bilirubin below the ULN").isEqualTo(Truth.NOT_MET);
      assertThat(compiled(layout, unfit).get("exc-1")).as(note + ": bilirubin 2.5 × ULN (was asked)")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void aRequirementNoteAboutWhatTheItemIsAboutMayLowerOrNarrowItAndIsAsked() {
    // read beside the item as a requirement of its own, the note held the patient it relaxes to the item's limit
    Facts thalassemia = person("1980-01-01", Sex.MALE).lab("hemoglobin", 85, "g/L", "2026-05-20")
        .lab("anc", 0.9, "10*9/L", "2026-05-20")
        .condition("Beta thalassemia", ClinicalStatus.ACTIVE, "1990-01-01", null, coded("thalassemia"));
    for (String item : List.of("Hemoglobin ≥ 9 g/dL\nNote: patients with thalassemia must have hemoglobin ≥ 8 g/dL",
        "Hb ≥ 9.0 g/dL\n  Comment: subjects with thalassemia are required to have hemoglobin ≥ 8 g/dL",
        "ANC ≥ 1.0 × 10^9/L\nNote: patients with benign ethnic neutropenia must have an ANC ≥ 0.8 × 10^9/L")) {
      String layout = criteria(item, "Prior splenectomy");
      assertThat(compiled(layout, thalassemia).get("inc-2")).as(item + ": Hb 8.5 g/dL, ANC 0.9 (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      Facts fit = person("1980-01-01", Sex.MALE).lab("hemoglobin", 120, "g/L", "2026-05-20")
          .lab("anc", 2.0, "10*9/L", "2026-05-20");
      assertThat(compiled(layout, fit).get("inc-2")).as(item + ": Hb 12 g/dL, ANC 2.0").isEqualTo(Truth.MET);
    }
    // an exclusion narrowed by its note: an old thrombosis is asked, never excluded on the item alone
    Facts oldClot = person("1980-01-01", Sex.MALE).condition("Deep vein thrombosis", ClinicalStatus.RESOLVED,
        "2015-01-01", "2015-06-01", coded("deep-vein-thrombosis"));
    Facts none = person("1980-01-01", Sex.MALE);
    for (String item : List.of("History of thrombosis\nNote: patients with deep vein thrombosis within the last 6 "
        + "months are excluded", "Prior venous thromboembolism\nNB: only thromboembolism within 6 months of "
        + "screening is exclusionary and such patients are not eligible",
        "History of thrombosis\nComment: thrombosis in the past 6 months is an exclusion; these patients are "
        + "excluded")) {
      String layout = criteria("Platelet count < 30 × 10^9/L", item);
      assertThat(compiled(layout, oldClot).get("exc-1")).as(item + ": a DVT in 2015 (was MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(layout, none).get("exc-1")).as(item + ": no thrombosis").isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void anExceptionAfterSeveralGroupsLimitsIsNotHeldToTheLastGroupAlone() {
    // read as the women's only, the exception failed a man with chronic kidney disease at 12.5 g/dL
    Facts ckdMan = person("1980-01-01", Sex.MALE).lab("hemoglobin", 125, "g/L", "2026-05-20")
        .condition("CKD stage 3", ClinicalStatus.ACTIVE, "2020-01-01", null, coded("chronic-kidney-disease"));
    for (String sentence : List.of(
        "In men, Hb ≥ 13 g/dL, in women, Hb ≥ 12 g/dL, except for patients with chronic kidney disease",
        "For men: hemoglobin ≥ 13 g/dL; for women: hemoglobin ≥ 12 g/dL (unless due to chronic kidney disease)",
        "For male participants: haemoglobin ≥ 13 g/dL; for female participants: haemoglobin ≥ 12 g/dL, excluding "
            + "participants with chronic kidney disease")) {
      assertThat(inclusion(sentence, ckdMan)).as(sentence + ": a man with CKD at 12.5 g/dL (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
  }
}
