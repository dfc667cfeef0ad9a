package org.eligo.search;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A trial search. Each text part maps one to one onto a ClinicalTrials.gov API v2 parameter; every non-blank part
 * must match (they are combined with AND), and within a part words are alternatives ranked by relevance.
 *
 * @param text free text from a search box, searched in every field with synonyms (Eligo's own)
 * @param condition {@code query.cond}: conditions, condition MeSH terms, keywords and titles
 * @param intervention {@code query.intr}: intervention names, other names, intervention MeSH terms and titles
 * @param term {@code query.term}: every field, query syntax allowed (AND, OR, NOT, "phrase", field:value); words
 *     must all match unless joined by OR
 * @param locationText {@code query.locn}: facility, city, state or country words, all required
 * @param filters {@code filter.*}: structured restrictions
 * @param geo {@code filter.geo}: sites within a distance of a point or city; null for anywhere
 * @param sort {@code sort}: relevance, distance or last update
 * @param pageSize {@code pageSize}: hits per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param pageToken {@code pageToken}: the {@link SearchPage#nextPageToken()} of the previous page; null for the
 *     first
 * @param asOf the date against which a status is judged stale (last verified more than two years before); null for
 *     no judgement
 * @param facetLimit most values returned per facet
 */
public record TrialQuery(
    String text,
    String condition,
    String intervention,
    String term,
    String locationText,
    TrialFilters filters,
    GeoFilter geo,
    SortOrder sort,
    int pageSize,
    String pageToken,
    LocalDate asOf,
    int facetLimit) {

  public static final int DEFAULT_PAGE_SIZE = 10;
  public static final int MAX_PAGE_SIZE = 1000;
  public static final int DEFAULT_FACET_LIMIT = 20;

  public TrialQuery {
    Objects.requireNonNull(filters, "filters (use TrialFilters.NONE)");
    Objects.requireNonNull(sort, "sort");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
    }
    if (facetLimit < 0) throw new IllegalArgumentException("negative facet limit: " + facetLimit);
    if (sort == SortOrder.DISTANCE && geo == null) {
      throw new IllegalArgumentException("sort by distance needs a geo filter (a point or city)");
    }
  }

  /** A relevance search for free text, first page, default sizes. */
  public static TrialQuery text(String text) {
    return builder().text(text).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy of this query asking for the page after the one that returned {@code token}. */
  public TrialQuery page(String token) {
    return new TrialQuery(text, condition, intervention, term, locationText, filters, geo, sort, pageSize, token, asOf,
        facetLimit);
  }

  /** Builds a {@link TrialQuery}; anything not set is empty or the default. */
  public static final class Builder {
    private String text;
    private String condition;
    private String intervention;
    private String term;
    private String locationText;
    private TrialFilters filters = TrialFilters.NONE;
    private GeoFilter geo;
    private SortOrder sort = SortOrder.RELEVANCE;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private String pageToken;
    private LocalDate asOf;
    private int facetLimit = DEFAULT_FACET_LIMIT;

    private Builder() {}

    public Builder text(String value) { this.text = value; return this; }
    public Builder condition(String value) { this.condition = value; return this; }
    public Builder intervention(String value) { this.intervention = value; return this; }
    public Builder term(String value) { this.term = value; return this; }
    public Builder locationText(String value) { this.locationText = value; return this; }
    public Builder filters(TrialFilters value) { this.filters = value; return this; }
    public Builder geo(GeoFilter value) { this.geo = value; return this; }
    public Builder sort(SortOrder value) { this.sort = value; return this; }
    public Builder pageSize(int value) { this.pageSize = value; return this; }
    public Builder pageToken(String value) { this.pageToken = value; return this; }
    public Builder asOf(LocalDate value) { this.asOf = value; return this; }
    public Builder facetLimit(int value) { this.facetLimit = value; return this; }

    public TrialQuery build() {
      return new TrialQuery(text, condition, intervention, term, locationText, filters, geo, sort, pageSize, pageToken,
          asOf, facetLimit);
    }
  }
}
