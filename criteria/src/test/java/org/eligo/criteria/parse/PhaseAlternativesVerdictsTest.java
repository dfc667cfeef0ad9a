package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.inclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §72's phases of ITP reviewed (DECISIONS §77): two phases offered as alternatives ("Chronic or newly diagnosed ITP")
 * never require both, which no onset meets.
 */
class PhaseAlternativesVerdictsTest {
  static Facts itpSince(String onset) {
    return adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, onset, null,
        coded("immune-thrombocytopenia"));
  }

  @Test
  void twoPhasesOfferedAsAlternativesFailNoPatientWithEither() {
    // evaluated 2026-06-01: since 2020 chronic, since 2026-01-10 persistent, since 2026-04-20 newly diagnosed
    for (String sentence : List.of("Chronic or newly diagnosed ITP", "Persistent or newly diagnosed ITP",
        "Chronic or newly diagnosed primary immune thrombocytopenia", "Persistent or newly-diagnosed ITP")) {
      boolean chronic = sentence.startsWith("Chronic");
      assertThat(compiled(inclusion(sentence), itpSince(chronic ? "2020-03-01" : "2026-01-10")).get("inc-1"))
          .as("%s ITP: %s", chronic ? "chronic" : "persistent", sentence).isNotEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), itpSince("2026-04-20")).get("inc-1"))
          .as("newly diagnosed ITP: %s", sentence).isNotEqualTo(Truth.NOT_MET);
    }
  }
}
