/**
 * Population screening as an Apache Spark job: the export's lines are triaged and keyed by patient, grouped by
 * Spark's shuffle instead of bucket files, and each patient is read and screened with the same classes as
 * {@code eligo screen} ({@link org.eligo.screening.bulk.BucketGrouper}, the patient reader,
 * {@link org.eligo.screening.TrialScreener}). Entry points: {@link org.eligo.spark.SparkScreening#run} and the
 * {@code spark-submit} main {@link org.eligo.spark.SparkScreeningJob}.
 */
package org.eligo.spark;
