package org.eligo.search;

import java.util.List;

/** Finds trials: full-text and faceted search, and trials related to a given one. */
public interface TrialSearcher {

  /** One page of trials matching the query, with facet counts over all matches. */
  SearchPage search(TrialQuery query);

  /**
   * Up to {@code n} trials most related to {@code nctId} by shared conditions, interventions (synonyms count as the
   * same) and similar text; empty when the trial is not indexed.
   */
  List<RelatedTrial> relatedTo(String nctId, int n);
}
