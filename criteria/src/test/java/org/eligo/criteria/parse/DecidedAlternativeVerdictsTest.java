package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §91: an alternative that is a contraindication closing the sentence ("Prior splenectomy, or a contraindication to
 * splenectomy") had made the whole sentence a question; it is asked on its own, so the branch the record decides
 * (a splenectomy on record) decides the sentence.
 */
class DecidedAlternativeVerdictsTest {

  private static Facts splenectomized() {
    return adult().procedure("Splenectomy", "2019-03-01", coded("splenectomy"));
  }

  @Test
  void aSplenectomyOnRecordMeetsTheAlternativeThoughTheContraindicationIsAsked() {
    for (String sentence : List.of("Prior splenectomy, or a contraindication to splenectomy",
        "Prior splenectomy or contraindication to splenectomy",
        "Splenectomy, or a medical contraindication to splenectomy.",
        "Have undergone splenectomy or have a contraindication to splenectomy")) {
      assertThat(inclusion(sentence, splenectomized())).as(sentence + ": splenectomy in 2019 (was UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().procedure("Bone marrow biopsy", "2024-01-05",
          coded("bone-marrow-biopsy")))).as(sentence + ": no splenectomy, a procedure list").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void inTheExclusionListTheReadBranchExcludesAndTheContraindicationIsAsked() {
    Facts infected = adult().condition("Bacterial infection", ClinicalStatus.ACTIVE, "2026-05-01", null, coded("infection"));
    for (String sentence : List.of("Active infection, or any contraindication to rituximab",
        "Active infection, or any condition contraindicating sirolimus",
        "Active infection or known contraindication to corticosteroids")) {
      assertThat(exclusion(sentence, infected)).as(sentence + ": an active infection (was UNKNOWN)").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult().condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01", null,
          coded("hypertension")))).as(sentence + ": no infection").isEqualTo(Truth.UNKNOWN);
    }
    // a contraindication that may go on ("to rituximab or IVIG") stays asked whole
    assertThat(exclusion("HIV, hepatitis B, or any contraindication to rituximab or IVIG", infected))
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void endToEndUnderTheInclusionHeading() {
    String text = """
        Inclusion Criteria:

        * Diagnosis of primary ITP
        * Prior splenectomy, or a contraindication to splenectomy

        Exclusion Criteria:

        * Pregnancy
        """;
    assertThat(compiled(text, splenectomized()).get("inc-2")).isEqualTo(Truth.MET);
  }
}
