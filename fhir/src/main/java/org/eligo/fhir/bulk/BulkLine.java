package org.eligo.fhir.bulk;

import java.util.List;
import org.eligo.fhir.FhirDiagnostic;
import org.hl7.fhir.r4.model.Resource;

/** What one NDJSON line gave: a resource with the patient it belongs to, or an error. */
public sealed interface BulkLine {

  /**
   * A parsed resource.
   *
   * @param patientId the id of the Patient it is about (the Patient's own id for a Patient line)
   * @param warnings element-level problems HAPI reported; the resource was still parsed
   */
  record Parsed(String patientId, Resource resource, List<FhirDiagnostic> warnings) implements BulkLine {
    public Parsed {
      warnings = List.copyOf(warnings);
    }
  }

  /** A line that gave nothing usable. */
  record Failed(BulkLineError error) implements BulkLine {}

  /** A blank line, which NDJSON writers sometimes leave at the end of a file. */
  record Blank() implements BulkLine {}
}
