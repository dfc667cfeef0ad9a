package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "More than one JAK inhibitor", "more than one thrombotic event": a count, asked, never any one of them (§46). */
class MoreThanOneVerdictsTest {

  @Test
  void oneDrugIsNotMoreThanOne() {
    Facts oneJakInhibitor = adult().condition("Primary myelofibrosis", ClinicalStatus.ACTIVE, "2022-01-01", null,
        coded("myelofibrosis")).medication("Ruxolitinib 15 mg", "2023-01-01", null, ExposureStatus.ACTIVE,
        coded("ruxolitinib"));
    Facts never = adult().condition("Primary myelofibrosis", ClinicalStatus.ACTIVE, "2022-01-01", null,
        coded("myelofibrosis")).medication("Hydroxyurea", "2022-01-01", null, ExposureStatus.ACTIVE,
        coded("hydroxyurea"));
    for (String sentence : List.of("Prior treatment with more than one JAK inhibitor",
        "More than one prior JAK inhibitor", "Patients who received more than one JAK inhibitor",
        "Previous therapy with greater than one JAK inhibitor")) {
      assertThat(exclusion(sentence, oneJakInhibitor)).as(sentence + ": ruxolitinib alone (had been MET)")
          .isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, never)).as(sentence + ": no JAK inhibitor").isEqualTo(Truth.NOT_MET);
    }
    Facts oneAntiCd20 = adult().medication("Rituximab", "2024-01-01", "2024-02-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    assertThat(exclusion("Previous treatment with more than one anti-CD20 antibody", oneAntiCd20))
        .as("rituximab alone (had been MET)").isNotEqualTo(Truth.MET);
  }

  @Test
  void oneEventIsNotMoreThanOne() {
    Facts oneThrombosis = adult().condition("Deep vein thrombosis of left leg", ClinicalStatus.RESOLVED, "2021-03-01",
        "2021-09-01", coded("deep-vein-thrombosis"));
    for (String sentence : List.of("History of more than one thrombotic event",
        "More than one prior thromboembolic event", "History of more than a single thromboembolic event")) {
      assertThat(exclusion(sentence, oneThrombosis)).as(sentence + ": one thrombosis (had been MET)")
          .isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01",
          null, coded("hypertension")))).as(sentence + ": no thrombosis").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void twoOrMoreIsACountToo() {
    Facts onRuxolitinib = adult().medication("Ruxolitinib 15 mg", "2023-01-01", null, ExposureStatus.ACTIVE,
        coded("ruxolitinib"));
    for (String sentence : List.of("Treatment with two or more JAK inhibitors",
        "Current therapy with 2 or more JAK inhibitors")) {
      assertThat(exclusion(sentence, onRuxolitinib)).as(sentence + ": ruxolitinib alone (had been MET: the number"
          + " was an alternative of its own)").isNotEqualTo(Truth.MET);
    }
    assertThat(ParsedVerdictsTest.inclusion("Prior treatment with at least two JAK inhibitors", adult()
        .medication("Hydroxyurea", "2023-01-01", null, ExposureStatus.ACTIVE, coded("hydroxyurea"))))
        .as("no JAK inhibitor at all").isEqualTo(Truth.NOT_MET);
    assertThat(ParsedVerdictsTest.inclusion("Received ruxolitinib for at least 2 months", onRuxolitinib))
        .as("a length, no count").isEqualTo(Truth.MET);
  }

  @Test
  void aLengthOfOneYearIsNoCount() {
    Facts twoYears = adult().medication("Ruxolitinib", "2022-01-01", "2024-01-01", ExposureStatus.COMPLETED,
        coded("ruxolitinib"));
    assertThat(exclusion("Patients who received ruxolitinib for more than one year", twoYears))
        .as("a course of two years").isEqualTo(Truth.MET);
  }
}
