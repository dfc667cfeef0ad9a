package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Last transfusion at least 4 weeks before screening": none within the time, never one required. */
class ProcedureWashoutVerdictsTest {
  private static final String[] WASHOUTS = {"Last transfusion at least 4 weeks before screening",
      "Last RBC transfusion more than 4 weeks before screening", "At least 4 weeks since the last RBC transfusion"};

  @Test
  void aPatientNeverTransfusedPassesOneTransfusedWithinTheTimeFails() {
    Facts neverTransfused = adult().procedure("Bone marrow biopsy", "2025-01-01", coded("bone-marrow-biopsy"));
    Facts transfusedLastWeek = adult().procedure("Red blood cell transfusion", "2026-05-25",
        coded("red-cell-transfusion"));
    Facts transfusedLastYear = adult().procedure("Red blood cell transfusion", "2025-05-25",
        coded("red-cell-transfusion"));
    for (String sentence : WASHOUTS) {
      assertThat(inclusion(sentence, neverTransfused)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, transfusedLastYear)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, transfusedLastWeek)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, neverTransfused)).as(sentence).isNotEqualTo(Truth.MET);
    }
  }
}
