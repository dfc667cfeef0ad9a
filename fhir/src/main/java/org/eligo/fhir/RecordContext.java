package org.eligo.fhir;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Record-wide context for mapping resources: the as-of date, the patient's birth date (for ages), the chosen
 * Patient, and reference resolution within the Bundle and contained resources.
 */
final class RecordContext {
  private final FhirTerminology terminology;
  private final LocalDate asOf;
  private final Map<String, Resource> byReference = new HashMap<>();
  private ParsedEntry patient;
  private LocalDate birthDate;
  /** Per measure, the newest result that decides nothing (preliminary, or unreadable): its day and why. */
  private final Map<String, Pending> pending = new HashMap<>();

  /** A newer result of a measure that cannot decide: older results of the measure are set aside. */
  record Pending(LocalDate day, String diagnostic) {}

  RecordContext(FhirTerminology terminology, LocalDate asOf, List<ParsedEntry> entries) {
    this.terminology = terminology;
    this.asOf = asOf;
    for (ParsedEntry e : entries) {
      if (e.resource() == null) continue; // an entry that could not be parsed resolves no reference
      if (!e.fullUrl().isEmpty()) byReference.putIfAbsent(e.fullUrl(), e.resource());
      if (!e.id().isEmpty()) byReference.putIfAbsent(e.type() + "/" + e.id(), e.resource());
    }
  }

  FhirTerminology terminology() {
    return terminology;
  }

  LocalDate asOf() {
    return asOf;
  }

  /**
   * A result of {@code measure} on {@code day} that decides nothing (preliminary, or unreadable), with the diagnostic
   * that says so when it sets older results aside; days after the as-of date are passed over.
   */
  void pending(String measure, LocalDate day, String diagnostic) {
    if (day.isAfter(asOf)) return;
    pending.merge(measure, new Pending(day, diagnostic), (a, b) -> a.day().isAfter(b.day()) ? a : b);
  }

  /**
   * Final results of a measure older than a newer one that decides nothing are not used: a January platelet count of
   * 20 would exclude although February's count (preliminary, or in a unit Eligo cannot read) is 150. Without a usable
   * result the measure's criteria stay open. Returns the diagnostics of the measures concerned.
   */
  List<String> withdrawSuperseded(List<org.eligo.core.patient.Measurement> measurements) {
    List<String> withdrawn = new java.util.ArrayList<>();
    for (Map.Entry<String, Pending> p : new java.util.TreeMap<>(pending).entrySet()) {
      if (measurements.removeIf(m -> m.measure().equals(p.getKey()) && m.date() != null
          && m.date().isBefore(p.getValue().day()))) {
        withdrawn.add(p.getValue().diagnostic());
      }
    }
    return withdrawn;
  }

  LocalDate birthDate() {
    return birthDate;
  }

  void patient(ParsedEntry patient, LocalDate birthDate) {
    this.patient = patient;
    this.birthDate = birthDate;
  }

  /**
   * The resource a reference points to: a contained resource ({@code #id}) of {@code from}, or a Bundle entry by
   * fullUrl or {@code Type/id}; null when not in the record.
   */
  Resource resolve(Reference reference, DomainResource from) {
    if (reference == null || reference.isEmpty()) return null;
    if (reference.getResource() instanceof Resource r) return r;
    String ref = reference.getReference();
    if (ref == null || ref.isBlank()) return null;
    if (ref.startsWith("#")) {
      for (Resource c : from.getContained()) {
        if (ref.substring(1).equals(idOf(c))) return c;
      }
      return null;
    }
    Resource direct = byReference.get(ref);
    return direct != null ? direct : byReference.get(typeAndId(ref));
  }

  /**
   * Whether a subject/patient reference can be the record's patient: true when there is no reference, no chosen
   * Patient, or it points at the chosen Patient by fullUrl or {@code Patient/id}.
   */
  boolean isRecordPatient(Reference reference) {
    if (patient == null || reference == null || reference.getReference() == null
        || reference.getReference().isBlank()) {
      return true;
    }
    String ref = reference.getReference();
    if (ref.equals(patient.fullUrl())) return true;
    return !patient.id().isEmpty() && typeAndId(ref).equals("Patient/" + patient.id());
  }

  /** {@code Type/id} from a relative or absolute reference, dropping any {@code _history} part. */
  static String typeAndId(String reference) {
    String ref = reference;
    int history = ref.indexOf("/_history/");
    if (history >= 0) ref = ref.substring(0, history);
    int idSlash = ref.lastIndexOf('/');
    if (idSlash <= 0) return ref;
    int typeSlash = ref.lastIndexOf('/', idSlash - 1);
    return ref.substring(typeSlash + 1);
  }

  private static String idOf(Resource r) {
    return r.getIdElement().getIdPart() == null ? "" : r.getIdElement().getIdPart().replaceFirst("^#", "");
  }
}
