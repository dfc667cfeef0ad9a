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
import org.junit.jupiter.api.Test;

/**
 * Lab results as hospital systems write them that DECISIONS 93 reads (or refuses to read) through the real FHIR reader:
 * text with a flag between the number and its unit, digit grouping, a decimal comma, a reference range printed after
 * the value; a result given as a range or a ratio; a value beside a data-absent reason. Each result is February's,
 * beside an older December result that must not decide in its place when February's cannot be read.
 */
class LabResultShapesTest {

  /** A patient with an older result of {@code loinc} in December and a newer one of February given by {@code value}. */
  private static String bundle(String loinc, String december, String value) {
    return """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1958-01-23",
          "gender": "male"}},
         {"fullUrl": "urn:uuid:o0", "resource": {"resourceType": "Observation", "id": "o0", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "%1$s"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2025-12-10", "valueQuantity": %2$s}},
         {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "%1$s"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2026-02-24T09:15:00-06:00", %3$s}}]}""".formatted(loinc, december, value);
  }

  private static String text(String value) {
    return "\"valueString\": \"" + value + "\"";
  }

  private static final String PLT_30 = "{\"value\": 30, \"unit\": \"10*9/L\", \"system\": \"http://unitsofmeasure.org\","
      + " \"code\": \"10*9/L\"}";
  private static final String HB_70 = "{\"value\": 7.0, \"unit\": \"g/dL\", \"system\": \"http://unitsofmeasure.org\","
      + " \"code\": \"g/dL\"}";
  private static final String ANC_03 = "{\"value\": 0.3, \"unit\": \"10*9/L\", \"system\": \"http://unitsofmeasure.org\","
      + " \"code\": \"10*9/L\"}";

  private static Truth verdict(String measure, Comparator comparator, double value, String unit, String json) {
    Rule rule = new MeasurementRule(measure, measure, comparator, value, false, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  /** "Platelet count ≥ 100 × 10⁹/L" (here 100 10*9/L). */
  private static Truth platelets100(String value) {
    return verdict("platelets", Comparator.GE, 100, "10*9/L", bundle("777-3", PLT_30, value));
  }

  /** "Hemoglobin ≥ 9 g/dL" (90 g/L). */
  private static Truth hemoglobin9(String value) {
    return verdict("hemoglobin", Comparator.GE, 90, "g/L", bundle("718-7", HB_70, value));
  }

  /** "ANC ≥ 1.0 × 10⁹/L". */
  private static Truth anc1(String value) {
    return verdict("anc", Comparator.GE, 1.0, "10*9/L", bundle("751-8", ANC_03, value));
  }

  @Test
  void aFlagBetweenTheNumberAndItsUnitIsLeftOut() {
    assertThat(hemoglobin9(text("12.5 (L) g/dL"))).isEqualTo(Truth.MET);
    assertThat(hemoglobin9(text("8.1 [L] g/dL"))).isEqualTo(Truth.NOT_MET);
    assertThat(platelets100(text("450 (H) K/uL"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("1.8 (*) 10*3/uL"))).isEqualTo(Truth.MET);
  }

  @Test
  void aReferenceRangePrintedAfterTheValueIsLeftOut() {
    assertThat(hemoglobin9(text("12.5 g/dL (ref 13.5-17.5)"))).isEqualTo(Truth.MET);
    assertThat(platelets100(text("182 K/uL (Ref: 150 - 400)"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("2.1 10*3/uL [1.5-8.0] "))).isEqualTo(Truth.MET);
    assertThat(hemoglobin9(text("8.4 g/dL (L) (normal range 12.0-16.0)"))).isEqualTo(Truth.NOT_MET);
    // a comment in brackets is no reference range: the result stays unread, and December does not decide
    assertThat(platelets100(text("150 K/uL (not reliable, clumped)"))).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("12.5 g/dL (NOTE: hemolyzed)"))).isEqualTo(Truth.UNKNOWN);
  }

  /** Spaces between groups of three (SI), commas with a second group or a decimal point: thousands, unambiguous. */
  @Test
  void digitsGroupedSoTheyCannotBeMisreadAreRead() {
    assertThat(platelets100(text("150 000 /uL"))).isEqualTo(Truth.MET);
    assertThat(platelets100(text("45 000 /µL"))).isEqualTo(Truth.NOT_MET);
    assertThat(platelets100(text("1,250,000 /uL"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("1,250.5 /uL"))).isEqualTo(Truth.MET);
  }

  /** A decimal comma followed by other than three digits, or after a lone 0: European labs' decimals. */
  @Test
  void aDecimalCommaThatCannotBeAThousandsSeparatorIsRead() {
    assertThat(anc1(text("1,5 10*9/L"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("0,8 10*9/L"))).isEqualTo(Truth.NOT_MET);
    assertThat(hemoglobin9(text("12,75 g/dL"))).isEqualTo(Truth.MET);
    assertThat(hemoglobin9(text("85 g/L"))).isEqualTo(Truth.NOT_MET);
  }

  /**
   * One comma or dot before exactly three digits is 150 000 in one country and 150 in another: never guessed, and
   * December's low count does not decide in its place.
   */
  @Test
  void oneCommaOrDotBeforeThreeDigitsIsNotGuessed() {
    assertThat(platelets100(text("150,000 /uL"))).isEqualTo(Truth.UNKNOWN);
    assertThat(platelets100(text("150.000 /µL"))).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1(text("1,500 /uL"))).isEqualTo(Truth.UNKNOWN);
    PatientReadResult result = read(bundle("777-3", PLT_30, text("150,000 /uL")));
    assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("thousands"));
  }

  /** Words where a number should be: the result exists, so December's does not decide. */
  @Test
  void wordsForANumericResultSetOlderResultsAside() {
    assertThat(platelets100(text("see comment"))).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1(text("Not detected"))).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("Negative"))).isEqualTo(Truth.UNKNOWN);
    // a bound without its unit stays unread, as a bare number does (DECISIONS 90)
    assertThat(anc1(text("<0.5"))).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1(text(">= 1000 /uL"))).isEqualTo(Truth.MET);
  }

  /** A range with one limit is a bound; with both an interval Eligo does not read, and December does not decide. */
  @Test
  void aResultGivenAsARange() {
    String ucum = ", \"system\": \"http://unitsofmeasure.org\"";
    assertThat(platelets100("\"valueRange\": {\"low\": {\"value\": 150, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}}")).isEqualTo(Truth.MET);
    assertThat(platelets100("\"valueRange\": {\"high\": {\"value\": 20, \"unit\": \"K/uL\"}}"))
        .isEqualTo(Truth.NOT_MET);
    assertThat(anc1("\"valueRange\": {\"low\": {\"value\": 0.5, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}}")).as("at least 0.5 may or may not be 1.0").isEqualTo(Truth.UNKNOWN);
    assertThat(platelets100("\"valueRange\": {\"low\": {\"value\": 20, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}, \"high\": {\"value\": 30, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}}")).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9("\"valueRange\": {\"low\": {\"value\": 12, \"unit\": \"g/dL\"}, \"high\": {\"value\": 13,"
        + " \"unit\": \"g/dL\"}}")).isEqualTo(Truth.UNKNOWN);
  }

  /** A titre (1:64) is not a concentration: never compared with a limit in units, and December does not decide. */
  @Test
  void aResultGivenAsARatioIsNotAConcentration() {
    String ratio = "\"valueRatio\": {\"numerator\": {\"value\": 1}, \"denominator\": {\"value\": 64}}";
    assertThat(platelets100(ratio)).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(ratio)).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1("\"valueRatio\": {\"numerator\": {\"value\": 2.1, \"unit\": \"10*9/L\"}, \"denominator\": "
        + "{\"value\": 1}}")).isEqualTo(Truth.UNKNOWN);
    assertThat(read(bundle("777-3", PLT_30, ratio)).diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("ratio"));
  }

  /** A value beside a reason it is absent (FHIR forbids both): never read as a result, 0 least of all. */
  @Test
  void aValueBesideADataAbsentReasonIsNoValue() {
    String reason = ", \"dataAbsentReason\": {\"coding\": [{\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"%s\"}]}";
    assertThat(platelets100("\"valueQuantity\": {\"value\": 0, \"unit\": \"10*9/L\"}" + reason.formatted("error")))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(anc1("\"valueQuantity\": {\"value\": 0, \"unit\": \"10*9/L\"}" + reason.formatted("not-performed")))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9("\"valueString\": \"0 g/dL\"" + reason.formatted("masked"))).isEqualTo(Truth.UNKNOWN);
    // without a value, as before: masked sets December aside, not-performed leaves it deciding
    assertThat(platelets100("\"dataAbsentReason\": {\"coding\": [{\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"not-performed\"}]}"))
        .isEqualTo(Truth.NOT_MET);
  }

  /** The same in a blood count panel's component: December's count does not decide over it. */
  @Test
  void aPanelComponentWithAValueBesideADataAbsentReasonIsNoValue() {
    String reason = ", \"dataAbsentReason\": {\"coding\": [{\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"error\"}]}";
    String panel = """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1958-01-23",
          "gender": "male"}},
         {"fullUrl": "urn:uuid:o0", "resource": {"resourceType": "Observation", "id": "o0", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2025-12-10", "valueQuantity": %s}},
         {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2026-02-24", "component": [{"code": {"coding": [{"system": "http://loinc.org",
          "code": "777-3"}]}, "valueQuantity": {"value": %s, "unit": "10*9/L"}%s}]}}]}""";
    assertThat(verdict("platelets", Comparator.GE, 100, "10*9/L", panel.formatted(PLT_30, 0, reason)))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict("platelets", Comparator.GE, 100, "10*9/L", panel.formatted(PLT_30, 185, reason)))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict("platelets", Comparator.GE, 100, "10*9/L", panel.formatted(PLT_30, 185, "")))
        .as("the panel's count without the reason").isEqualTo(Truth.MET);
  }

  /** A comparator with no UCUM code but a displayed unit, as Epic sends one: a bound in that unit. */
  @Test
  void aComparatorWithOnlyADisplayedUnit() {
    assertThat(platelets100("\"valueQuantity\": {\"value\": 150, \"comparator\": \">\", \"unit\": \"K/uL\"}"))
        .isEqualTo(Truth.MET);
    assertThat(anc1("\"valueQuantity\": {\"value\": 500, \"comparator\": \"<\", \"unit\": \"/uL\"}"))
        .isEqualTo(Truth.NOT_MET);
    assertThat(hemoglobin9("\"valueQuantity\": {\"value\": 10, \"comparator\": \"<\", \"unit\": \"g/dL\"}"))
        .isEqualTo(Truth.UNKNOWN);
  }

  /** A unit slip that makes an impossible value (a g/L hemoglobin labelled g/dL): no verdict, with a diagnostic. */
  @Test
  void anImplausibleValueIsNoVerdict() {
    assertThat(hemoglobin9("\"valueQuantity\": {\"value\": 125, \"unit\": \"g/dL\", \"system\": "
        + "\"http://unitsofmeasure.org\", \"code\": \"g/dL\"}")).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("125 g/dL"))).isEqualTo(Truth.UNKNOWN);
    assertThat(read(bundle("718-7", HB_70, text("125 g/dL"))).diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("plausible"));
  }

  /**
   * The other way round: a hemoglobin in g/dL labelled g/L (12.5 g/L), a platelet count per µL labelled as such but
   * meant in thousands (150 /uL, 0.15 × 10⁹/L). Both failed every limit; each is now no verdict, and a low value a
   * patient can have is still read.
   */
  @Test
  void aValueBelowWhatAPatientCanHaveIsNoVerdict() {
    String ucum = ", \"system\": \"http://unitsofmeasure.org\"";
    assertThat(hemoglobin9("\"valueQuantity\": {\"value\": 12.5, \"unit\": \"g/L\"" + ucum + ", \"code\": \"g/L\"}"))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("8.7 g/L"))).isEqualTo(Truth.UNKNOWN);
    assertThat(platelets100("\"valueQuantity\": {\"value\": 150, \"unit\": \"/uL\"" + ucum + ", \"code\": \"/uL\"}"))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(platelets100("\"valueQuantity\": {\"value\": 0.4, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}")).isEqualTo(Truth.UNKNOWN);
    assertThat(read(bundle("777-3", PLT_30, text("150 /uL"))).diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("plausible"));
    // low values patients have are read
    assertThat(hemoglobin9(text("4.5 g/dL"))).isEqualTo(Truth.NOT_MET);
    assertThat(platelets100("\"valueQuantity\": {\"value\": 3, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}")).isEqualTo(Truth.NOT_MET);
    assertThat(platelets100(text("<1 10*9/L"))).isEqualTo(Truth.NOT_MET);
  }

  /**
   * A platelet count of 0, as a laboratory reports one in severe ITP or aplastic anaemia, is a count (DECISIONS 93
   * review): it meets "Platelet count &lt; 30 × 10⁹/L" and "≤ 20 × 10⁹/L", fails "≥ 100 × 10⁹/L", and December's 30 does
   * not decide in its place; in every unit the reader knows. A count between 0 and 1 (0.15, a count per µL written
   * under a unit of thousands) and a hemoglobin of 0 are still asked.
   */
  @Test
  void aPlateletCountOfZeroIsACount() {
    String ucum = ", \"system\": \"http://unitsofmeasure.org\"";
    for (String zero : java.util.List.of("\"valueQuantity\": {\"value\": 0, \"unit\": \"10*9/L\"" + ucum
        + ", \"code\": \"10*9/L\"}", "\"valueQuantity\": {\"value\": 0, \"unit\": \"K/uL\"}", text("0 K/uL"),
        text("0 /uL"), text("0.0 x10^9/L"), text("0 (LL) G/L"))) {
      String record = bundle("777-3", PLT_30, zero);
      assertThat(verdict("platelets", Comparator.LT, 30, "10*9/L", record)).as(zero).isEqualTo(Truth.MET);
      assertThat(verdict("platelets", Comparator.LE, 20, "10*9/L", record)).as(zero).isEqualTo(Truth.MET);
      assertThat(platelets100(zero)).as(zero).isEqualTo(Truth.NOT_MET);
    }
    assertThat(verdict("platelets", Comparator.LT, 30, "10*9/L", bundle("777-3", PLT_30, text("0.15 K/uL"))))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(verdict("platelets", Comparator.LT, 30, "10*9/L", bundle("777-3", PLT_30, text("150 /uL"))))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("0 g/dL"))).isEqualTo(Truth.UNKNOWN);
  }

  /**
   * A space-grouped number whose last group is a power of ten glued to the unit ("2 109/L": 10⁹ with its superscript
   * lost) is 2 × 10⁹/L or 2 109 per litre, a factor of a million apart: never guessed, and December's count does not
   * decide (DECISIONS 93 review). It had been read as 2 109 per litre, 0.000002 × 10⁹/L, and failed "ANC ≥ 1.0 ×
   * 10⁹/L" and "WBC ≥ 3.0 × 10⁹/L". Groups that are no power of ten, or stand apart from the unit, are still read.
   */
  @Test
  void aGroupThatMayBeTheUnitsPowerOfTenIsNotGuessed() {
    assertThat(anc1(text("2 109/L"))).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1(text("1 103/mm3"))).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1(text("3 (H) 109/L"))).isEqualTo(Truth.UNKNOWN);
    String wbc = "{\"value\": 2.0, \"unit\": \"10*9/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"10*9/L\"}";
    assertThat(verdict("wbc", Comparator.GE, 3.0, "10*9/L", bundle("6690-2", wbc, text("5 109/L"))))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(read(bundle("751-8", ANC_03, text("2 109/L"))).diagnostics())
        .anySatisfy(d -> assertThat(d.message()).contains("power of ten"));
    // still read: a decimal before the unit's digits, a group apart from the unit, a group that is no power of ten
    assertThat(anc1(text("1.5 109/L"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("1 100 /uL"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("1 250/mm3"))).isEqualTo(Truth.MET);
    assertThat(platelets100(text("150 000/mm3"))).isEqualTo(Truth.MET);
  }

  /**
   * Two numbers and a word in brackets are a comment, not a reference range (DECISIONS 93 review): "45 K/uL (2-3
   * clumps)" is a count clumped platelets make falsely low, and had failed "Platelet count ≥ 100 × 10⁹/L"; it is asked,
   * and December's count does not decide. A range with its unit, or a short unit, is still left out.
   */
  @Test
  void twoNumbersAndAWordInBracketsAreNoReferenceRange() {
    assertThat(platelets100(text("45 K/uL (2-3 clumps)"))).isEqualTo(Truth.UNKNOWN);
    assertThat(platelets100(text("62 10*9/L [1-2 giant platelets]"))).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("8.1 g/dL (2-3 units)"))).isEqualTo(Truth.UNKNOWN);
    assertThat(anc1(text("0.8 10*9/L (5-10 blasts)"))).isEqualTo(Truth.UNKNOWN);
    assertThat(hemoglobin9(text("12.5 g/dL (13.5-17.5 g/dL)"))).isEqualTo(Truth.MET);
    assertThat(platelets100(text("182 K/uL (150 - 400 x10^9/L)"))).isEqualTo(Truth.MET);
    assertThat(anc1(text("2.1 10*9/L (1.5-8.0 G/L)"))).isEqualTo(Truth.MET);
    assertThat(hemoglobin9(text("8.4 g/dL (12-16)"))).isEqualTo(Truth.NOT_MET);
  }
}
