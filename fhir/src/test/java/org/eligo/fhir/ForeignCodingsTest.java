package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import org.eligo.core.patient.Unidentified;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Records from systems that code otherwise than a US hospital: WHO's ICD-10 and ICD-10-GM diagnoses, bare RxNorm
 * ingredient and clinical-drug codes, qualitative hCG results, numbers written as text.
 */
class ForeignCodingsTest {
  static final String WHO = "http://hl7.org/fhir/sid/icd-10";
  static final String GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1980-04-12").female();
  }

  @Test
  void aWhoIcd10DiagnosisWithoutANameIsTheConceptItsCodeLiesIn() {
    // a European hospital's "D61.9" with no display was unidentified, so "Diagnosis of aplastic anemia" was asked
    PatientReadResult result = read(adult()
        .condition(new Code(WHO, "D61.9", null), null, "2025-03-01").id("who")
        .condition(new Code(GM, "D61.10", null), null, "2025-03-01").id("gm")
        .condition(new Code(WHO, "D59.1", null), null, "2025-03-01").id("split")
        .bundleJson());
    assertThat(result.facts().conditions()).extracting(c -> c.source().id(), c -> c.concepts().contains(
        "aplastic-anemia"), c -> c.concepts().contains("acquired-aplastic-anemia"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("who", true, false),
            org.assertj.core.groups.Tuple.tuple("gm", true, true),
            org.assertj.core.groups.Tuple.tuple("split", false, false));
    // WHO's D59.1 is every autoimmune haemolytic anaemia; ICD-10-CM splits it, so it is no warm AIHA
    assertThat(result.facts().conditions().get(2).concepts()).contains("autoimmune-hemolytic-anemia")
        .doesNotContain("warm-autoimmune-hemolytic-anemia", Unidentified.CONCEPT);
    assertThat(result.diagnostics(Severity.INFO)).noneSatisfy(d -> assertThat(d.message()).contains("does not know"));
  }

  @Test
  void aGermanDiagnosisMarkedSuspectedExcludedOrPastProvesNothing() {
    // ICD-10-GM's certainty "A" (ausgeschlossen) on the coding: read by its code, the ruled-out aplastic anaemia would
    // have met "Diagnosis of aplastic anemia" and excluded under an exclusion naming it
    PatientReadResult result = read(adult()
        .condition(new Code(GM, "D61.9", null), null, "2025-03-01").id("excluded")
        .with(c -> certainty(c, "A"))
        .condition(new Code(GM, "D61.9", null), null, "2025-03-01").id("secured")
        .with(c -> certainty(c, "G"))
        .condition(new Code(GM, "D61.9 A", null), null, "2025-03-01").id("letter-in-code")
        .bundleJson());
    assertThat(result.facts().conditions()).extracting(c -> c.source().id(), c -> c.concepts().contains(
        "aplastic-anemia"), c -> c.concepts().contains(Unidentified.CONCEPT))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("excluded", false, true),
            org.assertj.core.groups.Tuple.tuple("secured", true, false),
            org.assertj.core.groups.Tuple.tuple("letter-in-code", false, true));
  }

  private static void certainty(com.fasterxml.jackson.databind.node.ObjectNode condition, String code) {
    com.fasterxml.jackson.databind.node.ObjectNode coding =
        (com.fasterxml.jackson.databind.node.ObjectNode) condition.get("code").get("coding").get(0);
    coding.putArray("extension").addObject().put("url", CodeableConcepts.GERMAN_CERTAINTY).putObject("valueCoding")
        .put("code", code);
  }
}
