/**
 * Population pre-screening on one machine: a FHIR Bulk Data export (NDJSON per resource type, plain or gzipped, split
 * or not) is grouped by patient on disk, every patient is evaluated against every candidate trial with the same
 * engine as single-patient matching, and the candidates of each trial are written as NDJSON and CSV with a summary.
 *
 * <p>Entry point: {@link org.eligo.screening.PopulationScreening#run}. Sub-packages: {@code population} (a synthetic
 * population generator), {@code bulk} (input files, disk-backed grouping by patient), {@code read} (resources to
 * patient facts), {@code output} (result files) and {@code sql} (the same rules as SQL, for peer engines).
 */
package org.eligo.screening;
