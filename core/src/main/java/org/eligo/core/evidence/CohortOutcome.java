package org.eligo.core.evidence;

import java.util.Objects;

/**
 * One outcome reported for one cohort of a publication: {@code events} of {@code n} patients reached {@code outcome}
 * (e.g. 8 of 12 patients with multi-lineage cytopenias reached a complete response).
 *
 * @param population the cohort as the publication names it
 * @param n the number of patients in the cohort, at least 1
 * @param events how many of them reached the outcome, 0 &le; events &le; n
 * @param outcome the outcome as the publication names it ("complete response", "response")
 */
public record CohortOutcome(String population, int n, int events, String outcome) {

  public CohortOutcome {
    requireText(population, "population");
    requireText(outcome, "outcome");
    if (n < 1) throw new IllegalArgumentException("cohort size n must be at least 1, was " + n);
    if (events < 0 || events > n) {
      throw new IllegalArgumentException("events must be between 0 and n (" + n + "), was " + events);
    }
  }

  /** The observed proportion, events / n. */
  public double proportion() {
    return (double) events / n;
  }

  /** The exact (Clopper-Pearson) 95% confidence interval of the proportion. */
  public ExactBinomialInterval interval95() {
    return ExactBinomialInterval.of(events, n);
  }

  static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
  }
}
