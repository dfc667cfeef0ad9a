package org.eligo.fhir;

import java.util.List;

/**
 * Thrown when nothing at all can be read from the input (not JSON, not a FHIR resource, too large); the message
 * says why and where, never quoting the record's content.
 */
public final class UnusableFhirInputException extends RuntimeException {
  private final transient List<FhirDiagnostic> diagnostics;

  public UnusableFhirInputException(FhirDiagnostic diagnostic) {
    super(diagnostic.message());
    this.diagnostics = List.of(diagnostic);
  }

  /** The problem, located; a single diagnostic of severity ERROR. */
  public List<FhirDiagnostic> diagnostics() {
    return diagnostics;
  }
}
