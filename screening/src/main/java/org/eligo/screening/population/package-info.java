/**
 * A synthetic patient population written as FHIR Bulk Data NDJSON: demographics, cytopenias and other conditions at
 * plausible rates for a haematology service, blood counts over time in mixed units, treatment histories, vaccines,
 * pregnancies, transplants and transfusions. Every code comes from the terminology's data files (concepts without a
 * code are written as text-only codings). Deterministic per seed and as-of date; streamed and parallel.
 */
package org.eligo.screening.population;
