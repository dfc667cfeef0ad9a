/**
 * Text analysis of trials: the index and query analysers (case and accent folding, British spellings, light
 * stemming), the query-time synonym and abbreviation list ({@code synonyms.txt}, Solr format) with its capital-letter
 * rule for short abbreviations, and synonym-aware concept keys for comparing condition and drug names.
 */
package org.eligo.search.analysis;
