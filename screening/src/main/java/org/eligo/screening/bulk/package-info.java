/**
 * FHIR Bulk Data input and disk-backed grouping by patient: the export's files are found and typed by name
 * ({@link org.eligo.screening.bulk.BulkFiles}), every line is checked and routed by a hash of its patient id into one
 * of N bucket files ({@link org.eligo.screening.bulk.BucketPartitioner}), and each bucket, small enough for memory,
 * is then grouped into patients in a canonical order ({@link org.eligo.screening.bulk.BucketGrouper}). Unusable
 * lines become {@link org.eligo.fhir.bulk.BulkLineError} values with file, line and reason; nothing stops the run.
 */
package org.eligo.screening.bulk;
