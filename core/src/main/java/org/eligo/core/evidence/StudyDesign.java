package org.eligo.core.evidence;

import java.util.Objects;

/**
 * How the study behind a publication was run.
 *
 * @param direction whether patients were followed forward from enrolment or looked back on
 * @param sites whether one or several institutions took part
 * @param description the publication's own words for the design
 */
public record StudyDesign(Direction direction, Sites sites, String description) {

  public StudyDesign {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(sites, "sites");
    CohortOutcome.requireText(description, "description");
  }

  public enum Direction { PROSPECTIVE, RETROSPECTIVE }

  public enum Sites { SINGLE_CENTER, MULTICENTER }
}
