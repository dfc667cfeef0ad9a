package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.inclusion;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.withProcedures;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.logic.Truth;
import org.junit.jupiter.api.Test;

/**
 * Transfusion-free windows (DECISIONS 92), as of 2026-06-01: transfused ten weeks ago MET, three weeks ago NOT_MET,
 * a record without procedures UNKNOWN. "Transfusion-free" and an independence defined by the absence it means
 * ("(no platelet transfusions for ≥ 4 weeks)") were unparsed: asked of every patient.
 */
class TransfusionFreeWindowVerdictsTest {
  @Test
  void aTransfusionFreeWindowIsMetTenWeeksAfterTheLastAndFailedThreeWeeksAfter() {
    String[][] cases = {
        {"Platelet transfusion-independent (no platelet transfusions for ≥ 4 weeks)", "platelet-transfusion",
            "Platelet transfusion"},
        {"RBC transfusion independence, defined as no RBC transfusions in the previous 8 weeks",
            "red-cell-transfusion", "Packed red cell transfusion"},
        {"Red blood cell transfusion-free for at least 8 weeks prior to enrollment", "red-cell-transfusion",
            "Packed red cell transfusion"},
        {"Platelet transfusion-free: no platelet transfusion within the last 28 days before screening",
            "platelet-transfusion", "Platelet transfusion"},
        {"No RBC transfusions during the 56 days before randomisation", "red-cell-transfusion",
            "Packed red cell transfusion"}};
    for (String[] c : cases) {
      String sentence = c[0];
      assertThat(compiled(inclusion(sentence), withProcedures().procedure(c[2], "2026-03-23", coded(c[1])))
          .get("inc-1")).as("transfused 10 weeks ago: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), withProcedures().procedure(c[2], "2026-05-11", coded(c[1])))
          .get("inc-1")).as("transfused 3 weeks ago: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), adult().condition("Aplastic anemia",
          ClinicalStatus.ACTIVE, "2025-01-10", null, coded("aplastic-anemia"))).get("inc-1"))
          .as("a record without procedures: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void theDefinitionsNoIsNoAlternativeAndAWindowNotReadIsAsked() {
    // a transfusion of the other kind does not break the independence (§77)
    assertThat(compiled(inclusion("Platelet transfusion-independent (no platelet transfusions for ≥ 4 weeks)"),
        withProcedures().procedure("Packed red cell transfusion", "2026-05-11", coded("red-cell-transfusion")))
        .get("inc-1")).as("red cells 3 weeks ago").isEqualTo(Truth.MET);
    // more than the definition (an exception) is not read by it
    assertThat(compiled(inclusion("Platelet transfusion-independent (no platelet transfusions for ≥ 4 weeks, except"
        + " for bleeding)"), withProcedures().procedure("Platelet transfusion", "2026-05-11",
        coded("platelet-transfusion"))).get("inc-1")).as("an exception after the window").isNotEqualTo(Truth.NOT_MET);
  }
}
