package org.eligo.search;

/**
 * A facet: a trial attribute whose values are counted over the matching trials. {@link #apiName()} is the name the
 * HTTP API uses; the value strings are API v2 enum names (RECRUITING, PHASE2) or registry text (conditions, countries).
 */
public enum FacetDimension {
  OVERALL_STATUS("overallStatus"),
  PHASE("phase"),
  STUDY_TYPE("studyType"),
  CONDITION("condition"),
  INTERVENTION("intervention"),
  SPONSOR_CLASS("sponsorClass"),
  COUNTRY("country"),
  SEX("sex"),
  HEALTHY_VOLUNTEERS("healthyVolunteers");

  private final String apiName;

  FacetDimension(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
