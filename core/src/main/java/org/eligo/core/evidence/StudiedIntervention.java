package org.eligo.core.evidence;

import java.util.Objects;

/**
 * The treatment a publication reports on.
 *
 * @param name the drug or procedure ("sirolimus")
 * @param regimen whether it was given alone or with other agents
 */
public record StudiedIntervention(String name, Regimen regimen) {

  public StudiedIntervention {
    CohortOutcome.requireText(name, "name");
    Objects.requireNonNull(regimen, "regimen");
  }

  public enum Regimen { MONOTHERAPY, COMBINATION }
}
