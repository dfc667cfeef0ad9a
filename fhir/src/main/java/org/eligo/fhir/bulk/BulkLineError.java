package org.eligo.fhir.bulk;

/**
 * A line of FHIR Bulk Data NDJSON that could not be used.
 *
 * @param file the file name as given by the caller
 * @param line the 1-based line number
 * @param reason why, without quoting the line's content
 */
public record BulkLineError(String file, long line, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
