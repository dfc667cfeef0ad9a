package org.eligo.core.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Match candidates in NCT ID order, the order {@link Matcher#RANKING} breaks ties in. A registry builds one when its
 * trials change and every match reuses it, so ranking never compares identifiers.
 */
public final class CandidateList {
  private static final Comparator<MatchCandidate> BY_NCT_ID = Comparator.comparing(c -> c.trial().nctId());

  private final List<MatchCandidate> inNctOrder;
  private final SharedRules rules;

  private CandidateList(List<MatchCandidate> inNctOrder, SharedRules rules) {
    this.inNctOrder = inNctOrder;
    this.rules = rules;
  }

  /** The candidates sorted by NCT ID. */
  public static CandidateList of(Collection<MatchCandidate> candidates) {
    List<MatchCandidate> sorted = new ArrayList<>(candidates);
    sorted.sort(BY_NCT_ID);
    List<MatchCandidate> inOrder = List.copyOf(sorted);
    return new CandidateList(inOrder, SharedRules.of(inOrder));
  }

  /** The candidates that pass {@code test}, still in NCT ID order. */
  public CandidateList filter(Predicate<MatchCandidate> test) {
    int[] kept = IntStream.range(0, inNctOrder.size()).filter(i -> test.test(inNctOrder.get(i))).toArray();
    return new CandidateList(IntStream.of(kept).mapToObj(inNctOrder::get).toList(), rules.subset(kept));
  }

  /** The candidates in NCT ID order; unmodifiable. */
  public List<MatchCandidate> asList() {
    return inNctOrder;
  }

  /** The deciding criteria with each distinct rule numbered once, in the same order as {@link #asList()}. */
  SharedRules rules() {
    return rules;
  }

  public int size() {
    return inNctOrder.size();
  }
}
