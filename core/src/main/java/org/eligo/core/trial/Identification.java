package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code identificationModule}: the NCT ID, titles and the other identifiers a study is known by. */
public record Identification(
    String nctId,
    List<String> nctIdAliases,
    OrgStudyIdInfo orgStudyIdInfo,
    List<SecondaryIdInfo> secondaryIdInfos,
    String briefTitle,
    String officialTitle,
    String acronym,
    Organization organization) {

  public Identification {
    nctIdAliases = List.copyOf(nctIdAliases);
    secondaryIdInfos = List.copyOf(secondaryIdInfos);
  }

  /** The sponsor's own study identifier. */
  public record OrgStudyIdInfo(String id, String type, String link) {}

  /** Another registry's or funder's identifier for the same study. */
  public record SecondaryIdInfo(String id, String type, String domain, String link) {}

  /** The organisation that registered the study. */
  public record Organization(String fullName, AgencyClass agencyClass) {}
}
