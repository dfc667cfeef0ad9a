package org.eligo.core.trial;

import java.util.Objects;

/**
 * A registered clinical trial: the ClinicalTrials.gov API v2 protocol section, MeSH browse terms and whether results
 * are posted. A module the registry record lacks is null.
 */
public record Trial(
    Identification identification,
    StatusInfo status,
    Sponsors sponsors,
    Oversight oversight,
    Description description,
    Conditions conditions,
    Design design,
    ArmsInterventions armsInterventions,
    Outcomes outcomes,
    Eligibility eligibility,
    ContactsLocations contactsLocations,
    References references,
    IpdSharing ipdSharing,
    BrowseModule conditionBrowse,
    BrowseModule interventionBrowse,
    Boolean hasResults) {

  public Trial {
    Objects.requireNonNull(identification, "identification");
    Objects.requireNonNull(identification.nctId(), "identification.nctId");
  }

  public String nctId() {
    return identification.nctId();
  }

  /** The brief title, or the official title when the record has no brief one. */
  public String title() {
    return identification.briefTitle() != null ? identification.briefTitle() : identification.officialTitle();
  }

  /** The overall status, {@code UNKNOWN} when the record has none. */
  public RecruitmentStatus overallStatus() {
    return status == null || status.overallStatus() == null ? RecruitmentStatus.UNKNOWN : status.overallStatus();
  }
}
