package org.eligo.core.evidence;

import java.time.LocalDate;

/**
 * The dates of a publication's editorial history; a date the source does not give is null.
 *
 * @param submitted when the manuscript was submitted
 * @param accepted when it was accepted
 * @param publishedOnline when it first appeared online (e.g. ahead of print)
 */
public record PublicationHistory(LocalDate submitted, LocalDate accepted, LocalDate publishedOnline) {

  public PublicationHistory {
    if (submitted != null && accepted != null && accepted.isBefore(submitted)) {
      throw new IllegalArgumentException("accepted " + accepted + " is before submitted " + submitted);
    }
    if (accepted != null && publishedOnline != null && publishedOnline.isBefore(accepted)) {
      throw new IllegalArgumentException("published online " + publishedOnline + " is before accepted " + accepted);
    }
  }
}
