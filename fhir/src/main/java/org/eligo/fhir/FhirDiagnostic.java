package org.eligo.fhir;

import java.util.Objects;

/**
 * A problem found while reading a FHIR record, located by resource and field; it never quotes names, identifiers
 * or free text from the record.
 *
 * @param severity how much it matters
 * @param resourceType the resource type, e.g. {@code Observation}, or {@code Bundle} for the envelope
 * @param resourceId the resource's logical id, or empty when it has none
 * @param entryIndex the index in {@code Bundle.entry} (or the line number in bulk input), or -1 for the envelope
 * @param path FHIRPath-like field inside the resource, e.g. {@code valueQuantity.unit}, or empty for the whole
 *     resource
 * @param message what is wrong and what was done about it
 */
public record FhirDiagnostic(Severity severity, String resourceType, String resourceId, int entryIndex, String path,
                             String message) {

  /** How much a diagnostic matters. */
  public enum Severity {
    /** Data was dropped or could not be used. */
    ERROR,
    /** Data was used, but may be wrong or was read with an assumption. */
    WARNING,
    /** Worth knowing; nothing was lost. */
    INFO
  }

  public FhirDiagnostic {
    Objects.requireNonNull(severity, "severity");
    resourceType = resourceType == null ? "" : resourceType;
    resourceId = resourceId == null ? "" : resourceId;
    path = path == null ? "" : path;
    Objects.requireNonNull(message, "message");
  }

  /** The resource reference, e.g. {@code Observation/anc-1}, or just the type when it has no id. */
  public String resource() {
    return resourceId.isEmpty() ? resourceType : resourceType + "/" + resourceId;
  }

  /** Resource and field, e.g. {@code Observation/anc-1.valueQuantity.unit}. */
  public String location() {
    return path.isEmpty() ? resource() : resource() + "." + path;
  }

  @Override
  public String toString() {
    String where = entryIndex >= 0 ? "entry[" + entryIndex + "] " + location() : location();
    return severity + " " + where + ": " + message;
  }
}
