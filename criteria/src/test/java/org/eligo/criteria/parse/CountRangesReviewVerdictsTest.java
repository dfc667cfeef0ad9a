package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.inclusion;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.neither;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.oneLow;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.only;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.rituximab;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.splenectomy;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.subItems;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.twoLow;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §77 reviewed (DECISIONS §83): a range of counts ("One or two of the following:", "1-2 of …"), a ceiling written
 * "Only one of the following may be present", and a bare count opening an inline list ("Two of: a, b, c") are read as
 * counts over their items, never as every item required.
 */
class CountRangesReviewVerdictsTest {
  static final String HB = "Hemoglobin < 10 g/dL";
  static final String PLT = "Platelet count < 100 x 10^9/L";
  static final String ANC = "Absolute neutrophil count < 1.5 x 10^9/L";

  /** Every count normal. */
  static Facts noneLow() {
    return adult().lab("hemoglobin", 140, "g/L", "2026-05-20").lab("platelets", 250, "10*9/L", "2026-05-20")
        .lab("anc", 2.0, "10*9/L", "2026-05-20").lab("arc", 80, "10*9/L", "2026-05-20");
  }

  static Facts threeLow() {
    return twoLow().lab("anc", 1.0, "10*9/L", "2026-05-21");
  }

  static Facts eltrombopag(Facts f) {
    return f.medication("Eltrombopag", "2025-04-01", "2025-06-01", ExposureStatus.COMPLETED, coded("eltrombopag"));
  }

  @Test
  void aRangeOfCountsIsMetWithinItAndFailedOutsideIt() {
    for (String text : List.of(
        subItems("One or two of the following:", HB, PLT, ANC),
        subItems("1-2 of the following:", HB, PLT, ANC),
        inclusion("One or two of: hemoglobin < 10 g/dL, platelets < 100 x 10^9/L, ANC < 1.5 x 10^9/L"),
        inclusion("Patients with one to two of the following: hemoglobin < 10 g/dL; platelets < 100 x 10^9/L;"
            + " ANC < 1.5 x 10^9/L"))) {
      assertThat(only(compiled(text, oneLow()), text)).as("one low: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, twoLow()), text)).as("two low: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, threeLow()), text)).as("three low: %s", text).isEqualTo(Truth.NOT_MET);
      assertThat(only(compiled(text, noneLow()), text)).as("none low: %s", text).isEqualTo(Truth.NOT_MET);
      assertThat(only(compiled(text, adult()), text)).as("no labs: %s", text).isEqualTo(Truth.UNKNOWN);
    }
    String two = subItems("One or two of the following prior treatments:", "Prior rituximab", "Prior splenectomy");
    assertThat(only(compiled(two, rituximab(neither())), two)).as("rituximab alone").isEqualTo(Truth.MET);
  }

  @Test
  void onlyOneMayBePresentIsACeilingNotAnyOf() {
    for (String text : List.of(
        subItems("Only one of the following may be present:", "Prior rituximab", "Prior splenectomy"),
        inclusion("Only one of the following is allowed: prior rituximab; prior splenectomy"),
        subItems("Only one of the following prior treatments is permitted:", "Rituximab", "Splenectomy"),
        inclusion("Only one of the following can apply: prior rituximab, prior splenectomy"))) {
      assertThat(only(compiled(text, neither()), text)).as("neither: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, rituximab(neither())), text)).as("rituximab only: %s", text)
          .isEqualTo(Truth.MET);
      assertThat(only(compiled(text, splenectomy(rituximab(neither()))), text)).as("both: %s", text)
          .isEqualTo(Truth.NOT_MET);
    }
    String required = subItems("Only one of the following is required:", "Prior rituximab", "Prior splenectomy");
    assertThat(only(compiled(required, neither()), required)).as("required: any one").isEqualTo(Truth.NOT_MET);
    assertThat(only(compiled(required, rituximab(neither())), required)).isEqualTo(Truth.MET);
  }

  @Test
  void aBareCountOpeningAnInlineListCounts() {
    for (String text : List.of(
        inclusion("Two of: prior rituximab, prior splenectomy, prior eltrombopag"),
        inclusion("Patients must have 2 of: prior rituximab; prior splenectomy; prior eltrombopag"),
        inclusion("Two from: prior rituximab, prior splenectomy or prior eltrombopag"))) {
      assertThat(only(compiled(text, splenectomy(rituximab(neither()))), text)).as("two of three: %s", text)
          .isEqualTo(Truth.MET);
      assertThat(only(compiled(text, rituximab(neither())), text)).as("one of three: %s", text)
          .isEqualTo(Truth.NOT_MET);
    }
    String excluded = "Inclusion Criteria:\n\n* Age >= 18\n\nExclusion Criteria:\n\n* Two of: prior rituximab, prior"
        + " splenectomy, prior eltrombopag\n";
    assertThat(compiled(excluded, eltrombopag(rituximab(neither()))).get("exc-1")).as("excluded with two of three")
        .isEqualTo(Truth.MET);
  }

  @Test
  void oneOrBothOfTheFollowingIsAnyOfThem() {
    for (String text : List.of(
        subItems("One or both of the following:", HB, PLT),
        inclusion("Either or both of the following: hemoglobin < 10 g/dL; platelet count < 100 x 10^9/L"),
        subItems("Patients must have one or both of the following:", HB, PLT))) {
      assertThat(only(compiled(text, oneLow()), text)).as("anaemic only: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, twoLow()), text)).as("both low: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, noneLow()), text)).as("neither low: %s", text).isEqualTo(Truth.NOT_MET);
    }
    String excluded = "Inclusion Criteria:\n\n* Age >= 18\n\nExclusion Criteria:\n\n* One or both of the following:\n"
        + "  * Prior rituximab\n  * Prior splenectomy\n";
    assertThat(compiled(excluded, rituximab(neither())).get("exc-1")).as("excluded with rituximab alone")
        .isEqualTo(Truth.MET);
  }

  /** §83 reviewed (DECISIONS §85): "one or both of" written inline, without "the following", is any of its items. */
  @Test
  void oneOrBothOfWrittenInlineIsAnyOfItsItems() {
    for (String text : List.of(
        inclusion("One or both of: hemoglobin < 10 g/dL, platelet count < 100 x 10^9/L"),
        inclusion("Either or both of: Hb < 10 g/dL; platelets < 100 x 10^9/L"),
        inclusion("Patients with one or both of these: hemoglobin < 10 g/dL or platelet count < 100 x 10^9/L"),
        inclusion("One or both: hemoglobin < 10 g/dL and platelets < 100 x 10^9/L"))) {
      assertThat(only(compiled(text, oneLow()), text)).as("hemoglobin low alone: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, twoLow()), text)).as("both low: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, noneLow()), text)).as("none low: %s", text).isEqualTo(Truth.NOT_MET);
      assertThat(only(compiled(text, adult()), text)).as("no labs: %s", text).isEqualTo(Truth.UNKNOWN);
    }
    String excluded = org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.exclusion(
        "Either or both of: prior rituximab, prior splenectomy");
    assertThat(compiled(excluded, rituximab(neither())).get("exc-1")).as("rituximab alone excludes")
        .isEqualTo(Truth.MET);
    assertThat(compiled(excluded, neither()).get("exc-1")).as("neither").isEqualTo(Truth.NOT_MET);
  }
}
