package org.eligo.registry.imports;

/**
 * Why one record (or a whole input) was not imported.
 *
 * @param file the input file (with the ZIP entry after {@code !/} when there is one)
 * @param record which record in the file: {@code studies[3]}, a line and column, or the NCT ID; empty for the file
 * @param jsonPath where in the record, e.g. {@code $.protocolSection.statusModule.overallStatus}; {@code $} for all
 * @param reason what is wrong, in words a person can act on
 */
public record ImportProblem(String file, String record, String jsonPath, String reason) {
  @Override
  public String toString() {
    // a whole input (a file that does not exist, cannot be read, holds no study): "$" would point into no record
    boolean wholeInput = record.isEmpty() && (jsonPath.isEmpty() || jsonPath.equals("$"));
    return file + (record.isEmpty() ? "" : " " + record) + (wholeInput ? "" : " " + jsonPath) + ": " + reason;
  }
}
