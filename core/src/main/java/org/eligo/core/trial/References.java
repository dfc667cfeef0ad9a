package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code referencesModule}: publications, links and available participant data. */
public record References(List<Reference> references, List<SeeAlsoLink> seeAlsoLinks, List<AvailIpd> availIpds) {

  public References {
    references = List.copyOf(references);
    seeAlsoLinks = List.copyOf(seeAlsoLinks);
    availIpds = List.copyOf(availIpds);
  }

  public record Reference(String pmid, ReferenceType type, String citation) {}

  public enum ReferenceType { BACKGROUND, RESULT, DERIVED }

  public record SeeAlsoLink(String label, String url) {}

  public record AvailIpd(String id, String type, String url, String comment) {}
}
