package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads one patient's FHIR R4 record (a Bundle in JSON) into {@link org.eligo.core.patient.PatientFacts}, with a
 * diagnostic for everything it could not use. Thread-safe; create one and share it.
 *
 * <p>Each entry is parsed on its own, so a broken resource is reported and skipped while the others are read. A
 * bare resource instead of a Bundle (e.g. a Patient) is read as a one-entry record with a warning. With several
 * Patients, the first that no other replaces is the record's patient; Patients linked with it ({@code Patient.link}:
 * the same person under another record number) are the patient too, and resources about the others are left out (an
 * error names them all). Only input that yields nothing at all (not JSON, not a FHIR resource, too large, empty) throws
 * {@link UnusableFhirInputException}. Nothing is logged.
 */
public final class HapiPatientReader {
  /** The default input size limit: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private final FhirTerminology terminology;
  private final long maxBytes;

  /**
   * A reader.
   *
   * @param maxBytes the largest input accepted, in bytes (UTF-8)
   */
  public HapiPatientReader(FhirTerminology terminology, long maxBytes) {
    this.terminology = Objects.requireNonNull(terminology, "terminology");
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    this.maxBytes = maxBytes;
  }

  /** A reader with the {@link #DEFAULT_MAX_BYTES} limit. */
  public HapiPatientReader(FhirTerminology terminology) {
    this(terminology, DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a Bundle given as JSON text.
   *
   * @param asOf the evaluation date: dates after it are reported
   * @throws UnusableFhirInputException when nothing at all can be read
   */
  public PatientReadResult read(String json, LocalDate asOf) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(asOf, "asOf");
    return read(JsonInput.parse(json, maxBytes, "FHIR input"), asOf);
  }

  /** Reads a Bundle from a UTF-8 JSON stream (not closed here); see {@link #read(String, LocalDate)}. */
  public PatientReadResult read(InputStream json, LocalDate asOf) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(asOf, "asOf");
    return read(JsonInput.parse(json, maxBytes, "FHIR input"), asOf);
  }

  /**
   * Reads already-parsed resources of one patient (e.g. gathered from FHIR Bulk Data files) as if they were the
   * entries of a Bundle, in this order. Code systems given by their OID are rewritten in place to their FHIR URIs
   * ({@link CodeSystemAliases}).
   */
  public PatientReadResult read(List<? extends Resource> resources, LocalDate asOf) {
    List<ParsedEntry> entries = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      Resource r = resources.get(i);
      entries.add(new ParsedEntry(i, "", r.fhirType(), ResourceScope.idOf(r), r));
    }
    return map(entries, new ArrayList<>(), asOf);
  }

  private PatientReadResult read(JsonNode root, LocalDate asOf) {
    if (!root.isObject()) {
      throw JsonInput.unusable("the FHIR input is a JSON " + root.getNodeType().name().toLowerCase(
          java.util.Locale.ROOT) + ", not a FHIR resource (expected an object with resourceType Bundle)");
    }
    String type = HapiResourceParser.text(root, "resourceType");
    if (type.isEmpty()) {
      throw JsonInput.unusable("the FHIR input has no resourceType: it is not a FHIR resource");
    }
    if (!HapiResourceParser.isResourceType(type)) {
      throw JsonInput.unusable("the FHIR input's resourceType is not a FHIR R4 resource type"
          + HapiResourceParser.closest(type));
    }
    List<FhirDiagnostic> diagnostics = new ArrayList<>();
    List<ParsedEntry> entries = new ArrayList<>();
    if (type.equals("Parameters")) {
      readParameters(root, entries, diagnostics);
    } else if (!type.equals("Bundle")) {
      diagnostics.add(envelope(Severity.WARNING, "the input is a single " + type
          + ", not a Bundle; it is read as a record with this one resource"));
      add(entries, root, 0, "", diagnostics);
    } else {
      readEntries(root, entries, diagnostics, -1, 0);
    }
    return map(entries, diagnostics, asOf);
  }

  /**
   * A Parameters resource (as an operation such as {@code $match} takes its input) holds the record in its parts: one
   * Bundle is read as if it were the input (its entries keep their indexes); otherwise each part's resource is an
   * entry, located at its part's index, and a Bundle among them is read as part of the record. Parts nested in parts
   * count too. Nothing else in the Parameters is read; one holding no resource holds no record.
   */
  private static void readParameters(JsonNode parameters, List<ParsedEntry> entries,
                                     List<FhirDiagnostic> diagnostics) {
    List<JsonNode> resources = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    JsonNode parts = parameters.path("parameter");
    for (int i = 0; parts.isArray() && i < parts.size(); i++) resourcesOf(parts.get(i), i, 0, resources, indexes);
    if (resources.isEmpty()) {
      throw JsonInput.unusable("the FHIR input is a Parameters resource holding no resource; send the patient's "
          + "record as a Bundle, or as a Parameters part whose resource is the Bundle");
    }
    if (resources.size() == 1 && "Bundle".equals(HapiResourceParser.text(resources.getFirst(), "resourceType"))) {
      diagnostics.add(envelope(Severity.INFO, "the input is a Parameters resource; the Bundle in its part "
          + indexes.getFirst() + " is read as the record"));
      readEntries(resources.getFirst(), entries, diagnostics, -1, 0);
      return;
    }
    diagnostics.add(envelope(Severity.INFO, "the input is a Parameters resource; the resources in its parts are "
        + "read as the record, each located at its part's index"));
    for (int r = 0; r < resources.size(); r++) {
      JsonNode resource = resources.get(r);
      int index = indexes.get(r);
      if ("Bundle".equals(HapiResourceParser.text(resource, "resourceType"))) {
        diagnostics.add(new FhirDiagnostic(Severity.INFO, "Bundle", HapiResourceParser.text(resource, "id"), index,
            "parameter[" + index + "].resource", "is a Bundle in the Parameters; its entries are read as the record's"));
        readEntries(resource, entries, diagnostics, index, 1);
      } else {
        add(entries, resource, index, "", diagnostics);
      }
    }
  }

  /** The resources of a Parameters part and of the parts nested in it, with the index of the top-level part. */
  private static void resourcesOf(JsonNode part, int index, int depth, List<JsonNode> resources,
                                  List<Integer> indexes) {
    if (part == null || !part.isObject()) return;
    JsonNode resource = part.get("resource");
    if (resource != null && resource.isObject()) {
      resources.add(resource);
      indexes.add(index);
    }
    JsonNode nested = part.get("part");
    if (nested != null && nested.isArray() && depth < MAX_NESTING) {
      for (JsonNode p : nested) resourcesOf(p, index, depth + 1, resources, indexes);
    }
  }

  /** How deep Bundles inside Bundles are read. */
  private static final int MAX_NESTING = 4;

  /**
   * Reads a Bundle's entries. A Bundle inside it (an export that wraps one search result per resource type in a
   * collection) is read as part of the record, its entries located at the outer entry's index. In a history Bundle,
   * which lists the newest version of a resource first, only that version counts: older versions are left out, and
   * so is every version of a resource whose newest entry deletes it.
   *
   * @param outer the index of the entry that holds this Bundle, or -1 for the input itself
   */
  private static void readEntries(JsonNode bundle, List<ParsedEntry> entries, List<FhirDiagnostic> diagnostics,
                                  int outer, int depth) {
    JsonNode entryArray = bundle.get("entry");
    if (entryArray == null || entryArray.isEmpty()) {
      if (outer < 0) diagnostics.add(envelope(Severity.WARNING, "the Bundle has no entries"));
      return;
    }
    if (!entryArray.isArray() && outer >= 0) {
      diagnostics.add(new FhirDiagnostic(Severity.ERROR, "Bundle", "", outer, "entry[" + outer + "].resource.entry",
          "is not a JSON array; the entries of this Bundle inside the Bundle cannot be read"));
      entries.add(new ParsedEntry(outer, "", LEFT_OUT, "", null)); // it may hold anything: nothing is ruled out
      return;
    }
    if (!entryArray.isArray()) {
      // nothing in the record can be read: answering as if it were an empty record would mislead
      throw JsonInput.unusable("the Bundle's entry is a JSON " + entryArray.getNodeType().name().toLowerCase(
          java.util.Locale.ROOT) + ", not a JSON array; no entries can be read");
    }
    boolean history = "history".equals(HapiResourceParser.text(bundle, "type"));
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> deleted = new java.util.HashSet<>();
    for (int i = 0; i < entryArray.size(); i++) {
      JsonNode entry = entryArray.get(i);
      int index = outer >= 0 ? outer : i;
      JsonNode resource = entry.get("resource");
      if (history) {
        String key = historyKey(entry, resource);
        if (key != null && !seen.add(key)) {
          diagnostics.add(new FhirDiagnostic(Severity.INFO, "Bundle", "", index, "entry[" + i + "]",
              deleted.contains(key) ? "is a version of a resource the history Bundle deletes; it is left out"
                  : "is an older version of a resource in the history Bundle; the newest is read"));
          continue;
        }
        if (key != null && (resource == null || resource.isNull())
            && "DELETE".equals(HapiResourceParser.text(entry.path("request"), "method"))) {
          deleted.add(key);
          continue;
        }
      }
      if (resource == null || resource.isNull()) {
        diagnostics.add(new FhirDiagnostic(Severity.WARNING, "Bundle", "", index, "entry[" + i + "].resource",
            "is missing; the entry is skipped"));
        continue;
      }
      if ("Bundle".equals(HapiResourceParser.text(resource, "resourceType")) && depth < MAX_NESTING) {
        diagnostics.add(new FhirDiagnostic(Severity.INFO, "Bundle", HapiResourceParser.text(resource, "id"), index,
            "entry[" + i + "].resource", "is a Bundle inside the Bundle; its entries are read as the record's"));
        readEntries(resource, entries, diagnostics, index, depth + 1);
        continue;
      }
      add(entries, resource, index, HapiResourceParser.text(entry, "fullUrl"), diagnostics);
    }
  }

  /** {@code Type/id} of a history entry: its resource's, else the request URL's; null when neither names one. */
  private static String historyKey(JsonNode entry, JsonNode resource) {
    if (resource != null && resource.isObject()) {
      String type = HapiResourceParser.text(resource, "resourceType");
      String id = HapiResourceParser.text(resource, "id");
      if (!type.isEmpty() && !id.isEmpty()) return type + "/" + id;
    }
    String url = HapiResourceParser.text(entry.path("request"), "url");
    if (url.isEmpty()) return null;
    int query = url.indexOf('?');
    if (query >= 0) return null; // a conditional request names no one resource
    String key = RecordContext.typeAndId(url);
    return key.contains("/") ? key : null;
  }

  private static void add(List<ParsedEntry> entries, JsonNode node, int index, String fullUrl,
                          List<FhirDiagnostic> diagnostics) {
    Resource r = HapiResourceParser.parse(node, index, diagnostics);
    if (r != null) {
      entries.add(new ParsedEntry(index, fullUrl, r.fhirType(), ResourceScope.idOf(r), r));
    } else {
      entries.add(new ParsedEntry(index, fullUrl, LEFT_OUT, HapiResourceParser.text(node, "resourceType"), null));
    }
  }

  /** The type of a {@link ParsedEntry} that could not be parsed; its id holds the resourceType it gave, if any. */
  static final String LEFT_OUT = "";

  private PatientReadResult map(List<ParsedEntry> all, List<FhirDiagnostic> diagnostics, LocalDate asOf) {
    List<ParsedEntry> entries = newestVersions(all, diagnostics);
    for (ParsedEntry e : entries) {
      // only the resources read: a Synthea record is mostly Claims and Encounters, and the walk is not free
      if (e.resource() != null && CodeSystemAliases.READ_TYPES.contains(e.type())) CodeSystemAliases.apply(e.resource());
    }
    PatientFactsCollector facts = new PatientFactsCollector();
    RecordContext record = new RecordContext(terminology, asOf, entries);
    List<ParsedEntry> patients = entries.stream().filter(e -> e.resource() instanceof Patient).toList();
    if (patients.isEmpty()) {
      diagnostics.add(envelope(Severity.WARNING, "the record has no Patient; birth date and sex are unknown"));
    } else {
      ParsedEntry chosen = patients.stream().filter(p -> !replaced(p, patients, record)).findFirst()
          .orElse(patients.getFirst());
      List<ParsedEntry> samePerson = samePerson(chosen, patients, record);
      if (patients.size() > samePerson.size()) {
        diagnostics.add(envelope(Severity.ERROR, "the record has " + patients.size() + " Patient resources ("
            + patients.stream().map(p -> ref(p) + " at entry " + p.index()).collect(Collectors.joining(", "))
            + "); " + ref(chosen) + " is read" + (samePerson.size() > 1 ? " with those it links to as the same person ("
            + samePerson.stream().filter(p -> p != chosen).map(HapiPatientReader::ref)
                .collect(Collectors.joining(", ")) + ")" : "") + " and resources about the others are left out"));
      } else if (samePerson.size() > 1) {
        diagnostics.add(envelope(Severity.INFO, "the record has " + patients.size() + " Patient resources linked as"
            + " one person (Patient.link); " + ref(chosen) + " is read, and resources about "
            + samePerson.stream().filter(p -> p != chosen).map(HapiPatientReader::ref).collect(Collectors.joining(", "))
            + " count as the patient's"));
      }
      PatientMapper.map((Patient) chosen.resource(), ResourceScope.of(chosen, diagnostics, record), facts);
      record.patient(chosen, facts.birthDate, samePerson);
    }
    Map<String, Integer> unused = new LinkedHashMap<>();
    for (ParsedEntry entry : entries) {
      if (entry.resource() == null) {
        LeftOutEntries.mark(entry.id(), entry.index(), facts);
        continue;
      }
      if (entry.resource() instanceof Patient) continue;
      ResourceScope scope = ResourceScope.of(entry, diagnostics, record);
      Reference subject = subjectOf(entry.resource());
      if (subject != null && !record.isRecordPatient(subject)) {
        String field = entry.resource() instanceof AllergyIntolerance || entry.resource() instanceof Immunization
            ? "patient" : "subject";
        if (record.mayBeRecordPatient(subject, (org.hl7.fhir.r4.model.DomainResource) entry.resource())) {
          // whom it is about is not known: it must not count, nor must the record read as if it did not hold it
          scope.error(field, "refers to a patient the record does not hold; the resource is left out, and the "
              + "criteria it could answer stay open (UNKNOWN) rather than ruled out");
          LeftOutEntries.mark(entry.resource().fhirType(), entry.index(), facts,
              "which is about a patient the record does not hold");
          if (entry.resource() instanceof Observation o) ObservationMapper.unread(o, scope);
        } else {
          scope.error(field, "refers to a patient other than the record's; the resource is left out");
        }
        continue;
      }
      String absent = AbsentOrUnknown.element(entry.resource());
      if (absent != null) {
        scope.skip(absent, "it says only that the record has no information, or none to report, on this (IPS absent or"
            + " unknown data); it is no fact about the patient");
        continue;
      }
      try {
        mapOne(entry.resource(), scope, facts, unused);
      } catch (RuntimeException e) {
        scope.error("", "could not be read (" + e.getClass().getSimpleName() + "); it is left out");
        LeftOutEntries.mark(entry.resource().fhirType(), entry.index(), facts);
      }
    }
    record.withdrawSuperseded(facts.measurements).forEach(d -> diagnostics.add(envelope(Severity.WARNING, d)));
    unused.forEach((type, count) -> diagnostics.add(envelope(Severity.INFO, count + " " + type
        + (count == 1 ? " resource is" : " resources are") + " not used by eligibility")));
    return new PatientReadResult(facts.build(), diagnostics);
  }

  /**
   * Whether a Patient is replaced by another Patient the record holds: it says so ({@code link.type} replaced-by), or
   * the other says it replaces it ({@code replaces}; exports often carry the link on one side only). The record's
   * patient is then the other one, whose details (a birth date corrected at the merge) are current.
   */
  private static boolean replaced(ParsedEntry patient, List<ParsedEntry> patients, RecordContext record) {
    for (Patient.PatientLinkComponent link : ((Patient) patient.resource()).getLink()) {
      if (link.getType() != Patient.LinkType.REPLACEDBY) continue;
      Resource other = record.resolve(link.getOther(), (Patient) patient.resource());
      if (other != patient.resource() && patients.stream().anyMatch(p -> p.resource() == other)) return true;
    }
    for (ParsedEntry other : patients) {
      if (other == patient) continue;
      for (Patient.PatientLinkComponent link : ((Patient) other.resource()).getLink()) {
        if (link.getType() == Patient.LinkType.REPLACES
            && record.resolve(link.getOther(), (Patient) other.resource()) == patient.resource()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The chosen Patient and the Patients of the record linked with it, either way and through one another: FHIR's
   * {@code Patient.link} ("another patient resource that concerns the same actual patient", whatever its type:
   * replaced-by, replaces, refer, seealso) says they are one person, as a merge of two medical record numbers leaves
   * them in an export. What the record holds about any of them is the patient's.
   */
  private static List<ParsedEntry> samePerson(ParsedEntry chosen, List<ParsedEntry> patients, RecordContext record) {
    List<ParsedEntry> same = new ArrayList<>(List.of(chosen));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ParsedEntry p : patients) {
        if (same.contains(p)) continue;
        for (ParsedEntry known : List.copyOf(same)) {
          if (links(p, known, record) || links(known, p, record)) {
            same.add(p);
            grew = true;
            break;
          }
        }
      }
    }
    return same;
  }

  /** Whether Patient {@code from} has a link to Patient {@code to}. */
  private static boolean links(ParsedEntry from, ParsedEntry to, RecordContext record) {
    Patient patient = (Patient) from.resource();
    for (Patient.PatientLinkComponent link : patient.getLink()) {
      if (link.hasOther() && record.resolve(link.getOther(), patient) == to.resource()) return true;
    }
    return false;
  }

  /**
   * The entries without older versions of a resource the record holds again: of entries with the same type and id
   * whose {@code meta.lastUpdated} (else numeric {@code meta.versionId}) tell which is newest, only the newest counts
   * (an older "active" version must not outlive a newer "entered-in-error" one). Entries that do not say are all kept.
   */
  private static List<ParsedEntry> newestVersions(List<ParsedEntry> entries, List<FhirDiagnostic> diagnostics) {
    Map<String, List<ParsedEntry>> byKey = new LinkedHashMap<>();
    for (ParsedEntry e : entries) {
      if (e.resource() != null && !e.id().isEmpty()) {
        byKey.computeIfAbsent(e.type() + "/" + e.id(), k -> new ArrayList<>()).add(e);
      }
    }
    java.util.Set<ParsedEntry> older = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Map.Entry<String, List<ParsedEntry>> group : byKey.entrySet()) {
      List<ParsedEntry> versions = group.getValue();
      // entries whose absolute fullUrls differ are resources of different servers that share an id, not versions
      if (versions.stream().map(v -> server(v.fullUrl())).filter(u -> !u.isEmpty()).distinct().count() > 1) {
        continue;
      }
      if (versions.size() < 2) continue;
      java.util.function.Function<ParsedEntry, Comparable<?>> order = null;
      if (versions.stream().allMatch(v -> v.resource().getMeta().getLastUpdated() != null)) {
        order = v -> v.resource().getMeta().getLastUpdated().toInstant();
      } else if (versions.stream().allMatch(v -> v.resource().getMeta().hasVersionId()
          && v.resource().getMeta().getVersionId().strip().matches("\\d{1,18}"))) {
        order = v -> Long.parseLong(v.resource().getMeta().getVersionId().strip());
      }
      if (order == null) continue;
      @SuppressWarnings("unchecked")
      java.util.function.Function<ParsedEntry, Comparable<Object>> key =
          (java.util.function.Function<ParsedEntry, Comparable<Object>>) (Object) order;
      Comparable<Object> newest = versions.stream().map(key).max(java.util.Comparator.naturalOrder()).orElseThrow();
      for (ParsedEntry v : versions) {
        if (key.apply(v).compareTo(newest) < 0) {
          older.add(v);
          diagnostics.add(new FhirDiagnostic(Severity.INFO, v.type(), v.id(), v.index(), "meta",
              "is an older version of " + group.getKey() + ", which the record also holds; the newest is read"));
        }
      }
    }
    if (older.isEmpty()) return entries;
    return entries.stream().filter(e -> !older.contains(e)).toList();
  }

  /**
   * The absolute URL a resource's fullUrl names, without a version ({@code /_history/n}); "" when it is absent or
   * not an absolute http(s) URL (a {@code urn:uuid} names the entry, not a server's resource).
   */
  private static String server(String fullUrl) {
    if (fullUrl == null) return "";
    String url = fullUrl.strip();
    if (!url.startsWith("http://") && !url.startsWith("https://")) return "";
    int history = url.indexOf("/_history/");
    return history >= 0 ? url.substring(0, history) : url;
  }

  private static void mapOne(Resource resource, ResourceScope scope, PatientFactsCollector facts,
                             Map<String, Integer> unused) {
    switch (resource) {
      case Observation o -> ObservationMapper.map(o, scope, facts);
      case Condition c -> ConditionMapper.map(c, scope, facts);
      case MedicationStatement m -> MedicationMapper.map(m, scope, facts);
      case MedicationRequest m -> MedicationMapper.map(m, scope, facts);
      case MedicationAdministration m -> MedicationMapper.map(m, scope, facts);
      case MedicationDispense m -> MedicationMapper.map(m, scope, facts);
      case Procedure p -> ProcedureMapper.map(p, scope, facts);
      case AllergyIntolerance a -> AllergyMapper.map(a, scope, facts);
      case Immunization i -> ImmunizationMapper.map(i, scope, facts);
      case org.hl7.fhir.r4.model.DiagnosticReport d -> {
        if (!DiagnosticReportMapper.map(d, scope, facts)) unused.merge(resource.fhirType(), 1, Integer::sum);
      }
      case Medication m -> { } // read through the references that point to it
      default -> unused.merge(resource.fhirType(), 1, Integer::sum);
    }
  }

  /** The reference to the patient a clinical resource is about, or null when it has none or is no such type. */
  public static Reference subjectOf(Resource resource) {
    return switch (resource) {
      case Observation o -> o.hasSubject() ? o.getSubject() : null;
      case Condition c -> c.hasSubject() ? c.getSubject() : null;
      case MedicationStatement m -> m.hasSubject() ? m.getSubject() : null;
      case MedicationRequest m -> m.hasSubject() ? m.getSubject() : null;
      case MedicationAdministration m -> m.hasSubject() ? m.getSubject() : null;
      case MedicationDispense m -> m.hasSubject() ? m.getSubject() : null;
      case Procedure p -> p.hasSubject() ? p.getSubject() : null;
      case AllergyIntolerance a -> a.hasPatient() ? a.getPatient() : null;
      case Immunization i -> i.hasPatient() ? i.getPatient() : null;
      case org.hl7.fhir.r4.model.DiagnosticReport d -> d.hasSubject() ? d.getSubject() : null;
      default -> null;
    };
  }

  private static String ref(ParsedEntry e) {
    return e.id().isEmpty() ? e.type() : e.type() + "/" + e.id();
  }

  private static FhirDiagnostic envelope(Severity severity, String message) {
    return new FhirDiagnostic(severity, "Bundle", "", -1, "", message);
  }
}
