package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.DefinedByDiagnosesVerdictsTest.record;
import static org.eligo.criteria.parse.DefinedByDiagnosesVerdictsTest.with;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §89 reviewed: a disease "defined as" alternatives names the kinds that count, and their time. Read as any of (the
 * disease, the definition), the disease alone excluded: a DVT of 2019 under "History of thrombosis, defined as DVT or
 * PE within the past 12 months", a Sjögren syndrome under "Autoimmune disease, defined as SLE or RA".
 */
class DefinedByDiagnosesReviewVerdictsTest {
  @Test
  void theDiseaseAloneDoesNotExcludeWhereItsDefinitionNamesOtherKindsOrATime() {
    Facts dvt2019 = record().condition("Deep vein thrombosis", ClinicalStatus.RESOLVED, "2019-03-01", "2019-09-01",
        coded("deep-vein-thrombosis"));
    Facts dvtThisYear = record().condition("Deep vein thrombosis", ClinicalStatus.ACTIVE, "2026-02-01", null,
        coded("deep-vein-thrombosis"));
    for (String sentence : java.util.List.of("History of thrombosis, defined as DVT or PE within the past 12 months",
        "Thromboembolic event, defined as deep vein thrombosis or pulmonary embolism within 12 months prior to "
            + "screening")) {
      assertThat(exclusion(sentence, dvt2019)).as("a DVT of 2019: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, dvtThisYear)).as("a DVT this year: %s", sentence).isEqualTo(Truth.MET);
    }
    // the disease's own time binds the kinds too (read ever, a DVT of 2019 met "Current VTE")
    for (String sentence : java.util.List.of("Current venous thromboembolism, defined as DVT or PE",
        "Active thromboembolic event, defined as deep vein thrombosis or pulmonary embolism")) {
      assertThat(inclusion(sentence, dvt2019)).as("a DVT of 2019: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, dvtThisYear)).as("a DVT this year: %s", sentence).isEqualTo(Truth.MET);
    }
    Facts sjogren = with(record(), "Sjögren syndrome", "sjogren-syndrome");
    String autoimmune = "Autoimmune disease, defined as systemic lupus erythematosus or rheumatoid arthritis";
    assertThat(exclusion(autoimmune, sjogren)).as("Sjögren's is not listed").isNotEqualTo(Truth.MET);
    assertThat(exclusion(autoimmune, with(record(), "SLE", "systemic-lupus-erythematosus"))).isEqualTo(Truth.MET);
    Facts taTma = with(record(), "Transplant-associated thrombotic microangiopathy",
        "transplant-associated-thrombotic-microangiopathy");
    String tma = "Thrombotic microangiopathy (defined as TTP or HUS)";
    assertThat(exclusion(tma, taTma)).as("a TMA after transplant").isNotEqualTo(Truth.MET);
    assertThat(inclusion(tma, taTma)).as("asked, not met").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(tma, with(record(), "Hemolytic uremic syndrome", "hemolytic-uremic-syndrome")))
        .isEqualTo(Truth.MET);
  }
}
