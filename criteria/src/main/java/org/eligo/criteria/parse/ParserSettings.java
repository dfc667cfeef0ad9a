package org.eligo.criteria.parse;

import java.util.Map;
import org.eligo.core.rule.MeasurementRule;

/**
 * Defaults the parser applies where registry text leaves a number open.
 *
 * @param transfusionFreeDays "without transfusion support" for a measure key: how many days before the result no
 *     transfusion may have been given; {@link #DEFAULT} says 7 for platelets (platelet transfusions lift counts for
 *     days) and 14 for hemoglobin and reticulocytes (red cells live longer), 7 for any other measure
 * @param recencyDays how old a lab value may be ({@link MeasurementRule#DEFAULT_RECENCY_DAYS})
 */
public record ParserSettings(Map<String, Integer> transfusionFreeDays, int otherTransfusionFreeDays,
                             int recencyDays) {
  public static final ParserSettings DEFAULT = new ParserSettings(
      Map.of("platelets", 7, "hemoglobin", 14, "arc", 14, "anc", 7), 7, MeasurementRule.DEFAULT_RECENCY_DAYS);

  public ParserSettings {
    transfusionFreeDays = Map.copyOf(transfusionFreeDays);
    if (otherTransfusionFreeDays <= 0 || recencyDays <= 0) throw new IllegalArgumentException("days must be positive");
  }

  /** The transfusion-free window for a measure. */
  public int transfusionFreeDays(String measure) {
    return transfusionFreeDays.getOrDefault(measure, otherTransfusionFreeDays);
  }
}
