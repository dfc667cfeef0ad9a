package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code sponsorCollaboratorsModule}: who runs and pays for the study. */
public record Sponsors(ResponsibleParty responsibleParty, Sponsor leadSponsor, List<Sponsor> collaborators) {

  public Sponsors {
    collaborators = List.copyOf(collaborators);
  }

  /** A sponsor or collaborator. */
  public record Sponsor(String name, AgencyClass agencyClass) {}

  /** Who answers for the registry record. */
  public record ResponsibleParty(
      ResponsiblePartyType type,
      String investigatorFullName,
      String investigatorTitle,
      String investigatorAffiliation,
      String oldNameTitle,
      String oldOrganization) {}

  /** API v2 {@code ResponsiblePartyType}. */
  public enum ResponsiblePartyType { SPONSOR, PRINCIPAL_INVESTIGATOR, SPONSOR_INVESTIGATOR }
}
