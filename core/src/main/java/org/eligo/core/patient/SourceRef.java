package org.eligo.core.patient;

/** Where a fact came from in the patient record, e.g. {@code Observation/anc-1}. */
public record SourceRef(String resourceType, String id) {
  public static final SourceRef NONE = new SourceRef("", "");

  @Override
  public String toString() {
    return resourceType.isEmpty() ? "" : resourceType + "/" + id;
  }
}
