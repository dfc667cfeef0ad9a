package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code eligibilityModule}: the criteria text as registered and the structured age/sex limits. */
public record Eligibility(
    String eligibilityCriteria,
    Boolean healthyVolunteers,
    Sex sex,
    Boolean genderBased,
    String genderDescription,
    String minimumAge,
    String maximumAge,
    List<StandardAge> stdAges,
    String studyPopulation,
    SamplingMethod samplingMethod) {

  public Eligibility {
    stdAges = List.copyOf(stdAges);
  }

  /** Which sexes may take part; {@code ALL} admits everyone. */
  public enum Sex { FEMALE, MALE, ALL }

  public enum StandardAge { CHILD, ADULT, OLDER_ADULT }

  public enum SamplingMethod { PROBABILITY_SAMPLE, NON_PROBABILITY_SAMPLE }

  /** The minimum age as a duration, or null when open. */
  public RegistryAge minimum() {
    return minimumAge == null ? null : RegistryAge.parse(minimumAge);
  }

  /** The maximum age as a duration, or null when open. */
  public RegistryAge maximum() {
    return maximumAge == null ? null : RegistryAge.parse(maximumAge);
  }
}
