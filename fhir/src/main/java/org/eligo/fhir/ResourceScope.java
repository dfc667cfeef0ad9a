package org.eligo.fhir;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.patient.SourceRef;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource being mapped: where it sits in the input, the diagnostics it adds, and the record-wide context
 * (as-of date, birth date, other resources) that its fields are read against.
 */
final class ResourceScope {
  private final int entryIndex;
  private final String type;
  private final String id;
  private final List<FhirDiagnostic> diagnostics;
  private final RecordContext record;

  ResourceScope(int entryIndex, String type, String id, List<FhirDiagnostic> diagnostics, RecordContext record) {
    this.entryIndex = entryIndex;
    this.type = type;
    this.id = id == null ? "" : id;
    this.diagnostics = diagnostics;
    this.record = record;
  }

  static ResourceScope of(ParsedEntry entry, List<FhirDiagnostic> diagnostics, RecordContext record) {
    return new ResourceScope(entry.index(), entry.type(), entry.id(), diagnostics, record);
  }

  /** The scope of a resource contained in this one, located as {@code Type/id#containedId}. */
  ResourceScope contained(String containedId) {
    return new ResourceScope(entryIndex, type, id + "#" + containedId.replaceFirst("^#", ""), diagnostics, record);
  }

  RecordContext record() {
    return record;
  }

  FhirTerminology terminology() {
    return record.terminology();
  }

  SourceRef source() {
    return new SourceRef(type, id);
  }

  void error(String path, String message) {
    add(Severity.ERROR, path, message);
  }

  void warn(String path, String message) {
    add(Severity.WARNING, path, message);
  }

  void info(String path, String message) {
    add(Severity.INFO, path, message);
  }

  void add(Severity severity, String path, String message) {
    diagnostics.add(new FhirDiagnostic(severity, type, id, entryIndex, path, message));
  }

  /** Reports that the whole resource is left out, and why. */
  void skip(String path, String reason) {
    info(path, reason + "; the " + type + " is not used");
  }

  /**
   * The day a date or dateTime field names, reporting invalid, partial and future dates; null when absent or
   * invalid.
   *
   * @param notAfterAsOf true when a date after the as-of date means the record is wrong (events that happened)
   */
  LocalDate day(String path, PrimitiveType<?> value, boolean notAfterAsOf) {
    if (value == null || value.isEmpty()) return null;
    if (value.getValue() == null) return null; // not a valid date: the parser has reported it already
    return day(path, value.getValueAsString(), notAfterAsOf);
  }

  /** As {@link #day(String, PrimitiveType, boolean)}, for a date written as text. */
  LocalDate day(String path, String text, boolean notAfterAsOf) {
    FhirDates.Day day = parse(path, text, notAfterAsOf, path.equals("birthDate")
        ? "gives only a year or month; an age limit falling within it stays open"
        : "gives only a year or month; read as its first day");
    return day == null ? null : day.day();
  }

  /**
   * The days a date or dateTime field can name: one day, or the first and last day of the year or month it gives
   * (a time limit falling within them leaves a criterion open); null when absent or invalid. Reports as
   * {@link #day(String, PrimitiveType, boolean)}.
   */
  FhirDates.Day days(String path, PrimitiveType<?> value, boolean notAfterAsOf) {
    if (value == null || value.isEmpty()) return null;
    if (value.getValue() == null) return null; // not a valid date: the parser has reported it already
    return days(path, value.getValueAsString(), notAfterAsOf);
  }

  /** As {@link #days(String, PrimitiveType, boolean)}, for a date written as text. */
  FhirDates.Day days(String path, String text, boolean notAfterAsOf) {
    return parse(path, text, notAfterAsOf, "gives only a year or month; a time limit falling within it stays open");
  }

  private FhirDates.Day parse(String path, String text, boolean notAfterAsOf, String partial) {
    if (text == null || text.isBlank()) return null;
    FhirDates.Day day = FhirDates.parse(text);
    if (day == null) {
      warn(path, "is not a valid FHIR date; it is left out");
      return null;
    }
    if (day.partial()) info(path, partial);
    if (notAfterAsOf && day.day().isAfter(record.asOf())) {
      warn(path, "is after the as-of date " + record.asOf() + "; check the record");
    }
    return day;
  }

  /** The logical id of a resource, or empty. */
  static String idOf(Resource resource) {
    return resource.getIdElement() == null || resource.getIdElement().getIdPart() == null ? ""
        : resource.getIdElement().getIdPart();
  }
}
