package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Patients may have received …", "Subjects can be on …": a grant, never a requirement of the drug. */
class MayHaveGrantVerdictsTest {

  @Test
  void whatPatientsMayHaveHadIsNotRequired() {
    Facts neverOnEither = adult().medication("Hydroxyurea", "2023-01-01", null, ExposureStatus.ACTIVE,
        coded("hydroxyurea"));
    assertThat(inclusion("Patients may have received prior rituximab", neverOnEither)).as("never on rituximab")
        .isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Subjects can be on concomitant corticosteroids", neverOnEither)).as("not on steroids")
        .isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void aLimitWrittenWithMayStaysALimit() {
    Facts rituximabBefore = adult().medication("Rituximab", "2018-01-01", "2018-02-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    assertThat(inclusion("Patients may not have received prior rituximab", rituximabBefore))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDoseOrATimeOfStabilityQualifiesTheGrant() {
    Facts neverOnSteroids = adult().medication("Hydroxyurea", "2023-01-01", null, ExposureStatus.ACTIVE,
        coded("hydroxyurea"));
    assertThat(inclusion("Patients may continue stable-dose corticosteroids (prednisone ≤ 10 mg/day)",
        neverOnSteroids)).as("never on corticosteroids").isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Patients may continue corticosteroids at a dose of up to 10 mg/day of prednisone",
        neverOnSteroids)).as("never on corticosteroids").isNotEqualTo(Truth.NOT_MET);
  }
}
