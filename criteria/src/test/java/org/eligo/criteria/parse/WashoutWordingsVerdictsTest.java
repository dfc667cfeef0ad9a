package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Washouts written as a denial or a span free of the drug ("Have not received rituximab for at least 6 months prior
 * to screening", "Rituximab-free for 6 months"): the drug not taken within the span (DECISIONS §27, §31, §35).
 */
class WashoutWordingsVerdictsTest {
  private static final List<String> SENTENCES = List.of(
      "Have not received rituximab for at least 6 months prior to screening",
      "Must not have received rituximab for at least 6 months prior to screening",
      "Patients must not have received rituximab for ≥ 6 months before enrollment",
      "Has not been treated with rituximab for at least 6 months",
      "No rituximab for ≥ 6 months before day 1",
      "Free of rituximab for at least 6 months",
      "Rituximab-free for 6 months",
      "Must be rituximab-free for at least 6 months prior to screening",
      "Rituximab-free interval of at least 6 months",
      "Did not receive rituximab during the 6 months before screening",
      "More than 6 months since last rituximab");

  @Test
  void aSpanFreeOfTheDrugIsAWashout() {
    Facts yearLongCourseLongAgo = adult().medication("Rituximab", "2022-01-01", "2023-01-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    Facts endedTwoMonthsAgo = adult().medication("Rituximab", "2026-03-01", "2026-04-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    Facts listedOngoing = adult().medication("Rituximab", "2025-01-01", null, ExposureStatus.ACTIVE,
        coded("rituximab"));
    Facts never = adult().medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE,
        coded("prednisone"));
    for (String sentence : SENTENCES) {
      assertThat(inclusion(sentence, yearLongCourseLongAgo)).as(sentence + ": a year of it, ended 3 years ago")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, never)).as(sentence + ": never on it").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, endedTwoMonthsAgo)).as(sentence + ": last dose 2 months ago")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, listedOngoing)).as(sentence + ": listed as ongoing, last dose not dated")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void forMoreThanAfterADenialIsALengthOfTreatmentUnlessATimeFollowsIt() {
    // DECISIONS §101 (amends §40): with nothing after it, "for more than 4 weeks" limits how long a course lasted, at
    // any time; before "prior to screening" it may as well be a span free of the drug, and stays asked
    Facts fiveDaysLastWeek = adult().medication("Prednisone 40 mg", "2026-05-20", "2026-05-25",
        ExposureStatus.COMPLETED, coded("prednisone"));
    Facts threeMonthsLongAgo = adult().medication("Prednisone 40 mg", "2022-01-01", "2022-04-01",
        ExposureStatus.COMPLETED, coded("prednisone"));
    for (String sentence : List.of(
        "Must not have received corticosteroids for more than 4 weeks",
        "Has not received corticosteroids for more than 4 weeks")) {
      assertThat(inclusion(sentence, fiveDaysLastWeek)).as(sentence + ": 5 days of it last week (had failed)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, threeMonthsLongAgo)).as(sentence + ": 3 months of it in 2022")
          .isEqualTo(Truth.NOT_MET);
      assertThat(ParsedVerdictsTest.exclusion(sentence, fiveDaysLastWeek))
          .as(sentence + ", in the exclusion list: 5 days of it last week (had excluded)").isNotEqualTo(Truth.MET);
    }
    String anchored = "Patients must not have received prednisone for over 4 weeks prior to screening";
    assertThat(inclusion(anchored, fiveDaysLastWeek)).as(anchored).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(anchored, threeMonthsLongAgo)).as(anchored).isEqualTo(Truth.UNKNOWN);
    assertThat(ParsedVerdictsTest.exclusion(anchored, fiveDaysLastWeek)).as(anchored).isNotEqualTo(Truth.MET);
    assertThat(ParsedVerdictsTest.exclusion(anchored, threeMonthsLongAgo)).as(anchored).isNotEqualTo(Truth.MET);
  }

  @Test
  void theLongerWindowKeepsTheOtherAlternativesOfAnExclusion() {
    String sentence = "Rituximab within 4 weeks or 5 half-lives, whichever is longer, or splenectomy within 3 months";
    Facts splenectomyLastMonth = adult().procedure("Splenectomy", "2026-05-01", coded("splenectomy"));
    Facts rituximabLastWeek = adult().medication("Rituximab", "2026-05-01", "2026-05-25", ExposureStatus.COMPLETED,
        coded("rituximab"));
    Facts rituximabTwoMonthsAgo = adult().medication("Rituximab", "2026-03-01", "2026-04-01",
        ExposureStatus.COMPLETED, coded("rituximab"));
    Facts neither = adult().medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE,
        coded("prednisone")).procedure("Transfusion", "2026-05-01", coded("transfusion"));
    assertThat(ParsedVerdictsTest.exclusion(sentence, splenectomyLastMonth)).as("a splenectomy last month (had been"
        + " asked)").isEqualTo(Truth.MET);
    assertThat(ParsedVerdictsTest.exclusion(sentence, rituximabLastWeek)).as("rituximab a week ago (had been asked)")
        .isEqualTo(Truth.MET);
    assertThat(ParsedVerdictsTest.exclusion(sentence, rituximabTwoMonthsAgo)).as("rituximab 2 months ago")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(ParsedVerdictsTest.exclusion(sentence, neither)).as("neither").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDeniedSpanBeforeALimitIsAWashoutBesideIt() {
    String sentence = "No rituximab for at least 6 months and platelets < 30 × 10⁹/L";
    Facts yearLongCourseLongAgo = adult().medication("Rituximab", "2022-01-01", "2023-01-01", ExposureStatus.COMPLETED,
        coded("rituximab")).lab("platelets", 20, "10*9/L", "2026-05-25");
    assertThat(inclusion(sentence, yearLongCourseLongAgo)).as("a year of it, ended 3 years ago; platelets 20 (had been"
        + " INELIGIBLE)").isEqualTo(Truth.MET);
    Facts neverPlatelets50 = adult().medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE,
        coded("prednisone")).lab("platelets", 50, "10*9/L", "2026-05-25");
    assertThat(inclusion(sentence, neverPlatelets50)).as("never on it, platelets 50: the limit is required")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void theHalfLivesOfTheLongerWindowAreAskedOfThoseTheWindowDoesNotDecide() {
    Facts never = adult().medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE,
        coded("prednisone"));
    Facts listedOngoing = adult().medication("Rituximab", "2025-01-01", null, ExposureStatus.ACTIVE,
        coded("rituximab"));
    Facts lastWeek = adult().medication("Rituximab", "2026-05-01", "2026-05-25", ExposureStatus.COMPLETED,
        coded("rituximab"));
    Facts twoMonthsAgo = adult().medication("Rituximab", "2026-03-01", "2026-04-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    for (String sentence : List.of(
        "At least 4 weeks since the last dose of rituximab or 5 half-lives, whichever is longer",
        "No rituximab within 4 weeks or 5 half-lives (whichever is longer) prior to screening",
        "Must not have received rituximab within 4 weeks or 5 half-lives, whichever is longer, before enrollment")) {
      assertThat(inclusion(sentence, never)).as(sentence + ": never on it (had been asked)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, listedOngoing)).as(sentence + ": listed as ongoing (had failed)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, lastWeek)).as(sentence + ": last dose a week ago").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, twoMonthsAgo)).as(sentence + ": 2 months ago, half-lives not known")
          .isEqualTo(Truth.UNKNOWN);
    }
    String exclusion = "Rituximab within 4 weeks or 5 half-lives, whichever is longer";
    assertThat(ParsedVerdictsTest.exclusion(exclusion, never)).as("never on it (had been asked)")
        .isEqualTo(Truth.NOT_MET);
    assertThat(ParsedVerdictsTest.exclusion(exclusion, lastWeek)).as("a week ago").isEqualTo(Truth.MET);
    assertThat(ParsedVerdictsTest.exclusion(exclusion, twoMonthsAgo)).as("2 months ago").isEqualTo(Truth.UNKNOWN);
  }
}
