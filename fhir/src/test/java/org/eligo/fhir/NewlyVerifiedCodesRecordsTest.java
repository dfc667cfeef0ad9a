package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.junit.jupiter.api.Test;

/**
 * Records coded only with codes the terminology had left out as unverified (DECISIONS 100): a lymphocyte count coded
 * with the method-unspecified LOINC 26474-7, a calcium or magnesium result coded with its molar LOINC (2000-8, 2601-3)
 * and reported in mmol/L, and a medication list coded only with WHO ATC (diltiazem C08DB01, cobicistat V03AX03,
 * phenytoin N03AB02) or RxNorm ingredient (busulfan 1828, methotrexate 6851). Such a result or drug was not read, so every limit on it was asked.
 */
class NewlyVerifiedCodesRecordsTest {
  private static final String ATC = "http://www.whocc.no/atc";

  private static String lab(String loinc, double value, String unit) {
    return """
        {"resourceType": "Bundle", "type": "collection", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1968-03-02",
          "gender": "male"}},
         {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
          "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
           "code": "laboratory"}]}],
          "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2026-02-20",
          "valueQuantity": {"value": %s, "unit": "%s", "system": "http://unitsofmeasure.org", "code": "%s"}}}]}"""
        .formatted(loinc, value, unit, unit);
  }

  private static String medication(String atc) {
    return medication(ATC, atc);
  }

  private static String medication(String system, String code) {
    return """
        {"resourceType": "Bundle", "type": "collection", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1968-03-02",
          "gender": "male"}},
         {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "active",
          "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s"}]},
          "subject": {"reference": "urn:uuid:p1"}, "effectivePeriod": {"start": "2025-06-01"}}}]}"""
        .formatted(system, code);
  }

  private static Truth verdict(Rule rule, String json) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static Rule limit(String measure, Comparator comparator, double value, String unit) {
    return new MeasurementRule(measure, measure, comparator, value, false, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
  }

  @Test
  void aLymphocyteCountCodedWithoutItsMethodIsTheLymphocyteCount() {
    // "Absolute lymphocyte count >= 0.5 x 10^9/L"
    Rule alc = limit("lymphocytes", Comparator.GE, 0.5, "10*9/L");
    assertThat(verdict(alc, lab("26474-7", 1.2, "10*3/uL"))).isEqualTo(Truth.MET);
    assertThat(verdict(alc, lab("26474-7", 0.3, "10*3/uL"))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(alc, lab("26474-7", 300, "/uL"))).isEqualTo(Truth.NOT_MET);
    // some systems send the lymphocyte percentage under 26474-7: a percent is no count, so it is asked
    assertThat(verdict(alc, lab("26474-7", 31.4, "%"))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void molarCalciumAndMagnesiumConvertThroughTheMolarMass() {
    // "Serum calcium <= 12 mg/dL": 3.2 mmol/L is 12.8 mg/dL, 2.4 mmol/L is 9.6 mg/dL
    Rule calcium = limit("calcium", Comparator.LE, 12, "mg/dL");
    assertThat(verdict(calcium, lab("2000-8", 3.2, "mmol/L"))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(calcium, lab("2000-8", 2.4, "mmol/L"))).isEqualTo(Truth.MET);
    // "Magnesium >= 1.2 mg/dL": 0.4 mmol/L is 0.97 mg/dL, 0.8 mmol/L is 1.94 mg/dL
    Rule magnesium = limit("magnesium", Comparator.GE, 1.2, "mg/dL");
    assertThat(verdict(magnesium, lab("2601-3", 0.4, "mmol/L"))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(magnesium, lab("2601-3", 0.8, "mmol/L"))).isEqualTo(Truth.MET);
  }

  @Test
  void anAtcCodedCyp3aDrugIsInItsClass() {
    MedicationRule moderateInhibitor = new MedicationRule(Set.of("moderate-cyp3a4-inhibitor"),
        new MedicationTiming.Current(), "moderate CYP3A4 inhibitor");
    MedicationRule strongInhibitor = new MedicationRule(Set.of("strong-cyp3a4-inhibitor"),
        new MedicationTiming.Current(), "strong CYP3A4 inhibitor");
    MedicationRule strongInducer = new MedicationRule(Set.of("strong-cyp3a4-inducer"),
        new MedicationTiming.Current(), "strong CYP3A4 inducer");
    // "Current use of a moderate CYP3A4 inhibitor" (exclusion): diltiazem coded C08DB01 alone
    assertThat(verdict(moderateInhibitor, medication("C08DB01"))).isEqualTo(Truth.MET);
    assertThat(verdict(new Not(moderateInhibitor), medication("C08DB01"))).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(strongInhibitor, medication("V03AX03"))).as("cobicistat").isEqualTo(Truth.MET);
    assertThat(verdict(strongInducer, medication("N03AB02"))).as("phenytoin").isEqualTo(Truth.MET);
  }

  @Test
  void anAtcCodeUnderItsOidIsTheAtcCode() {
    // records converted from CDA name WHO ATC by its OID (DECISIONS 100 review): diltiazem coded C08DB01 under
    // urn:oid:2.16.840.1.113883.6.73 is diltiazem, so "Current use of a moderate CYP3A4 inhibitor" (exclusion) is met
    // and "No concomitant moderate CYP3A4 inhibitors" (inclusion) is not (both were asked: the code was unknown)
    MedicationRule moderateInhibitor = new MedicationRule(Set.of("moderate-cyp3a4-inhibitor"),
        new MedicationTiming.Current(), "moderate CYP3A4 inhibitor");
    String diltiazem = medication("urn:oid:2.16.840.1.113883.6.73", "C08DB01");
    assertThat(verdict(moderateInhibitor, diltiazem)).isEqualTo(Truth.MET);
    assertThat(verdict(new Not(moderateInhibitor), diltiazem)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anIngredientCodedDrugIsTheDrug() {
    String rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    MedicationRule chemotherapy = new MedicationRule(Set.of("antineoplastic-chemotherapy"), new MedicationTiming.Ever(),
        "prior chemotherapy");
    // "No prior chemotherapy" (inclusion): busulfan coded with its RxNorm ingredient alone
    assertThat(verdict(new Not(chemotherapy), medication(rxnorm, "1828"))).isEqualTo(Truth.NOT_MET);
    MedicationRule immunosuppressant = new MedicationRule(Set.of("immunosuppressant"), new MedicationTiming.Current(),
        "current immunosuppressive therapy");
    assertThat(verdict(immunosuppressant, medication(rxnorm, "6851"))).as("methotrexate").isEqualTo(Truth.MET);
    // the ruxolitinib ingredient alone may be the cream: it is no drug Eligo can name, so a criterion about
    // ruxolitinib or the JAK inhibitors is asked, neither met nor failed ("Currently on ruxolitinib" in the inclusion
    // list, "No prior JAK inhibitor" in the inclusion list)
    MedicationRule ruxolitinib = new MedicationRule(Set.of("ruxolitinib"), new MedicationTiming.Current(),
        "ruxolitinib");
    assertThat(verdict(ruxolitinib, medication(rxnorm, "1193326"))).isEqualTo(Truth.UNKNOWN);
    MedicationRule jak = new MedicationRule(Set.of("jak-inhibitor"), new MedicationTiming.Ever(), "JAK inhibitor");
    assertThat(verdict(new Not(jak), medication(rxnorm, "1193326"))).isEqualTo(Truth.UNKNOWN);
  }
}
