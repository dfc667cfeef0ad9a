package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Requiring dialysis for more than 3 months": the length of dialysis is asked, never dropped (§46). */
class DialysisLengthVerdictsTest {

  @Test
  void twoWeeksOfDialysisAreNotThreeMonths() {
    // acute kidney injury in an aHUS episode: dialysed for two weeks in May 2026 (the tests' date is 2026-06-01)
    Facts twoWeeks = adult().procedure("Hemodialysis", "2026-05-12", coded("dialysis"))
        .procedure("Hemodialysis", "2026-05-19", coded("dialysis")).procedure("Hemodialysis", "2026-05-26",
            coded("dialysis"));
    for (String sentence : List.of("Patients requiring dialysis for more than 3 months",
        "Dialysis-dependent for at least 3 months", "Patients on hemodialysis for at least 90 days",
        "On dialysis for more than 8 weeks prior to screening", "Requiring renal replacement therapy for > 3 months")) {
      assertThat(exclusion(sentence, twoWeeks)).as(sentence + ": two weeks of dialysis (had been MET)")
          .isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult().procedure("Bone marrow biopsy", "2026-05-01",
          coded("bone-marrow-biopsy")).condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
          coded("hypertension")))).as(sentence + ": never dialysed").isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Patients on dialysis", twoWeeks)).as("no length written").isEqualTo(Truth.MET);
  }

  @Test
  void aWeekOfDialysisYearsAgoIsNoHistoryOfMonths() {
    Facts oneWeekIn2019 = adult().procedure("Hemodialysis", "2019-03-01", coded("dialysis"))
        .procedure("Hemodialysis", "2019-03-04", coded("dialysis"));
    assertThat(exclusion("History of dialysis for more than 3 months", oneWeekIn2019))
        .as("a week of dialysis in 2019 (had been MET)").isNotEqualTo(Truth.MET);
    assertThat(exclusion("History of dialysis", oneWeekIn2019)).as("no length written").isEqualTo(Truth.MET);
  }
}
