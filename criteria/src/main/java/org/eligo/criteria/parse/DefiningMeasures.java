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

  /**
   * Diagnoses a test confirms: the result that made the diagnosis, which treatment may since have changed. In "Pure
   * red cell aplasia (reticulocytes &lt; 1%)" or "Immune TTP (ADAMTS13 activity &lt; 10%)" the parenthesis says how the
   * disease was shown, so a patient whose count has recovered is asked, not failed (DECISIONS 89, review). Not the
   * counts a trial asks of the disease now ("ITP (platelet count &lt; 30 × 10^9/L)", §34).
   */
  private static final Set<String> RETICULOCYTES = Set.of("reticulocyte-percent", "arc");
  private static final Set<String> ADAMTS13 = Set.of("adamts13-activity");
  private static final Set<String> CELLULARITY = Set.of("marrow-cellularity");
  private static final Set<String> PNH_CLONE = Set.of("pnh-clone-granulocytes", "pnh-clone-monocytes",
      "pnh-clone-erythrocytes");

  private static final Map<String, Set<String>> CONFIRMING_BY_DIAGNOSIS = Map.ofEntries(
      Map.entry("pure-red-cell-aplasia", RETICULOCYTES),
      Map.entry("acquired-pure-red-cell-aplasia", RETICULOCYTES),
      Map.entry("thrombotic-thrombocytopenic-purpura", ADAMTS13),
      Map.entry("immune-ttp", ADAMTS13),
      Map.entry("congenital-ttp", ADAMTS13),
      Map.entry("aplastic-anemia", CELLULARITY),
      Map.entry("acquired-aplastic-anemia", CELLULARITY),
      Map.entry("severe-aplastic-anemia", CELLULARITY),
      Map.entry("very-severe-aplastic-anemia", CELLULARITY),
      Map.entry("congenital-aplastic-anemia", CELLULARITY),
      Map.entry("paroxysmal-nocturnal-hemoglobinuria", PNH_CLONE));

  private DefiningMeasures() {}

  /** Whether the measure is the test that confirms the diagnosis, its result then being the diagnosis's. */
  static boolean confirms(String measure, String diagnosis) {
    return CONFIRMING_BY_DIAGNOSIS.getOrDefault(diagnosis, Set.of()).contains(measure);
  }

  /** Whether the measure's threshold is what the diagnosis is. */
  static boolean defines(String measure, String diagnosis) {
    return MEASURES_BY_DIAGNOSIS.getOrDefault(diagnosis, Set.of()).contains(measure);
  }
}
