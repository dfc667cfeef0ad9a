package org.eligo.fhir.bulk;

import java.util.Objects;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.HapiResourceParser;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Groundwork for population screening from FHIR Bulk Data export files (NDJSON, one resource type per file):
 * parses one line into the resource and the id of the patient it belongs to, or a located error.
 *
 * <p>A screening job reads each file line by line with {@link #parseLine}, groups the parsed resources by
 * {@code patientId}, and hands each group to {@link HapiPatientReader#read(java.util.List, java.time.LocalDate)}.
 * Thread-safe; nothing is logged.
 */
public final class BulkPatientAssembler {
  private final String resourceType;

  /**
   * An assembler for one file.
   *
   * @param resourceType the type every line of the file must have, e.g. {@code Observation}
   */
  public BulkPatientAssembler(String resourceType) {
    Objects.requireNonNull(resourceType, "resourceType");
    if (!HapiResourceParser.isResourceType(resourceType)) {
      throw new IllegalArgumentException("'" + resourceType + "' is not a FHIR R4 resource type");
    }
    this.resourceType = resourceType;
  }

  /**
   * Parses one NDJSON line.
   *
   * @param file the file name, for errors
   * @param lineNumber the 1-based line number, for errors
   */
  public BulkLine parseLine(String file, long lineNumber, String line) {
    if (line == null || line.isBlank()) return new BulkLine.Blank();
    HapiResourceParser.Parsed parsed = HapiResourceParser.parse(line, (int) Math.min(Integer.MAX_VALUE, lineNumber));
    if (parsed.resource() == null) {
      return fail(file, lineNumber, parsed.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
          .map(d -> d.path().isEmpty() ? d.message() : d.path() + " " + d.message()).findFirst()
          .orElse("could not be parsed"));
    }
    Resource resource = parsed.resource();
    if (!resource.fhirType().equals(resourceType)) {
      return fail(file, lineNumber, "a " + resource.fhirType() + " in a file of " + resourceType + " resources");
    }
    String patientId = patientId(resource);
    if (patientId == null) {
      return fail(file, lineNumber, resourceType + " has no patient reference (subject or patient)");
    }
    return new BulkLine.Parsed(patientId, resource, parsed.diagnostics());
  }

  /** The id of the Patient a resource belongs to, or null when it names none. */
  static String patientId(Resource resource) {
    if (resource.fhirType().equals("Patient")) {
      String id = resource.getIdElement().getIdPart();
      return id == null || id.isEmpty() ? null : id;
    }
    Reference subject = HapiPatientReader.subjectOf(resource);
    if (subject == null || !subject.hasReference()) return null;
    String ref = subject.getReference();
    int history = ref.indexOf("/_history/");
    if (history >= 0) ref = ref.substring(0, history);
    int slash = ref.lastIndexOf('/');
    if (slash < 0 || !ref.substring(0, slash).endsWith("Patient")) return null;
    String id = ref.substring(slash + 1);
    return id.isEmpty() ? null : id;
  }

  private static BulkLine fail(String file, long line, String reason) {
    return new BulkLine.Failed(new BulkLineError(file, line, reason));
  }
}
