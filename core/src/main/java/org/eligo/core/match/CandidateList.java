package org.eligo.core.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Match candidates in NCT ID order, the order {@link Matcher#RANKING} breaks ties in. A registry builds one when its
 * trials change and every match reuses it, so ranking never compares identifiers.
 */
public final class CandidateList {
  private static final Comparator<MatchCandidate> BY_NCT_ID = Comparator.comparing(c -> c.trial().nctId());

  private final List<MatchCandidate> inNctOrder;

  private CandidateList(List<MatchCandidate> inNctOrder) {
    this.inNctOrder = inNctOrder;
  }

  /** The candidates sorted by NCT ID. */
  public static CandidateList of(Collection<MatchCandidate> candidates) {
    List<MatchCandidate> sorted = new ArrayList<>(candidates);
    sorted.sort(BY_NCT_ID);
    return new CandidateList(List.copyOf(sorted));
  }

  /** The candidates that pass {@code test}, still in NCT ID order. */
  public CandidateList filter(Predicate<MatchCandidate> test) {
    return new CandidateList(inNctOrder.stream().filter(test).toList());
  }

  /** The candidates in NCT ID order; unmodifiable. */
  public List<MatchCandidate> asList() {
    return inNctOrder;
  }

  public int size() {
    return inNctOrder.size();
  }
}
