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
  /**
   * The numbers of each candidate's studied conditions in one flat array: those of candidate i are
   * {@code studiedNumbers[studiedStart[i] .. studiedStart[i + 1])}. Ranking reads them for every open trial of every
   * match; read through each candidate's objects instead, the cache misses cost a third of matching 10,000 trials.
   */
  private final int[] studiedStart;
  private final int[] studiedNumbers;

  private CandidateList(List<MatchCandidate> inNctOrder, SharedRules rules) {
    this.inNctOrder = inNctOrder;
    this.rules = rules;
    int n = inNctOrder.size();
    this.studiedStart = new int[n + 1];
    int[][] each = new int[n][];
    for (int i = 0; i < n; i++) {
      each[i] = inNctOrder.get(i).studiedConditions().numbers();
      studiedStart[i + 1] = studiedStart[i] + each[i].length;
    }
    this.studiedNumbers = new int[studiedStart[n]];
    for (int i = 0; i < n; i++) System.arraycopy(each[i], 0, studiedNumbers, studiedStart[i], each[i].length);
  }

  /** Whether the candidate at {@code position} studies a condition among {@code numberedConditions}. */
  boolean studiesAnyOf(int position, java.util.BitSet numberedConditions) {
    for (int k = studiedStart[position]; k < studiedStart[position + 1]; k++) {
      if (numberedConditions.get(studiedNumbers[k])) return true;
    }
    return false;
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
