package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** TTP trials' plasma exchange: a procedure of its own, read in either list (§46). The date is 2026-06-01. */
class PlasmaExchangeVerdictsTest {
  private static Facts ttp() {
    return adult().condition("Immune TTP", ClinicalStatus.ACTIVE, "2026-05-25", null, coded("immune-ttp"));
  }

  @Test
  void aPlasmaExchangeOnRecordMeetsTheRequirement() {
    Facts exchanged = ttp().procedure("Therapeutic plasma exchange", "2026-05-26", coded("plasma-exchange"));
    Facts notYet = ttp().procedure("Bone marrow biopsy", "2026-05-20", coded("bone-marrow-biopsy"));
    for (String sentence : List.of("Received at least one plasma exchange prior to randomization",
        "Patients must have received one TPE treatment prior to randomization",
        "Received at least one therapeutic plasma exchange (TPE) before enrollment")) {
      assertThat(inclusion(sentence, exchanged)).as(sentence + ": exchanged on 26 May (had been UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, notYet)).as(sentence + ": no exchange on record").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aPlasmaExchangeLongAgoIsOutsideTheWindow() {
    Facts in2023 = ttp().procedure("Plasmapheresis", "2023-01-03", coded("plasma-exchange"));
    Facts lastWeek = ttp().procedure("PLEX", "2026-05-26", coded("plasma-exchange"));
    for (String sentence : List.of("Plasma exchange within 3 months before screening",
        "Prior plasmapheresis within 30 days")) {
      assertThat(exclusion(sentence, in2023)).as(sentence + ": in 2023 (had been UNKNOWN)").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, lastWeek)).as(sentence + ": last week").isEqualTo(Truth.MET);
    }
  }
}
