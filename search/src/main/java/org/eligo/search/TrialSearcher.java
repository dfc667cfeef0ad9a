package org.eligo.search;

import java.util.List;
import java.util.Optional;
import org.eligo.core.trial.ContactsLocations.GeoPoint;

/** Finds trials: full-text and faceted search, and trials related to a given one. */
public interface TrialSearcher {

  /** One page of trials matching the query, with facet counts over all matches. */
  SearchPage search(TrialQuery query);

  /**
   * Where a place named in a geo filter is: a city (or "city, country") of the registry's own sites. Empty when no site
   * is there, in which case a geo filter by that name matches nothing.
   */
  Optional<GeoPoint> locate(String place);

  /**
   * Whether some site of the registry is in a city of that name: located ({@link #locate}), or without coordinates
   * (then a geo filter by that name finds the trials with a site there, without a distance).
   */
  boolean knowsPlace(String place);

  /**
   * "Did you mean …?" for free text: {@code text} with each word that finds no trial (as typed, or through a synonym,
   * spelling variant or identifier) replaced by the closest word of the registry's text; empty when every word finds
   * something or nothing close enough is indexed. Words in capitals (abbreviations) are left as typed.
   */
  default Optional<String> didYouMean(String text) {
    return Optional.empty();
  }

  /**
   * Up to {@code n} trials most related to {@code nctId} by shared conditions, interventions (synonyms count as the
   * same) and similar text; empty when the trial is not indexed.
   */
  List<RelatedTrial> relatedTo(String nctId, int n);
}
