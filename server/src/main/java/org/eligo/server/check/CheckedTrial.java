package org.eligo.server.check;

import java.util.Comparator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.trial.Trial;

/** A trial and a person's result for it, as the check pages show it. */
public record CheckedTrial(Trial trial, TrialResult result) {

  /** ELIGIBLE first, then NEEDS_INFO by fewest open questions, then INELIGIBLE; ties by NCT ID. */
  public static final Comparator<CheckedTrial> RANKING = Comparator
      .comparingInt((CheckedTrial c) -> rank(c.result().verdict()))
      .thenComparingInt(c -> c.result().questions().size())
      .thenComparing(c -> c.trial().nctId());

  private static int rank(Verdict v) {
    return switch (v) {
      case ELIGIBLE -> 0;
      case NEEDS_INFO -> 1;
      case INELIGIBLE -> 2;
    };
  }
}
