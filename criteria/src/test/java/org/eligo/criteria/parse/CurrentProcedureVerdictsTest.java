package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Currently receiving red cell transfusions": a session before today is asked, not ruled out (§46). */
class CurrentProcedureVerdictsTest {
  private static Facts transfused(String... dates) {
    Facts f = adult();
    for (String d : dates) f.procedure("Red blood cell transfusion", d, coded("red-cell-transfusion"));
    return f;
  }

  @Test
  void aTransfusionThreeWeeksAgoMayBeCurrent() {
    Facts everyThreeWeeks = transfused("2026-04-20", "2026-05-11"); // the tests' date is 2026-06-01
    for (String sentence : List.of("Patients currently receiving red blood cell transfusions",
        "Currently receiving red cell transfusions", "Patients who are currently receiving RBC transfusions")) {
      assertThat(inclusion(sentence, everyThreeWeeks)).as(sentence + ": transfused three weeks ago (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, everyThreeWeeks)).as(sentence + ": in the exclusion list (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      Facts longAgo = transfused("2024-06-01");
      assertThat(inclusion(sentence, longAgo)).as(sentence + ": last transfused in 2024").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, longAgo)).as(sentence + ": last transfused in 2024").isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Not currently receiving transfusions", transfused("2024-06-01")))
        .as("a transfusion of 2024 is not current").isEqualTo(Truth.MET);
  }
}
