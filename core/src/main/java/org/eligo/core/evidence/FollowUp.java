package org.eligo.core.evidence;

/**
 * A duration a publication reports for a group of its patients as a median and range, in years (e.g. responders
 * remained on therapy a median of 2 years, range 1 to 4.5).
 *
 * @param population who the duration describes ("responding patients")
 * @param measure what was measured ("time on therapy")
 * @param medianYears the median
 * @param minYears the shortest
 * @param maxYears the longest
 */
public record FollowUp(String population, String measure, double medianYears, double minYears, double maxYears) {

  public FollowUp {
    CohortOutcome.requireText(population, "population");
    CohortOutcome.requireText(measure, "measure");
    if (!(0 <= minYears && minYears <= medianYears && medianYears <= maxYears && Double.isFinite(maxYears))) {
      throw new IllegalArgumentException(
          "follow-up must satisfy 0 <= min <= median <= max: " + minYears + ", " + medianYears + ", " + maxYears);
    }
  }
}
