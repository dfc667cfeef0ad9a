package org.eligo.criteria.parse;

import java.util.Map;
import java.util.Set;

/**
 * Diagnoses that a measure's threshold defines: hypertension is a blood pressure, chronic kidney disease a
 * glomerular filtration rate, diabetes an HbA1c or a glucose. In "Hypertension (systolic blood pressure ≥ 160 mmHg)"
 * or "Chronic kidney disease (eGFR &lt; 30 mL/min/1.73 m2)" the parenthesis says what the diagnosis is, so the limit
 * alone is read: required beside it, the coded diagnosis failed an inclusion for a patient whose record holds the
 * value but not the diagnosis (and let an exclusion pass him). A disease the measure does not define keeps its own
 * reading beside the limit ("ITP (platelet count &lt; 30 × 10^9/L)").
 */
final class DefiningMeasures {

  private static final Set<String> BLOOD_PRESSURE = Set.of("systolic-blood-pressure", "diastolic-blood-pressure");
  private static final Set<String> KIDNEY_FUNCTION = Set.of("egfr", "creatinine-clearance");
  private static final Set<String> GLYCEMIA = Set.of("hba1c", "glucose");

  private static final Map<String, Set<String>> MEASURES_BY_DIAGNOSIS = Map.of(
      "hypertension", BLOOD_PRESSURE,
      "chronic-kidney-disease", KIDNEY_FUNCTION,
      "chronic-kidney-disease-stage-3", KIDNEY_FUNCTION,
      "chronic-kidney-disease-stage-4", KIDNEY_FUNCTION,
      "chronic-kidney-disease-stage-5", KIDNEY_FUNCTION,
      "end-stage-renal-disease", KIDNEY_FUNCTION,
      "diabetes-mellitus", GLYCEMIA,
      "type-2-diabetes-mellitus", GLYCEMIA,
      "prediabetes", GLYCEMIA);

  private DefiningMeasures() {}

  /** Whether the measure's threshold is what the diagnosis is. */
  static boolean defines(String measure, String diagnosis) {
    return MEASURES_BY_DIAGNOSIS.getOrDefault(diagnosis, Set.of()).contains(measure);
  }
}
