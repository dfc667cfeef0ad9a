package org.eligo.core.trial;

/** API v2 {@code statusModule}: recruitment status and the study's key dates. */
public record StatusInfo(
    PartialDate statusVerifiedDate,
    RecruitmentStatus overallStatus,
    RecruitmentStatus lastKnownStatus,
    Boolean delayedPosting,
    String whyStopped,
    ExpandedAccessInfo expandedAccessInfo,
    DateStruct startDateStruct,
    DateStruct primaryCompletionDateStruct,
    DateStruct completionDateStruct,
    PartialDate studyFirstSubmitDate,
    PartialDate studyFirstSubmitQcDate,
    DateStruct studyFirstPostDateStruct,
    PartialDate resultsFirstSubmitDate,
    PartialDate resultsFirstSubmitQcDate,
    DateStruct resultsFirstPostDateStruct,
    PartialDate lastUpdateSubmitDate,
    DateStruct lastUpdatePostDateStruct) {

  /** Whether the drug is also available outside the trial. */
  public record ExpandedAccessInfo(Boolean hasExpandedAccess, String nctId, String statusForNctId) {}

  /** The registry's last update post date, or null when the record does not say. */
  public PartialDate lastUpdatePostDate() {
    return lastUpdatePostDateStruct == null ? null : lastUpdatePostDateStruct.date();
  }
}
