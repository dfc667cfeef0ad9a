package org.eligo.core.evidence;

/**
 * The patients a publication reports on.
 *
 * @param treated how many were treated, at least 1
 * @param description who they were, in the publication's terms
 */
public record Population(int treated, String description) {

  public Population {
    if (treated < 1) throw new IllegalArgumentException("treated must be at least 1, was " + treated);
    CohortOutcome.requireText(description, "description");
  }
}
