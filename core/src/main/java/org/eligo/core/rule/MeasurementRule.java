package org.eligo.core.rule;

import java.util.Objects;

/**
 * The patient's most recent value of a measure compared with a threshold: an absolute value in the measure's
 * canonical unit, or a multiple of the result's own upper limit of normal ({@code ≤ 1.5 × ULN}).
 *
 * @param measure measure key, e.g. {@code anc}
 * @param label words for people, e.g. "absolute neutrophil count"
 * @param threshold in {@code unit}, or the ULN multiple when {@code relativeToUln}
 * @param unit canonical unit of the measure (display and checking), e.g. {@code 10*9/L}; empty for scores
 * @param recencyDays the value must be at most this many days old, else UNKNOWN (stale)
 * @param transfusionFreeDays when not null, a transfusion in this many days before the result makes a passing value
 *     UNKNOWN ("without transfusion support"); a failing value stays NOT_MET
 * @param relativeToLln the threshold is a multiple of the result's own lower limit of normal ("haptoglobin &lt; LLN",
 *     DECISIONS §86); a result without one is UNKNOWN
 */
public record MeasurementRule(
    String measure, String label, Comparator comparator, double threshold, boolean relativeToUln, String unit,
    int recencyDays, Integer transfusionFreeDays, boolean relativeToLln) implements Rule {

  public static final int DEFAULT_RECENCY_DAYS = 90;

  public MeasurementRule {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(comparator, "comparator");
    label = label == null ? measure : label;
    unit = unit == null ? "" : unit;
    if (recencyDays <= 0) throw new IllegalArgumentException("recencyDays must be positive: " + recencyDays);
    if (!Double.isFinite(threshold)) throw new IllegalArgumentException("threshold must be finite");
    if (relativeToUln && relativeToLln) throw new IllegalArgumentException("relative to one limit of normal only");
  }

  /** A limit in the measure's unit or relative to the upper limit of normal. */
  public MeasurementRule(String measure, String label, Comparator comparator, double threshold, boolean relativeToUln,
                         String unit, int recencyDays, Integer transfusionFreeDays) {
    this(measure, label, comparator, threshold, relativeToUln, unit, recencyDays, transfusionFreeDays, false);
  }

  /** Whether the threshold is a multiple of a limit of normal the result carries. */
  public boolean relativeToNormal() {
    return relativeToUln || relativeToLln;
  }

  public static MeasurementRule of(String measure, String label, Comparator comparator, double threshold,
                                   String unit) {
    return new MeasurementRule(measure, label, comparator, threshold, false, unit, DEFAULT_RECENCY_DAYS, null);
  }

  public MeasurementRule withTransfusionFreeDays(Integer days) {
    return new MeasurementRule(measure, label, comparator, threshold, relativeToUln, unit, recencyDays, days,
        relativeToLln);
  }

  public MeasurementRule withRecencyDays(int days) {
    return new MeasurementRule(measure, label, comparator, threshold, relativeToUln, unit, days, transfusionFreeDays,
        relativeToLln);
  }
}
