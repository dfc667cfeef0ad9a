package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.only;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.subItems;
import static org.eligo.criteria.parse.DefinitionHeadingVerdictsTest.record;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §89 reviewed: a defining heading that says one item will do ("At least 1 thromboembolic event …, defined as:") was
 * met only by all its items and asked otherwise; one whose items are examples ("Prior ITP-directed therapy,
 * including:") failed a patient treated with a therapy the list does not name.
 */
class DefinitionHeadingReviewVerdictsTest {
  static Facts dvtLastFebruary() {
    return record().condition("Deep vein thrombosis of left leg", ClinicalStatus.ACTIVE, "2026-02-01", null,
        coded("deep-vein-thrombosis"));
  }

  static Facts on(String text, String concept) {
    return record().medication(text, "2024-01-01", "2024-06-01", ExposureStatus.COMPLETED, coded(concept));
  }

  @Test
  void aHeadingThatSaysOneWillDoIsMetByOneItem() {
    for (String text : List.of(
        subItems("At least 1 thromboembolic event in the past 12 months, defined as:", "Deep vein thrombosis",
            "Pulmonary embolism", "Stroke"),
        subItems("One or more venous thromboembolic events within the last year, as defined by:",
            "Deep vein thrombosis", "Pulmonary embolism"),
        subItems("History of at least one thrombosis (≥ 1 event in the past 12 months), characterized by:",
            "Pulmonary embolism", "Deep vein thrombosis", "Stroke"))) {
      assertThat(only(compiled(text, dvtLastFebruary()), text)).as("a DVT alone: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, record()), text)).as("no event on a full record: %s", text)
          .isEqualTo(Truth.NOT_MET);
    }
    String therapies = subItems("At least one prior ITP-directed therapy, defined as:", "Corticosteroids", "IVIG");
    assertThat(only(compiled(therapies, on("Prednisone 20 mg", "prednisone")), therapies)).isEqualTo(Truth.MET);
    // without a word of number the definition may need all its parts: still asked; "at least 1 year" is a time
    for (String plain : List.of(
        subItems("Thromboembolic disease, defined as:", "Deep vein thrombosis", "Pulmonary embolism"),
        subItems("At least 1 year of disease history, defined as:", "Deep vein thrombosis", "Pulmonary embolism"))) {
      assertThat(only(compiled(plain, dvtLastFebruary()), plain)).as(plain).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void examplesUnderAHeadingNeverFailAPatientTreatedOtherwise() {
    Facts eltrombopag = on("Eltrombopag 50 mg", "eltrombopag");
    for (String text : List.of(
        subItems("Prior ITP-directed therapy, including:", "Corticosteroids", "IVIG", "Rituximab"),
        subItems("Previously received at least one line of therapy for ITP, including but not limited to:",
            "Corticosteroids", "Intravenous immunoglobulin"),
        subItems("Prior immunosuppressive treatment for ITP, such as:", "Rituximab", "Azathioprine",
            "Mycophenolate mofetil"))) {
      assertThat(only(compiled(text, eltrombopag), text)).as("a therapy not listed: %s", text)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(only(compiled(text, record()), text)).as("none listed on record: %s", text)
          .isEqualTo(Truth.UNKNOWN);
    }
    String steroids = subItems("Prior therapy for AIHA, which includes:", "Corticosteroids", "Rituximab");
    assertThat(only(compiled(steroids, on("Prednisone 40 mg", "prednisone")), steroids)).isEqualTo(Truth.MET);
  }
}
