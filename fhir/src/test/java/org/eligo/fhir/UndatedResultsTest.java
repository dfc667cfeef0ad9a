package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Results the record does not date themselves (DECISIONS 90): dated by the DiagnosticReport that lists them when
 * there is one, and otherwise never outweighed by an older result, since they may be the newest.
 */
class UndatedResultsTest {

  private static String bundle(String type, String... entries) {
    return """
        {"resourceType": "Bundle", "type": "%s", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1962-03-08",
          "gender": "male"}}, %s]}""".formatted(type, String.join(",", entries));
  }

  /** A result with the given date fields ("" for none): a separate entry, as HL7 v2 feeds converted to FHIR send. */
  private static String result(String id, String loinc, double value, String unit, String dates) {
    return """
        {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "urn:uuid:p1"}%s,
         "valueQuantity": {"value": %s, "unit": "%s", "system": "http://unitsofmeasure.org", "code": "%s"}}}"""
        .formatted(id, id, loinc, dates.isEmpty() ? "" : ", " + dates, value, unit, unit);
  }

  /** A DiagnosticReport listing results by their entries' fullUrls. */
  private static String report(String effective, String... results) {
    StringBuilder refs = new StringBuilder();
    for (String r : results) refs.append(refs.isEmpty() ? "" : ", ").append("{\"reference\": \"urn:uuid:").append(r)
        .append("\"}");
    return """
        {"fullUrl": "urn:uuid:dr1", "resource": {"resourceType": "DiagnosticReport", "id": "dr1", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]}, "subject": {"reference": "urn:uuid:p1"},
         %s, "result": [%s]}}""".formatted(effective, refs);
  }

  private static Rule atLeast(String measure, double value, String unit) {
    return new MeasurementRule(measure, measure, Comparator.GE, value, false, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
  }

  private static Truth verdict(Rule rule, String json) {
    if (rule instanceof org.eligo.core.rule.PregnancyRule) {
      json = json.replace("\"1962-03-08\"", "\"1994-03-08\"").replace("\"male\"", "\"female\"");
    }
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  /**
   * "Platelet count ≥ 50 × 10⁹/L" and "ANC ≥ 1.5 × 10⁹/L" for a patient whose February blood count lists results
   * that carry no date of their own: they were dropped and December's counts (30, 0.8) excluded him.
   */
  @Test
  void resultsTheirReportDatesAreReadOnItsDate() {
    String json = bundle("collection",
        result("plt-dec", "777-3", 30, "10*3/uL", "\"effectiveDateTime\": \"2025-12-02\""),
        result("anc-dec", "751-8", 0.8, "10*3/uL", "\"effectiveDateTime\": \"2025-12-02\""),
        report("\"effectiveDateTime\": \"2026-02-16T07:40:00-05:00\"", "plt", "anc"),
        result("plt", "777-3", 185, "10*3/uL", ""), result("anc", "751-8", 2.4, "10*3/uL", ""));
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), json)).isEqualTo(Truth.MET);
    assertThat(verdict(atLeast("anc", 1.5, "10*9/L"), json)).isEqualTo(Truth.MET);
    assertThat(read(json).facts().measurements()).filteredOn(m -> m.value() == 185.0).singleElement()
        .satisfies(m -> assertThat(m.date()).hasToString("2026-02-16"));
    // a report dated by a period, in a searchset
    String period = bundle("searchset", result("plt-dec", "777-3", 30, "10*3/uL",
        "\"effectiveDateTime\": \"2025-12-02\""), report("\"effectivePeriod\": {\"start\": \"2026-02-10\"}", "plt"),
        result("plt", "777-3", 185, "10*3/uL", ""));
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), period)).isEqualTo(Truth.MET);
  }

  /**
   * A result with no date at all, nor a report to date it: it may be the newest, so an older low count does not
   * exclude; the criterion asks. A result of the as-of day still decides.
   */
  @Test
  void aResultWithoutAnyDateLeavesItsMeasureOpen() {
    String json = bundle("collection",
        result("hgb-old", "718-7", 7.1, "g/dL", "\"effectiveDateTime\": \"2026-01-05\""),
        result("hgb", "718-7", 11.9, "g/dL", ""));
    assertThat(verdict(atLeast("hemoglobin", 9, "g/dL"), json)).isEqualTo(Truth.UNKNOWN);
    assertThat(read(json).diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .contains("hemoglobin result without a date").contains("it may be the newest"));
    String creatinine = bundle("collection",
        result("cr-old", "2160-0", 2.6, "mg/dL", "\"effectiveDateTime\": \"2025-10-20\""),
        result("cr", "2160-0", 0.9, "mg/dL", ""));
    assertThat(verdict(new MeasurementRule("creatinine", "creatinine", Comparator.LE, 1.5, false, "mg/dL",
        MeasurementRule.DEFAULT_RECENCY_DAYS, null), creatinine)).isEqualTo(Truth.UNKNOWN);
    String today = bundle("collection", result("plt-now", "777-3", 40, "10*3/uL",
        "\"effectiveDateTime\": \"2026-03-01\""), result("plt", "777-3", 185, "10*3/uL", ""));
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), today)).as("a count of the as-of day")
        .isEqualTo(Truth.NOT_MET);
  }

  /**
   * A blood count panel Observation (58410-2) that lists its results by {@code hasMember} and alone carries the date:
   * the results are read on it, so February's count decides over December's.
   */
  @Test
  void resultsAPanelListsAreReadOnThePanelsDate() {
    String panel = """
        {"fullUrl": "urn:uuid:cbc", "resource": {"resourceType": "Observation", "id": "cbc", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]}, "subject": {"reference": "urn:uuid:p1"},
         "effectiveDateTime": "2026-02-18", "hasMember": [{"reference": "urn:uuid:plt"}]}}""";
    String json = bundle("transaction", result("plt-dec", "777-3", 30, "10*3/uL",
        "\"effectiveDateTime\": \"2025-12-02\""), panel, result("plt", "777-3", 185, "10*3/uL", ""));
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), json)).isEqualTo(Truth.MET);
  }

  /**
   * The results above when they are preliminary, or coded only locally and named as the measure: they decide nothing,
   * but as newer results they must set December's count aside as a dated one does. Undated, they were passed over, and
   * December's count of 30 failed "Platelet count ≥ 50 × 10⁹/L" (and an ANC of 0.8 "ANC ≥ 1.5 × 10⁹/L"); now asked.
   */
  @Test
  void preliminaryOrLocallyCodedResultsWithoutADateOfTheirOwnSetOlderOnesAside() {
    String dec = result("plt-dec", "777-3", 30, "10*3/uL", "\"effectiveDateTime\": \"2025-12-02\"");
    String ancDec = result("anc-dec", "751-8", 0.8, "10*3/uL", "\"effectiveDateTime\": \"2025-12-02\"");
    String feb = report("\"effectiveDateTime\": \"2026-02-16T07:40:00-05:00\"", "plt", "anc");
    String prelim = result("plt", "777-3", 185, "10*3/uL", "").replace("\"final\"", "\"preliminary\"");
    String ancPrelim = result("anc", "751-8", 2.4, "10*3/uL", "").replace("\"final\"", "\"preliminary\"");
    // listed by February's report; and with no date anywhere
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, feb, prelim)))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(atLeast("anc", 1.5, "10*9/L"), bundle("searchset", ancDec, feb, ancPrelim)))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, prelim)))
        .isEqualTo(Truth.UNKNOWN);
    // a preliminary blood count panel giving its results as components, dated by nothing
    String panel = """
        {"fullUrl": "urn:uuid:cbc", "resource": {"resourceType": "Observation", "id": "cbc", "status": "preliminary",
         "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]}, "subject": {"reference": "urn:uuid:p1"},
         "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]},
           "valueQuantity": {"value": 185, "unit": "10*3/uL", "system": "http://unitsofmeasure.org", "code": "10*3/uL"}}]}}""";
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("transaction", dec, panel)))
        .isEqualTo(Truth.UNKNOWN);
    // a final count under a local code named "Platelet count", listed by February's report
    String local = result("plt", "777-3", 185, "10*3/uL", "").replace("\"system\": \"http://loinc.org\", \"code\": \"777-3\"",
        "\"system\": \"urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.100\", \"code\": \"PLT\", \"display\": \"Platelet count\"");
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, feb, local)))
        .isEqualTo(Truth.UNKNOWN);
    // dated by its own February day, a final count still decides; December's alone still fails
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, feb,
        result("plt", "777-3", 185, "10*3/uL", "")))).isEqualTo(Truth.MET);
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec))).isEqualTo(Truth.NOT_MET);
  }

  /** A coded result (a pregnancy test or status) with the given LOINC code, answer and date fields. */
  private static String coded(String id, String loinc, String system, String code, String dates) {
    return """
        {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "urn:uuid:p1"}%s,
         "valueCodeableConcept": {"coding": [{"system": "%s", "code": "%s"}]}}}"""
        .formatted(id, id, loinc, dates.isEmpty() ? "" : ", " + dates, system, code);
  }

  /**
   * "Pregnant or breastfeeding" (exclusion) for a woman whose positive test of February 10 is followed by a negative
   * one the record does not date: it may be the newer, so she is asked, not excluded on the positive; it was passed
   * over. A negative stays a negative beside it, and a dated newer negative still decides.
   */
  @Test
  void anUndatedPregnancyTestLeavesAnOlderPositiveOpen() {
    String sct = "http://snomed.info/sct";
    String loinc = "http://loinc.org";
    String feb10 = "\"effectiveDateTime\": \"2026-02-10\"";
    Rule pregnant = org.eligo.core.rule.PregnancyRule.pregnant();
    // urine hCG positive, then serum beta-hCG negative undated; a status "Pregnant", then "Not pregnant" undated
    assertThat(verdict(pregnant, bundle("collection", coded("h1", "2106-3", sct, "10828004", feb10),
        coded("h2", "2110-5", sct, "260385009", "")))).isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(pregnant, bundle("searchset", coded("h1", "82810-3", loinc, "LA15173-0", feb10),
        coded("h2", "82810-3", loinc, "LA26683-5", "")))).isEqualTo(Truth.UNKNOWN);
    // serum hCG coded by LOINC answers, the negative listed by a report that carries no date either
    assertThat(verdict(pregnant, bundle("collection", coded("h1", "2118-8", loinc, "LA6576-8", feb10),
        report("\"issued\": \"2026-02-20T10:00:00Z\"", "h2"), coded("h2", "2118-8", loinc, "LA6577-6", ""))))
        .isEqualTo(Truth.UNKNOWN);
    // what still decides: a negative beside an undated result, a positive alone, a dated newer negative
    assertThat(verdict(pregnant, bundle("collection", coded("h1", "2106-3", sct, "260385009", feb10),
        coded("h2", "2106-3", sct, "10828004", "")))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(pregnant, bundle("collection", coded("h1", "2106-3", sct, "10828004", feb10))))
        .isEqualTo(Truth.MET);
    assertThat(verdict(pregnant, bundle("collection", coded("h1", "2106-3", sct, "10828004", feb10),
        report("\"effectiveDateTime\": \"2026-02-20\"", "h2"), coded("h2", "2106-3", sct, "260385009", ""))))
        .isEqualTo(Truth.NOT_MET);
  }

  /**
   * A cumulative report whose period runs from October to February lists a count without a date of its own: it is of
   * some day of the period, perhaps after December's count of 30, so "Platelet count ≥ 50 × 10⁹/L" is asked; read on
   * the period's first day, it was older than December's and the patient was excluded. A report whose period is one
   * morning dates its results as before.
   */
  @Test
  void aResultAReportListsOverAPeriodIsOfSomeDayOfIt() {
    String dec = result("plt-dec", "777-3", 30, "10*3/uL", "\"effectiveDateTime\": \"2025-12-02\"");
    String ancDec = result("anc-dec", "751-8", 0.8, "10*3/uL", "\"effectiveDateTime\": \"2025-12-02\"");
    String cumulative = report("\"effectivePeriod\": {\"start\": \"2025-10-01\", \"end\": \"2026-02-20\"}",
        "plt", "anc");
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, cumulative,
        result("plt", "777-3", 185, "10*3/uL", "")))).isEqualTo(Truth.UNKNOWN);
    assertThat(verdict(atLeast("anc", 1.5, "10*9/L"), bundle("searchset", ancDec, cumulative,
        result("anc", "751-8", 2.4, "10*3/uL", "")))).isEqualTo(Truth.UNKNOWN);
    // the same for a preliminary result it lists
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, cumulative,
        result("plt", "777-3", 185, "10*3/uL", "").replace("\"final\"", "\"preliminary\"")))).isEqualTo(Truth.UNKNOWN);
    String morning = report("\"effectivePeriod\": {\"start\": \"2026-02-16T07:00:00Z\", \"end\": "
        + "\"2026-02-16T09:30:00Z\"}", "plt");
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", dec, morning,
        result("plt", "777-3", 185, "10*3/uL", "")))).isEqualTo(Truth.MET);
  }

  /**
   * An undated entry that says the count was not performed, or gives no value at all, has no result that may be newer:
   * February's count of 185 still meets "Platelet count ≥ 50 × 10⁹/L" (it was asked), as beside a dated one. An
   * undated entry whose result is withheld ("masked") may be newer, and still leaves the count asked.
   */
  @Test
  void anUndatedEntryWithoutAResultLeavesNewerResultsDeciding() {
    String feb = result("plt-feb", "777-3", 185, "10*3/uL", "\"effectiveDateTime\": \"2026-02-16\"");
    String absent = """
        {"fullUrl": "urn:uuid:plt", "resource": {"resourceType": "Observation", "id": "plt", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]}, "subject": {"reference": "urn:uuid:p1"}%s}}""";
    String reason = ", \"dataAbsentReason\": {\"coding\": [{\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"%s\"}]}";
    for (String code : new String[] {"not-performed", "error", "asked-declined"}) {
      assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", feb,
          absent.formatted(reason.formatted(code))))).as(code).isEqualTo(Truth.MET);
    }
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", feb, absent.formatted(""))))
        .as("no value").isEqualTo(Truth.MET);
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle("collection", feb,
        absent.formatted(reason.formatted("masked"))))).as("masked").isEqualTo(Truth.UNKNOWN);
  }
}
