/**
 * Running a search: translating a {@link org.eligo.search.TrialQuery} into a Lucene query, sorting and paging with
 * opaque search-after tokens, facet counting, snippets, nearest recruiting sites, and city names placed at the
 * centroid of the registry's own sites.
 */
package org.eligo.search.query;
