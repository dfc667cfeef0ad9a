package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §95: an exception written before the limits it exempts from ("Blood counts, except in subjects with marrow
 * involvement: ANC ≥ 1.0 × 10^9/L; platelets ≥ 75 × 10^9/L") was all of (the limits, asked): a patient with marrow
 * involvement and an ANC of 0.8, whom the exception lets in, failed.
 */
class ExceptionBeforeLimitsVerdictsTest {

  private static Facts counts(double anc, double platelets) {
    return adult().lab("anc", anc, "10*9/L", "2026-05-20").lab("platelets", platelets, "10*9/L", "2026-05-20");
  }

  @Test
  void failingALimitAPatientMayBeExemptedFromIsAskedNotFailed() {
    for (String sentence : List.of(
        "Blood counts, except in subjects with marrow involvement: ANC ≥ 1.0 × 10^9/L; platelets ≥ 75 × 10^9/L",
        "Adequate hematologic function (unless due to marrow infiltration by lymphoma): ANC ≥ 1.0 × 10^9/L, platelet "
            + "count ≥ 75 × 10^9/L",
        "Except in patients with bone marrow involvement, ANC ≥ 1.0 × 10^9/L and platelets ≥ 75 × 10^9/L",
        "Hematologic function, other than in subjects with documented marrow involvement: ANC ≥ 1.0 × 10^9/L and "
            + "platelet count ≥ 75 × 10^9/L")) {
      assertThat(inclusion(sentence, counts(0.8, 100))).as(sentence + ": ANC 0.8 (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, counts(1.5, 100))).as(sentence + ": counts within the limits")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void anExceptionTheRecordNamesDecides() {
    Facts onWarfarin = adult().medication("Warfarin", "2025-01-01", null, ExposureStatus.ACTIVE, coded("warfarin"))
        .lab("inr", 2.5, "{INR}", "2026-05-20");
    Facts onAspirin = adult().medication("Aspirin", "2025-01-01", null, ExposureStatus.ACTIVE, coded("aspirin"))
        .lab("inr", 2.5, "{INR}", "2026-05-20");
    for (String sentence : List.of("Coagulation, except for patients on warfarin: INR ≤ 1.5",
        "Except in patients receiving warfarin, INR ≤ 1.5", "Coagulation (except patients taking warfarin): INR ≤ 1.5")) {
      assertThat(inclusion(sentence, onWarfarin)).as(sentence + ": INR 2.5 on warfarin (was NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, onAspirin)).as(sentence + ": INR 2.5 off warfarin").isEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Coagulopathy, except for patients on warfarin: INR > 1.5",
        "Except in patients receiving warfarin, INR > 1.5")) {
      assertThat(exclusion(sentence, onWarfarin)).as(sentence + ": INR 2.5 on warfarin").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, onAspirin)).as(sentence + ": INR 2.5 off warfarin").isEqualTo(Truth.MET);
    }
  }

  @Test
  void inTheExclusionsAnExceptionBeforeTheLimitsNeverExcludesThoseItMayExempt() {
    for (String sentence : List.of(
        "Cytopenias, except in subjects with marrow involvement: ANC < 1.0 × 10^9/L or platelets < 75 × 10^9/L",
        "Except in patients with bone marrow involvement, ANC < 1.0 × 10^9/L or platelets < 75 × 10^9/L")) {
      assertThat(exclusion(sentence, counts(0.8, 100))).as(sentence + ": ANC 0.8").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, counts(1.5, 100))).as(sentence + ": counts within").isEqualTo(Truth.NOT_MET);
    }
  }
}
