package org.eligo.ctgov.source;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a study record came from: the file, the ZIP entry inside it, the index in an API page's {@code studies}
 * array, and the line and column that the JSON parser reported (1-based), each null when it does not apply.
 */
public record Origin(Path file, String entry, Integer index, Integer line, Integer column) {

  public Origin {
    Objects.requireNonNull(file, "file");
  }

  public static Origin of(Path file) {
    return new Origin(file, null, null, null, null);
  }

  public Origin entry(String zipEntry) {
    return new Origin(file, zipEntry, index, line, column);
  }

  public Origin index(int studyIndex) {
    return new Origin(file, entry, studyIndex, line, column);
  }

  /** This origin at the parser's location, when the parser knows one. */
  public Origin at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) return this;
    return new Origin(file, entry, index, location.getLineNr(), location.getColumnNr());
  }

  /** {@code /data/bulk.zip!/ctg-studies/NCT01.json studies[3] line 12, column 5}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file.toString());
    if (entry != null) s.append("!/").append(entry);
    if (index != null) s.append(" studies[").append(index).append(']');
    if (line != null) s.append(" line ").append(line).append(", column ").append(column);
    return s.toString();
  }
}
