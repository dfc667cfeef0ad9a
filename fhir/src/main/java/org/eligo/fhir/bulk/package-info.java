/**
 * FHIR Bulk Data (NDJSON) groundwork for population screening: one line to a resource and its patient, with
 * per-line errors ({@link org.eligo.fhir.bulk.BulkLineError}: file, line, reason). Grouping by patient and the
 * screening job itself build on {@link org.eligo.fhir.bulk.BulkPatientAssembler}.
 */
package org.eligo.fhir.bulk;
