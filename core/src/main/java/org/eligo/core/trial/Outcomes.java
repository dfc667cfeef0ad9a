package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code outcomesModule}: what the study measures, and when. */
public record Outcomes(List<Outcome> primaryOutcomes, List<Outcome> secondaryOutcomes, List<Outcome> otherOutcomes) {

  public Outcomes {
    primaryOutcomes = List.copyOf(primaryOutcomes);
    secondaryOutcomes = List.copyOf(secondaryOutcomes);
    otherOutcomes = List.copyOf(otherOutcomes);
  }

  public record Outcome(String measure, String description, String timeFrame) {}
}
