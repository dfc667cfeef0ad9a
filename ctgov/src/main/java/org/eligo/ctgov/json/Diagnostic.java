package org.eligo.ctgov.json;

import java.util.Objects;

/**
 * One problem found in a study document: where it is (a JSON path such as
 * {@code $.protocolSection.statusModule.overallStatus}), how bad it is and why.
 *
 * @param severity {@link Severity#ERROR} rejects the record, {@link Severity#WARNING} does not
 * @param path JSON path of the offending value, from the study root {@code $}
 * @param reason a sentence a person can act on
 */
public record Diagnostic(Severity severity, String path, String reason) {

  /** How a problem affects the record. */
  public enum Severity { ERROR, WARNING }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  public static Diagnostic error(String path, String reason) {
    return new Diagnostic(Severity.ERROR, path, reason);
  }

  public static Diagnostic warning(String path, String reason) {
    return new Diagnostic(Severity.WARNING, path, reason);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code ERROR $.a.b: reason}. */
  @Override
  public String toString() {
    return severity + " " + path + ": " + reason;
  }
}
