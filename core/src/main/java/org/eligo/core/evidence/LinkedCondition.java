package org.eligo.core.evidence;

/**
 * A condition a publication speaks to, as the publication names it, so that evidence can be shown beside trials and
 * patients with that condition.
 *
 * @param name the condition's name ("autoimmune lymphoproliferative syndrome")
 * @param abbreviation the publication's abbreviation ("ALPS"), or null
 */
public record LinkedCondition(String name, String abbreviation) {

  public LinkedCondition {
    CohortOutcome.requireText(name, "name");
    if (abbreviation != null && abbreviation.isBlank()) {
      throw new IllegalArgumentException("abbreviation must be null or non-blank");
    }
  }

  /** True when {@code text} is this condition's name or abbreviation, ignoring case. */
  public boolean isNamed(String text) {
    return name.equalsIgnoreCase(text) || (abbreviation != null && abbreviation.equalsIgnoreCase(text));
  }
}
