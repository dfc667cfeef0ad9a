package org.eligo.core.rule;

import java.util.Objects;

/**
 * The patient's latest result of a viral-load test (HBV DNA, HCV RNA, HIV-1 RNA): whether it detects the virus
 * ({@code comparator} null: "detectable HBV DNA"), or how its amount compares with a threshold ("HIV-1 RNA &lt; 50
 * copies/mL"). Open-world, as a lab value: no result, or none within {@code recencyDays}, is UNKNOWN.
 *
 * <p>Apart from the diagnosis: a treated infection has an undetectable load, so the criterion "detectable HBV DNA"
 * is not "has hepatitis B", and an undetectable load is not "has no hepatitis B".
 *
 * @param test        the test's key in the terminology's infection tests, e.g. {@code hbv-dna}
 * @param infection   the infection it tests for, e.g. {@code hepatitis-b} (where the results are looked up)
 * @param label       words for people, e.g. "HBV DNA"
 * @param comparator  null for "detected"; else how the amount compares with {@code threshold}
 * @param threshold   in {@code unit}; 0 when {@code comparator} is null
 * @param unit        {@code [IU]/mL} or {@code {copies}/mL}; empty when {@code comparator} is null. Results in
 *     another unit are never compared with it
 * @param recencyDays the result must be at most this many days old, else UNKNOWN
 */
public record ViralLoadRule(String test, String infection, String label, Comparator comparator, double threshold,
                            String unit, int recencyDays) implements Rule {

  public ViralLoadRule {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(infection, "infection");
    label = label == null ? test : label;
    unit = unit == null ? "" : unit;
    if (recencyDays <= 0) throw new IllegalArgumentException("recencyDays must be positive: " + recencyDays);
    if (!Double.isFinite(threshold)) throw new IllegalArgumentException("threshold must be finite");
    if (comparator != null && unit.isEmpty()) throw new IllegalArgumentException("a threshold needs a unit");
    if (comparator == null && (threshold != 0 || !unit.isEmpty())) {
      throw new IllegalArgumentException("a detection rule has no threshold");
    }
  }

  /** "Detectable {label}": the latest result detects the virus. */
  public static ViralLoadRule detectable(String test, String infection, String label) {
    return new ViralLoadRule(test, infection, label, null, 0, "", MeasurementRule.DEFAULT_RECENCY_DAYS);
  }

  /** "{label} {comparator} {threshold} {unit}" on the latest result. */
  public static ViralLoadRule of(String test, String infection, String label, Comparator comparator,
                                 double threshold, String unit) {
    return new ViralLoadRule(test, infection, label, Objects.requireNonNull(comparator, "comparator"), threshold, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS);
  }

  /** Whether the rule asks only whether the virus is detected. */
  public boolean detection() {
    return comparator == null;
  }
}
