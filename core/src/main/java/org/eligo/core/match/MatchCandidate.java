package org.eligo.core.match;

import java.util.Objects;
import org.eligo.core.rule.ConceptSet;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;

/**
 * A trial offered to the matcher with its computable criteria.
 *
 * @param studiedConditions the concepts of the conditions the trial studies (its registry condition list read with the
 *     terminology); among trials with the same standing, those that study one of the patient's diagnoses rank first.
 *     Empty when not known: the trial then ranks as one for another condition, never excluded for it.
 */
public record MatchCandidate(Trial trial, CriteriaSet criteria, ConceptSet studiedConditions) {
  private static final ConceptSet NONE = ConceptSet.copyOf(java.util.List.of());

  public MatchCandidate {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(studiedConditions, "studiedConditions");
  }

  /** A trial whose studied conditions are not known. */
  public MatchCandidate(Trial trial, CriteriaSet criteria) {
    this(trial, criteria, NONE);
  }
}
