package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Unrelated to X" excepts X as a cause: X is never what the sentence requires or excludes on. */
class UnrelatedCauseVerdictsTest {

  @Test
  void aCauseSaidUnrelatedIsNotRequired() {
    Facts withoutPnh = adult().condition("Iron deficiency anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("iron-deficiency-anemia"));
    assertThat(inclusion("Anemia unrelated to PNH", withoutPnh)).as("no PNH, as the trial wants")
        .isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDiseaseUnrelatedToTheTrialsOwnIsAskedOfThoseWhoHaveIt() {
    Facts thrombosis = adult().condition("Deep vein thrombosis", ClinicalStatus.RESOLVED, "2022-01-01", "2022-06-01",
        coded("deep-vein-thrombosis"));
    assertThat(exclusion("Thrombosis unrelated to PNH", thrombosis)).as("a thrombosis without PNH")
        .isEqualTo(Truth.UNKNOWN);
    Facts pnhOnly = adult().condition("Paroxysmal nocturnal hemoglobinuria", ClinicalStatus.ACTIVE, "2022-01-01",
        null, coded("paroxysmal-nocturnal-hemoglobinuria"));
    assertThat(exclusion("Thrombosis unrelated to PNH", pnhOnly)).as("no thrombosis").isEqualTo(Truth.NOT_MET);
  }
}
