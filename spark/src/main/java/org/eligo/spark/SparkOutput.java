package org.eligo.spark;

import java.io.Serializable;

/**
 * What screening one patient gives, flattened for Spark: a candidate row ({@code kind} ROW: trial index, patient,
 * verdict, CSV and JSON forms), a verdict count ({@code kind} COUNT) or an unusable line ({@code kind} ERROR: file name
 * in {@code patientId}, line, reason in {@code json}).
 */
record SparkOutput(String kind, int trial, String patientId, String verdict, long line, String csv, String json)
    implements Serializable {}
