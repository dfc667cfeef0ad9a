package org.eligo.core.match;

import java.util.Objects;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;

/** A trial offered to the matcher with its computable criteria. */
public record MatchCandidate(Trial trial, CriteriaSet criteria) {
  public MatchCandidate {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(criteria, "criteria");
  }
}
