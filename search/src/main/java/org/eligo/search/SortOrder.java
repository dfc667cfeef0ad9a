package org.eligo.search;

/** How search hits are ordered; ties are always broken by NCT ID so paging is stable. */
public enum SortOrder {
  /** Best match first. */
  RELEVANCE,
  /** Nearest site that is itself recruiting first (trials without one last); needs a {@link GeoFilter}. */
  DISTANCE,
  /** Most recently updated registry record first (last update post date). */
  LAST_UPDATE
}
