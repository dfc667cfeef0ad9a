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

  @Test
  void aNumberWithAUnitWrittenAsTextIsAQuantityAndABareOneOnlyForAMeasureWithoutAUnit() {
    // a hemoglobin "12.5 g/dL" as valueString was dropped ("needs a number"), so every hemoglobin limit was asked
    PatientReadResult result = read(adult()
        .observation(Code.loinc("718-7"), "2026-02-20", o -> o.put("valueString", "12.5 g/dL")).id("hb")
        .observation(Code.loinc("6301-6"), "2026-02-20", o -> o.put("valueString", " 1.3 ")).id("inr")
        .observation(Code.loinc("777-3"), "2026-02-20", o -> o.put("valueString", "150")).id("bare")
        .observation(Code.loinc("751-8"), "2026-02-20", o -> o.put("valueString", "1,5 10*9/L")).id("comma")
        .observation(Code.loinc("6690-2"), "2026-02-20", o -> o.put("valueString", "4,500 /uL")).id("grouped")
        .bundleJson());
    // a decimal comma before other than three digits is read; one before exactly three may group thousands and is
    // not (DECISIONS 93)
    assertThat(result.facts().measurements()).extracting(m -> m.source().id(), m -> m.value())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hb", 125.0),
            org.assertj.core.groups.Tuple.tuple("inr", 1.3), org.assertj.core.groups.Tuple.tuple("comma", 1.5));
    assertThat(result.diagnostics(Severity.WARNING)).extracting(FhirDiagnostic::location)
        .containsExactly("Observation/hb.valueString", "Observation/inr.valueString", "Observation/comma.valueString");
    // a platelet count of "150" may be 150 x10^9/L or 150,000/uL: dropped, saying why
    assertThat(result.diagnostics(Severity.ERROR)).extracting(FhirDiagnostic::location, FhirDiagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Observation/bare.valueString", "a platelet count given"
                + " as text is a number without a unit (150); a platelet count needs one (e.g. 10*9/L), so the result"
                + " is not used"),
            org.assertj.core.groups.Tuple.tuple("Observation/grouped.valueString", "a white blood cell count given as"
                + " text has one comma or dot before three digits, which may separate thousands or mark decimals; the"
                + " record does not say which, so the result is not used"));
  }

  @Test
  void aCountWhoseUnitMultipliesTwoNumbersIsNotRead() {
    // "10.3/uL" is valid UCUM for 30 per microlitre: an ANC of "1.5 10.3/uL" (10^3/uL with the caret lost) was read as
    // 0.045 x10^9/L and failed "ANC >= 1.5 x 10^9/L"
    PatientReadResult result = read(adult()
        .observation(Code.loinc("751-8"), "2026-02-20", o -> o.put("valueString", "1.5 10.3/uL")).id("text")
        .observation(Code.loinc("777-3"), "2026-02-20", o -> o.putObject("valueQuantity").put("value", 150)
            .put("unit", "10.3/uL")).id("quantity")
        .observation(Code.loinc("33914-3"), "2026-02-20", o -> o.putObject("valueQuantity").put("value", 45)
            .put("unit", "mL/min/{1.73_m2}").put("system", "http://unitsofmeasure.org")
            .put("code", "mL/min/{1.73_m2}")).id("egfr")
        .bundleJson());
    assertThat(result.facts().measurements()).extracting(m -> m.source().id()).containsExactly("egfr");
  }

  @Test
  void aQualitativeHcgPositiveIsPregnantAndNegativeNotPregnantWhateverItsSpecimen() {
    // a serum pregnancy test answered with SNOMED CT "Positive" was "not an answer Eligo knows": pregnancy was asked
    PatientReadResult result = read(adult()
        .coded(Code.loinc("2118-8"), Code.snomed("10828004"), "2026-02-20").id("serum-positive")
        .observation(Code.loinc("2110-5"), "2026-02-21", o -> o.put("valueString", "negative")).id("beta-negative")
        .coded(Code.loinc("2112-1"), Code.loinc("LA6576-8"), "2026-02-22").id("urine-beta-positive")
        .bundleJson());
    assertThat(result.facts().codedObservations()).extracting(o -> o.source().id(), o -> o.measure(),
        o -> o.valueConcepts()).containsExactly(
            org.assertj.core.groups.Tuple.tuple("serum-positive", "pregnancy-status", java.util.Set.of("pregnant")),
            org.assertj.core.groups.Tuple.tuple("beta-negative", "pregnancy-status", java.util.Set.of("not-pregnant")),
            org.assertj.core.groups.Tuple.tuple("urine-beta-positive", "pregnancy-status",
                java.util.Set.of("pregnant")));
    assertThat(result.diagnostics(Severity.WARNING)).isEmpty();
  }

  @Test
  void aBareRxNormIngredientOrClinicalDrugCodeIsTheDrug() {
    // RxNorm 35302 without a display was "Eligo does not know RxNorm 35302": only sirolimus products were listed
    PatientReadResult result = read(adult()
        .medication(Code.rxnorm("35302"), null, "2025-01-01", null, "active").id("ingredient")
        .medication(Code.rxnorm("141704"), null, "2025-01-01", null, "active").id("everolimus")
        .medication(Code.rxnorm("349208"), null, "2025-01-01", null, "active").id("clinical-drug")
        .bundleJson());
    assertThat(result.facts().medications()).extracting(m -> m.source().id(),
        m -> m.concepts().contains("sirolimus"), m -> m.concepts().contains("mtor-inhibitor"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ingredient", true, true),
            org.assertj.core.groups.Tuple.tuple("everolimus", false, true),
            org.assertj.core.groups.Tuple.tuple("clinical-drug", true, true));
    assertThat(result.facts().medications()).allSatisfy(m ->
        assertThat(m.concepts()).doesNotContain(Unidentified.CONCEPT));
  }
}
