package org.eligo.fhir;

import java.util.List;

/**
 * Thrown when nothing at all can be read from the input (not JSON, not a FHIR resource, too large); the message
 * says why and where, never quoting the record's content.
 */
public final class UnusableFhirInputException extends RuntimeException {
  private final transient List<FhirDiagnostic> diagnostics;
  private final boolean notJson;

  public UnusableFhirInputException(FhirDiagnostic diagnostic) {
    this(diagnostic, false);
  }

  UnusableFhirInputException(FhirDiagnostic diagnostic, boolean notJson) {
    super(diagnostic.message());
    this.diagnostics = List.of(diagnostic);
    this.notJson = notJson;
  }

  /**
   * True when the input is not JSON at all (a syntax error, or nesting or a value beyond the JSON reader's limits),
   * as opposed to JSON that is not a usable FHIR resource: an HTTP API answers the first as malformed JSON.
   */
  public boolean notJson() {
    return notJson;
  }

  /** The problem, located; a single diagnostic of severity ERROR. */
  public List<FhirDiagnostic> diagnostics() {
    return diagnostics;
  }
}
