package org.eligo.spark;

import java.io.Serializable;

/**
 * One export line as the job ships it between stages: where it came from and, once triaged, its patient and type
 * ({@code type} -1 and {@code reason} set when it was rejected).
 */
record SparkLine(String patientId, int type, int file, long line, String json, String reason) implements Serializable {}
