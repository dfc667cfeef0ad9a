/**
 * Trial search: the public API other modules call. {@link org.eligo.search.LuceneTrialIndex} is the index (update by
 * NCT ID, delete, commit with a store version, rebuild and swap) and implements
 * {@link org.eligo.search.TrialSearcher}: {@link org.eligo.search.TrialQuery} (one field per ClinicalTrials.gov API v2
 * parameter) in, {@link org.eligo.search.SearchPage} (exact total, hits with snippets, nearest recruiting site and
 * stale-status flag, facet counts, next page token) out, and related trials with reasons.
 *
 * <p>Sub-packages: {@code analysis} (analysers, synonyms), {@code document} (trial to Lucene document),
 * {@code query} (query translation and execution), {@code related} (related trials).
 */
package org.eligo.search;
