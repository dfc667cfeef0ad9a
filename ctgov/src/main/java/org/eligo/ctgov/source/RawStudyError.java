package org.eligo.ctgov.source;

import java.util.Objects;

/** A record that could not be read as JSON (truncated, wrong top-level type, corrupt, unreadable), and why. */
public record RawStudyError(Origin origin, String reason) implements StudyRecord {

  public RawStudyError {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code origin: reason}. */
  @Override
  public String toString() {
    return origin + ": " + reason;
  }
}
