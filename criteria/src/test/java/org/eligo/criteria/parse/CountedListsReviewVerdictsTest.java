package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import java.util.Map;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Counts over a list reviewed (DECISIONS §77): a bare count ("Two of the following:", "Three of the following four
 * criteria:") and a ceiling ("At most one of the following:", "Up to one of …", "No more than one of: …") are one
 * criterion over their items, never each item required and never "any of" them.
 */
class CountedListsReviewVerdictsTest {
  static String inclusion(String sentence) {
    return "Inclusion Criteria:\n\n* " + sentence + "\n\nExclusion Criteria:\n\n* Pregnancy\n";
  }

  static String subItems(String heading, String... items) {
    StringBuilder text = new StringBuilder("Inclusion Criteria:\n\n* " + heading + "\n");
    for (String item : items) text.append("  * ").append(item).append('\n');
    return text.append("\nExclusion Criteria:\n\n* Pregnancy\n").toString();
  }

  /** Hb 9 g/dL and platelets 50 × 10^9/L low, ANC 2.0 × 10^9/L and reticulocytes 80 × 10^9/L normal. */
  static Facts twoLow() {
    return adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("platelets", 50, "10*9/L", "2026-05-20")
        .lab("anc", 2.0, "10*9/L", "2026-05-20").lab("arc", 80, "10*9/L", "2026-05-20");
  }

  /** Only the haemoglobin low. */
  static Facts oneLow() {
    return adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("platelets", 250, "10*9/L", "2026-05-20")
        .lab("anc", 2.0, "10*9/L", "2026-05-20").lab("arc", 80, "10*9/L", "2026-05-20");
  }

  /** The only criterion of the inclusion list: one rule, not one per item. */
  static Truth only(Map<String, Truth> verdicts, String sentence) {
    assertThat(verdicts).as(sentence).containsKey("inc-1").doesNotContainKeys("inc-1.1", "inc-1.2");
    return verdicts.get("inc-1");
  }

  @Test
  void aBareCountIsAtLeastThatManyOfItsItemsNeverEachOfThem() {
    String hb = "Hemoglobin < 10 g/dL";
    String plt = "Platelet count < 100 x 10^9/L";
    String anc = "ANC < 1.5 x 10^9/L";
    for (String text : List.of(
        subItems("Two of the following:", hb, plt, anc),
        subItems("Meets two of the following three criteria:", hb, plt, anc),
        inclusion("2 of the following 3: hemoglobin < 10 g/dL; platelets < 100 x 10^9/L; ANC < 1.5 x 10^9/L"),
        subItems("Any 2 of the following 3:", hb, plt, anc))) {
      assertThat(only(compiled(text, twoLow()), text)).as("two of three low: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, oneLow()), text)).as("one of three low: %s", text).isEqualTo(Truth.NOT_MET);
    }
    String four = subItems("Three of the following four criteria:", hb, plt, anc, "Reticulocytes < 60 x 10^9/L");
    Facts threeLow = twoLow().lab("arc", 30, "10*9/L", "2026-05-21");
    assertThat(only(compiled(four, threeLow), four)).as("three of four low").isEqualTo(Truth.MET);
    assertThat(only(compiled(four, twoLow()), four)).as("two of four low").isEqualTo(Truth.NOT_MET);
    String wrongSize = subItems("Two of the following four criteria:", hb, plt, anc);
    assertThat(only(compiled(wrongSize, oneLow()), wrongSize)).as("a list shorter than it says is asked")
        .isEqualTo(Truth.UNKNOWN);
  }

  /** A medication list and a procedure list, neither with rituximab nor a splenectomy. */
  static Facts neither() {
    return adult().medication("Prednisone", "2025-01-01", "2025-03-01", ExposureStatus.COMPLETED, coded("prednisone"))
        .procedure("Bone marrow biopsy", "2025-01-05", coded("bone-marrow-biopsy"));
  }

  static Facts rituximab(Facts f) {
    return f.medication("Rituximab", "2024-01-01", "2024-02-01", ExposureStatus.COMPLETED, coded("rituximab"));
  }

  static Facts splenectomy(Facts f) {
    return f.procedure("Splenectomy", "2023-05-01", coded("splenectomy"));
  }

  @Test
  void aCeilingIsMetByAPatientWithNoneOfItsItemsAndFailedOnlyAboveIt() {
    for (String text : List.of(
        subItems("At most one of the following:", "Prior rituximab", "Prior splenectomy"),
        inclusion("Up to one of the following: prior rituximab; prior splenectomy"),
        inclusion("No more than one of: prior rituximab, prior splenectomy"),
        subItems("A maximum of one of the following prior treatments:", "Prior rituximab", "Prior splenectomy"),
        subItems("Fewer than two of the following:", "Prior rituximab", "Prior splenectomy"))) {
      assertThat(only(compiled(text, neither()), text)).as("neither: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, rituximab(neither())), text)).as("rituximab only: %s", text)
          .isEqualTo(Truth.MET);
      assertThat(only(compiled(text, splenectomy(rituximab(neither()))), text)).as("both: %s", text)
          .isEqualTo(Truth.NOT_MET);
    }
    String two = inclusion("At most two of the following: prior rituximab; prior splenectomy; prior eltrombopag");
    assertThat(only(compiled(two, splenectomy(rituximab(neither()))), two)).as("two of three").isEqualTo(Truth.MET);
    assertThat(only(compiled(two, adult()), two)).as("no lists at all").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void eachOneOfTheFollowingRequiresEveryItem() {
    for (String text : List.of(
        subItems("Each one of the following criteria must be met:", "Hemoglobin < 10 g/dL",
            "Platelet count < 100 x 10^9/L"),
        inclusion("Every one of the following: hemoglobin < 10 g/dL; platelet count < 100 x 10^9/L"))) {
      assertThat(only(compiled(text, oneLow()), text)).as("only anaemic: %s", text).isEqualTo(Truth.NOT_MET);
      assertThat(only(compiled(text, twoLow()), text)).as("both low: %s", text).isEqualTo(Truth.MET);
    }
  }

  @Test
  void patientsWithACountedListIsTheCountAlone() {
    String sentence = "Patients with at least two of: hemoglobin < 10 g/dL, platelets < 100 x 10^9/L, ANC < 1.5 x"
        + " 10^9/L";
    assertThat(only(compiled(inclusion(sentence), twoLow()), sentence)).isEqualTo(Truth.MET);
    assertThat(only(compiled(inclusion(sentence), oneLow()), sentence)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void exactlyNOfTheFollowingIsThatManyAndNoMore() {
    for (String text : List.of(
        subItems("Exactly one of the following:", "Prior rituximab", "Prior splenectomy"),
        inclusion("Exactly one of the following: prior rituximab; prior splenectomy"))) {
      assertThat(only(compiled(text, rituximab(neither())), text)).as("one: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, neither()), text)).as("neither: %s", text).isEqualTo(Truth.NOT_MET);
      assertThat(only(compiled(text, splenectomy(rituximab(neither()))), text)).as("both: %s", text)
          .isEqualTo(Truth.NOT_MET);
    }
    String exclusion = "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n* Exactly one of the"
        + " following: prior rituximab; prior splenectomy; prior eltrombopag\n";
    assertThat(compiled(exclusion, splenectomy(rituximab(neither()))).get("exc-1"))
        .as("two of them: not what the exclusion names").isEqualTo(Truth.NOT_MET);
    assertThat(compiled(exclusion, rituximab(neither())).get("exc-1")).isEqualTo(Truth.MET);
    String two = inclusion("Exactly two of the following: prior rituximab; prior splenectomy; prior eltrombopag");
    assertThat(only(compiled(two, splenectomy(rituximab(neither()))), two)).isEqualTo(Truth.MET);
    assertThat(only(compiled(two, rituximab(neither())), two)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aListThatMustApplyIsNotAskedOfEachItem() {
    for (String heading : List.of("One of the following must apply:", "At least one of the following should be"
        + " present:", "Either of the following must apply:")) {
      String text = subItems(heading, "Hemoglobin < 10 g/dL", "Platelet count < 30 x 10^9/L");
      assertThat(only(compiled(text, oneLow()), text)).as("anaemic: %s", heading).isEqualTo(Truth.MET);
    }
  }
}
