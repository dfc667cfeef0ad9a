package org.eligo.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of search results.
 *
 * @param total how many trials match in all (exact)
 * @param hits this page's trials, best first in the requested order
 * @param facets per facet dimension (see {@link FacetDimension}), its values with counts over all matching trials,
 *     largest count first
 * @param nextPageToken the token for the next page; empty on the last page
 * @param offset how many trials the earlier pages showed (0 on the first page), so that this page's trials are
 *     numbered {@code offset + 1} onwards
 */
public record SearchPage(long total, List<TrialHit> hits, Map<FacetDimension, List<FacetCount>> facets,
                         Optional<String> nextPageToken, long offset) {

  public SearchPage {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative: " + offset);
  }

  /** The first page of a search. */
  public SearchPage(long total, List<TrialHit> hits, Map<FacetDimension, List<FacetCount>> facets,
                    Optional<String> nextPageToken) {
    this(total, hits, facets, nextPageToken, 0);
  }

  /** The rank of this page's first trial in the whole result list (1 on the first page). */
  public long firstRank() {
    return offset + 1;
  }

  /** The counts of one dimension, empty when no matching trial has a value for it. */
  public List<FacetCount> facet(FacetDimension dimension) {
    return facets.getOrDefault(dimension, List.of());
  }

  /** One facet value and how many matching trials have it. */
  public record FacetCount(String value, long count) {}
}
