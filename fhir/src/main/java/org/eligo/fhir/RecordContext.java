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
  /** The record's patient and the Patients linked to it as the same person. */
  private List<ParsedEntry> samePerson = List.of();
  private LocalDate birthDate;
  /** Per measure, the results that decide nothing (preliminary, or unreadable), with their days and why. */
  private final Map<String, List<Pending>> pending = new HashMap<>();
  /**
   * Per result that is an entry of its own, the effective time of the DiagnosticReport ({@code result}) or panel
   * Observation ({@code hasMember}) that lists it, if any.
   */
  private final Map<Resource, org.hl7.fhir.r4.model.Type> listedDate = new java.util.IdentityHashMap<>();

  /**
   * A result of a measure that cannot decide: older results of the measure are set aside.
   *
   * @param first its first possible day, {@code last} its last (not after the as-of date; the same when exact)
   * @param what what it is, e.g. "a preliminary platelets result of 2026-02-10 may still change"
   * @param older the end of the diagnostic when older results are set aside, e.g. " until it is final"
   * @param mayBeNewer its end when results that may be older or newer are set aside
   */
  record Pending(LocalDate first, LocalDate last, String what, String older, String mayBeNewer) {}

  RecordContext(FhirTerminology terminology, LocalDate asOf, List<ParsedEntry> entries) {
    this.terminology = terminology;
    this.asOf = asOf;
    for (ParsedEntry e : entries) {
      if (e.resource() == null) continue; // an entry that could not be parsed resolves no reference
      if (!e.fullUrl().isEmpty()) byReference.putIfAbsent(e.fullUrl(), e.resource());
      if (!e.id().isEmpty()) byReference.putIfAbsent(e.type() + "/" + e.id(), e.resource());
      // a resource without an id, named by its absolute fullUrl (https://ehr.example/fhir/Medication/m1), is what a
      // relative reference "Medication/m1" points to
      String named = e.fullUrl().startsWith("http") ? typeAndId(e.fullUrl()) : "";
      if (e.id().isEmpty() && named.startsWith(e.type() + "/")) byReference.putIfAbsent(named, e.resource());
    }
    for (ParsedEntry e : entries) {
      // results listed by a report, or by a panel Observation (hasMember), that date only the report or panel
      if (e.resource() instanceof org.hl7.fhir.r4.model.DiagnosticReport report && report.hasEffective()) {
        listed(report, report.getResult(), report.getEffective());
      } else if (e.resource() instanceof org.hl7.fhir.r4.model.Observation panel && panel.hasEffective()) {
        listed(panel, panel.getHasMember(), panel.getEffective());
      }
    }
  }

  private void listed(DomainResource by, List<Reference> results, org.hl7.fhir.r4.model.Type effective) {
    for (Reference result : results) {
      if (!result.hasReference() || result.getReference().startsWith("#")) continue; // contained: read by the report
      if (resolve(result, by) instanceof org.hl7.fhir.r4.model.Observation obs && obs != by) {
        listedDate.putIfAbsent(obs, effective);
      }
    }
  }


  /**
   * The effective time ({@code dateTime}, {@code Period} or {@code instant}) of the DiagnosticReport or panel
   * Observation of the record that lists this Observation entry, or null: lab feeds that send each result as an entry
   * of its own may date only the report or panel (DECISIONS 90).
   */
  org.hl7.fhir.r4.model.Type listedDate(org.hl7.fhir.r4.model.Observation obs) {
    return listedDate.get(obs);
  }

  FhirTerminology terminology() {
    return terminology;
  }

  LocalDate asOf() {
    return asOf;
  }

  /**
   * A result of {@code measure} on {@code day} that decides nothing (preliminary, or unreadable), with the diagnostic
   * that says so when it sets other results aside ({@code what} and one of the two endings); days after the as-of
   * date are passed over.
   */
  void pending(String measure, FhirDates.Day day, String what, String older, String mayBeNewer) {
    if (day.day().isAfter(asOf)) return;
    LocalDate last = day.last().isAfter(asOf) ? asOf : day.last();
    pending.computeIfAbsent(measure, k -> new java.util.ArrayList<>())
        .add(new Pending(day.day(), last, what, older, mayBeNewer));
  }

  /**
   * Final results of a measure older than a newer one that decides nothing are not used: a January platelet count of
   * 20 would exclude although February's count (preliminary, or in a unit Eligo cannot read) is 150. Where the record
   * gives only the year or month of one of them, a result that may be older is set aside, and when the one that
   * decides nothing may be the newest of all, every result of the measure is: which is the latest is not known, and
   * it may be the one that cannot decide. Without a usable result the measure's criteria stay open. Exact days decide
   * as before: a final result of the same day stands. Returns the diagnostics of the measures concerned.
   */
  List<String> withdrawSuperseded(List<org.eligo.core.patient.Measurement> measurements) {
    List<String> withdrawn = new java.util.ArrayList<>();
    for (Map.Entry<String, List<Pending>> p : new java.util.TreeMap<>(pending).entrySet()) {
      String measure = p.getKey();
      Pending latestFirst = null;
      Pending latestLast = null;
      for (Pending one : p.getValue()) {
        if (latestFirst == null || one.first().isAfter(latestFirst.first())) latestFirst = one;
        if (latestLast == null || one.last().isAfter(latestLast.last())) latestLast = one;
      }
      LocalDate after = latestFirst.first();
      // results surely before a pending one (exact: of an earlier day)
      if (measurements.removeIf(m -> m.measure().equals(measure) && last(m).isBefore(after))) {
        withdrawn.add(latestFirst.what() + "; older " + measure + " results are not used" + latestFirst.older());
      }
      // a pending one that may be later than every remaining result: which is the latest is not known
      LocalDate newestFirst = null;
      for (org.eligo.core.patient.Measurement m : measurements) {
        if (!m.measure().equals(measure) || m.date().isAfter(asOf)) continue;
        if (newestFirst == null || m.date().isAfter(newestFirst)) newestFirst = m.date();
      }
      if (newestFirst != null && latestLast.last().isAfter(newestFirst)) {
        measurements.removeIf(m -> m.measure().equals(measure) && !m.date().isAfter(asOf));
        boolean undated = latestLast.first().getYear() == 1; // a result without any date (ObservationMapper)
        withdrawn.add(latestLast.what() + "; the other " + measure + " results are not used, as "
            + (undated ? "" : "the record gives only the month or year of some and ") + "it may be the newest"
            + latestLast.mayBeNewer());
      }
    }
    return withdrawn;
  }

  /** The last day a result can be of, not after the as-of date when its first day is not. */
  private LocalDate last(org.eligo.core.patient.Measurement m) {
    return m.dateLatest().isAfter(asOf) && !m.date().isAfter(asOf) ? asOf : m.dateLatest();
  }

  LocalDate birthDate() {
    return birthDate;
  }

  void patient(ParsedEntry patient, LocalDate birthDate) {
    patient(patient, birthDate, List.of(patient));
  }

  /**
   * The record's patient, and every Patient of the record that is the same person ({@code Patient.link}): a resource
   * about any of them is about the patient.
   */
  void patient(ParsedEntry patient, LocalDate birthDate, List<ParsedEntry> samePerson) {
    this.patient = patient;
    this.birthDate = birthDate;
    this.samePerson = List.copyOf(samePerson);
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
   * Patient, or it points at the chosen Patient, or at a Patient linked with it as the same person, by fullUrl or
   * {@code Patient/id}.
   */
  boolean isRecordPatient(Reference reference) {
    if (patient == null || reference == null || reference.getReference() == null
        || reference.getReference().isBlank()) {
      return true;
    }
    for (ParsedEntry same : samePerson) if (same != patient && refersTo(reference.getReference(), same)) return true;
    return refersTo(reference.getReference(), patient);
  }

  /** Whether a reference names this Patient entry, by fullUrl or {@code Patient/id}. */
  private static boolean refersTo(String ref, ParsedEntry patient) {
    if (ref.equals(patient.fullUrl())) return true;
    if (!patient.id().isEmpty()) return typeAndId(ref).equals("Patient/" + patient.id());
    // a Patient without an id, named by its absolute fullUrl (https://ehr.example/fhir/Patient/123)
    String named = typeAndId(patient.fullUrl());
    return named.startsWith("Patient/") && typeAndId(ref).equals(named);
  }

  /**
   * Whether a subject/patient reference that is not the record's patient ({@link #isRecordPatient}) may still be
   * the patient: it points at no resource the record holds, and at a Patient or at something whose type it does not
   * say ({@code urn:uuid:...}), or at a Patient contained in the resource, or at nothing it contains. An export whose references do not resolve (the Patient listed under another id or
   * URL) is more often the same patient than another one; either way, what such a resource says must neither count
   * for the patient nor be taken as absent from the record.
   */
  boolean mayBeRecordPatient(Reference reference, DomainResource from) {
    if (reference == null || reference.getReference() == null || reference.getReference().isBlank()) return true;
    String ref = reference.getReference().strip();
    Resource target = resolve(reference, from);
    // a Patient contained in the resource, or a contained reference to nothing: whom it is about is not known
    if (ref.startsWith("#")) return target == null || target instanceof org.hl7.fhir.r4.model.Patient;
    if (target != null) return false;
    String key = typeAndId(ref);
    return key.startsWith("Patient/") || !key.contains("/");
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
