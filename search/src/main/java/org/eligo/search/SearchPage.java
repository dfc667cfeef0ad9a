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
 */
public record SearchPage(long total, List<TrialHit> hits, Map<FacetDimension, List<FacetCount>> facets,
                         Optional<String> nextPageToken) {

  public SearchPage {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** The counts of one dimension, empty when no matching trial has a value for it. */
  public List<FacetCount> facet(FacetDimension dimension) {
    return facets.getOrDefault(dimension, List.of());
  }

  /** One facet value and how many matching trials have it. */
  public record FacetCount(String value, long count) {}
}
