/**
 * API v2 study JSON to and from the core {@link org.eligo.core.trial.Trial} model.
 *
 * <p>{@link org.eligo.ctgov.json.StudyJsonReader} turns one study document into a {@link
 * org.eligo.ctgov.json.ReadResult}: the trial with any warnings, or a rejection. Every problem is a {@link
 * org.eligo.ctgov.json.Diagnostic} with a JSON path and a reason. {@link org.eligo.ctgov.json.StudyJsonWriter} is the
 * inverse, with API v2 names, nesting and field order, so that {@code write(read(doc))} equals {@code doc} for every
 * field the model covers. Field names and enum values follow ClinicalTrials.gov's OpenAPI description of API v2
 * ({@code ctg-oas-v2.yaml}, "ClinicalTrials.gov REST API" 2.0.0).
 */
package org.eligo.ctgov.json;
