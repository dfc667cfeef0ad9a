package org.eligo.screening.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.Death;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.PatientFactsCollector;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.Unidentified;
import org.eligo.fhir.AbsentOrUnknown;
import org.eligo.fhir.CodeSystemAliases;
import org.eligo.fhir.FhirTerminology;
import org.eligo.fhir.FhirTerminology.Conversion;
import org.eligo.fhir.FhirTerminology.Measure;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.terminology.CodeSystems;
import org.eligo.terminology.text.LocalUse;

/**
 * Reads a patient's bulk lines straight from JSON into the same {@link PatientFacts} the HAPI reader gives, for the
 * resource shapes EHR exports and the population generator write: plain dates, codings and text, quantities,
 * periods. It follows the FHIR module's mappers rule for rule (status filters, coding then text then display, UCUM
 * code before unit, plausible ranges, first reference range). Anything else (an element it does not read, another
 * choice type, a partial date, a contained or referenced Medication, a test for an infection) makes it return empty,
 * and the caller uses HAPI for that patient; so the two paths agree by construction, and a test checks they do.
 * Thread-safe.
 */
public final class FastPatientReader {
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
  static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Elements the mappers never read, allowed anywhere. */
  private static final Set<String> IGNORED = Set.of("meta", "text", "identifier", "category", "encounter", "performer",
      "note", "recorder", "asserter", "recordedDate", "interpretation", "specimen", "method", "bodySite",
      "reasonCode", "reasonReference", "lotNumber", "site", "route", "doseQuantity", "primarySource", "requester",
      "priority", "informationSource", "dateAsserted", "basedOn", "partOf", "location", "outcome", "criticality",
      "type", "language", "implicitRules");

  private final FhirTerminology terminology;
  private final ConceptCache cache;

  public FastPatientReader(FhirTerminology terminology) {
    this.terminology = terminology;
    this.cache = new ConceptCache(terminology);
  }

  /** Thrown inside the reader when a resource has a shape it leaves to HAPI. */
  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  /** The patient's facts, or empty when some line needs the HAPI reader. */
  public Optional<PatientFacts> read(PatientLines lines, LocalDate asOf) {
    PatientFactsCollector facts = new PatientFactsCollector();
    Set<String> seen = new java.util.HashSet<>();
    try {
      for (BucketRecord r : lines.records()) {
        JsonNode node;
        try {
          node = JSON.readTree(r.json());
        } catch (JsonProcessingException e) {
          return Optional.empty();
        }
        String id = text(node, "id");
        if (id == null) throw UNSUPPORTED;
        if (!seen.add(r.type().name() + "/" + id)) throw UNSUPPORTED; // versions of one resource: the FHIR reader picks
        SourceRef source = new SourceRef(r.type().name(), id);
        switch (r.type()) {
          case Patient -> patient(node, facts);
          case Observation -> observation(node, source, asOf, facts);
          case Condition -> condition(node, source, facts);
          case MedicationStatement -> statement(node, source, asOf, facts);
          case MedicationRequest -> request(node, source, facts);
          case Procedure -> procedure(node, source, facts);
          case AllergyIntolerance -> allergy(node, source, facts);
          case Immunization -> immunization(node, source, facts);
          case MedicationAdministration, MedicationDispense -> throw UNSUPPORTED; // read by HAPI
        }
      }
    } catch (Unsupported e) {
      return Optional.empty();
    }
    return Optional.of(facts.build());
  }

  // ---- resources ----

  private void patient(JsonNode n, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "gender", "birthDate", "name", "address", "telecom", "active", "deceasedBoolean",
        "maritalStatus", "communication", "extension");
    facts.id = text(n, "id");
    facts.birthDate = n.has("birthDate") ? day(n.get("birthDate")) : null;
    // deceasedBoolean true: died at some time, as the FHIR reader reads it (a deceasedDateTime is left to HAPI)
    if (n.has("deceasedBoolean")) {
      if (!n.get("deceasedBoolean").isBoolean()) throw UNSUPPORTED;
      if (n.get("deceasedBoolean").booleanValue()) facts.death = new Death(null, null);
    }
    if (!n.has("gender")) {
      facts.sex = Sex.UNKNOWN;
    } else {
      facts.sex = switch (string(n.get("gender"))) {
        case "female" -> Sex.FEMALE;
        case "male" -> Sex.MALE;
        case "other" -> Sex.OTHER;
        case "unknown" -> Sex.UNKNOWN;
        default -> throw UNSUPPORTED;
      };
    }
  }

  private void observation(JsonNode n, SourceRef source, LocalDate asOf, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "status", "code", "subject", "effectiveDateTime", "valueQuantity",
        "valueInteger", "valueCodeableConcept", "referenceRange");
    if (n.has("status")) {
      switch (string(n.get("status"))) {
        case "entered-in-error", "cancelled", "registered" -> {
          return; // as the FHIR reader: no result
        }
        case "preliminary" -> throw UNSUPPORTED; // the FHIR reader sets older results of its measure aside
        case "final", "amended", "corrected", "unknown" -> { }
        default -> throw UNSUPPORTED;
      }
    }
    Measure measure = null;
    for (JsonNode c : codings(n.get("code"))) {
      String code = text(c, "code");
      if (LOINC.equals(text(c, "system")) && code != null && !code.isEmpty()) {
        Optional<Measure> found = terminology.measureForLoinc(code);
        if (found.isPresent()) {
          measure = found.get();
          break;
        }
      }
    }
    if (measure == null) {
      // a test for an infection (HBsAg, HCV RNA ...): the FHIR reader reads its result
      for (JsonNode c : codings(n.get("code"))) {
        String code = text(c, "code");
        if (LOINC.equals(text(c, "system")) && code != null && terminology.infectionTestForLoinc(code).isPresent()) {
          throw UNSUPPORTED;
        }
      }
      // a result without a known LOINC named as a measure may set older results aside: the FHIR reader decides
      if (n.has("valueQuantity")) {
        JsonNode code = n.get("code");
        if (code != null && code.has("text") && terminology.measureForName(text(code, "text")).isPresent()) {
          throw UNSUPPORTED;
        }
        for (JsonNode c : codings(code)) {
          if (terminology.measureForName(text(c, "display")).isPresent()) throw UNSUPPORTED;
        }
      }
      return;
    }
    facts.measuresReported.add(measure.key()); // readable or not, the record reports it (as the FHIR reader)
    // without a date it may be the newest result, or be dated by the DiagnosticReport listing it: the FHIR reader
    // decides (DECISIONS 90)
    if (!n.has("effectiveDateTime")) throw UNSUPPORTED;
    String effective = string(n.get("effectiveDateTime"));
    // a date, or a date and time with its offset (the time orders results of the same day), as the FHIR reader
    LocalDate date = day(effective.length() > 10 ? effective.substring(0, 10) : effective);
    java.time.Instant at = effective.length() > 10 ? instant(effective) : null;
    if (measure.coded()) {
      if (!n.has("valueCodeableConcept") || n.has("valueQuantity") || n.has("valueInteger")) throw UNSUPPORTED;
      JsonNode value = n.get("valueCodeableConcept");
      Set<String> concepts = new LinkedHashSet<>();
      for (JsonNode c : codings(value)) {
        String system = text(c, "system");
        String code = text(c, "code");
        if (system != null && code != null && !system.isEmpty() && !code.isEmpty()) {
          concepts.addAll(terminology.answerConceptsForCode(measure.key(), system, code));
        }
      }
      if (concepts.isEmpty()) {
        String t = text(value, "text");
        if (t != null && !t.isEmpty()) concepts.addAll(terminology.answerConceptsForText(measure.key(), t));
        for (JsonNode c : codings(value)) {
          String d = text(c, "display");
          if (d != null && !d.isEmpty()) concepts.addAll(terminology.answerConceptsForText(measure.key(), d));
        }
      }
      // an answer the interpretation gives (a DAT's "POS" beside a value not read): the FHIR reader's (§86)
      if (concepts.isEmpty() && n.has("interpretation")) throw UNSUPPORTED;
      facts.codedObservations.add(new CodedObservation(measure.key(), concepts, textOf(value), date, source));
      return;
    }
    double raw;
    String unit;
    if (n.has("valueQuantity")) {
      if (n.has("valueInteger") || n.has("valueCodeableConcept")) throw UNSUPPORTED;
      JsonNode q = n.get("valueQuantity");
      only(q, "value", "unit", "system", "code");
      if (!q.has("value")) throw UNSUPPORTED;
      raw = decimal(q.get("value"));
      unit = unitOf(q);
      // a UCUM code and a displayed unit that give different values: the FHIR reader reports it (DECISIONS 90)
      if (disagree(q, raw, measure)) throw UNSUPPORTED;
    } else if (n.has("valueInteger")) {
      if (n.has("valueCodeableConcept") || !n.get("valueInteger").isInt()) throw UNSUPPORTED;
      raw = n.get("valueInteger").intValue();
      unit = "";
    } else {
      throw UNSUPPORTED;
    }
    // a result that cannot be used (no unit, negative, unconvertible, implausible): the FHIR reader sets the older
    // results of its measure aside, so such records are left to it
    if (unit.isEmpty() && !measure.unitless()) throw UNSUPPORTED;
    if (raw < 0 && (measure.plausibleLow() == null || measure.plausibleLow() >= 0)) throw UNSUPPORTED;
    double value;
    if (unit.isEmpty()) {
      value = raw;
    } else {
      switch (terminology.toCanonical(measure, raw, unit)) {
        case Conversion.Converted c -> value = c.value();
        case Conversion.Failed f -> throw UNSUPPORTED;
      }
    }
    if (!measure.plausible(value)) throw UNSUPPORTED;
    Double high = null;
    Double low = null;
    if (n.has("referenceRange")) {
      JsonNode ranges = n.get("referenceRange");
      // several ranges or a typed one: the FHIR reader decides whether the limits can be used
      if (!ranges.isArray() || ranges.size() != 1) throw UNSUPPORTED;
      JsonNode range = ranges.get(0);
      if (range.has("type")) throw UNSUPPORTED;
      only(range, "low", "high", "text");
      high = limit(range.get("high"), unit, measure);
      low = limit(range.get("low"), unit, measure);
      // no range of normal values (an upper limit of 0 or below the lower): the FHIR reader reports it (§63)
      if (high != null && (high <= 0 || (low != null && low > high))) throw UNSUPPORTED;
    }
    String original = unit.isEmpty() ? number(raw) : number(raw) + " " + unit;
    facts.measurements.add(new Measurement(measure.key(), value, measure.canonicalUnit(), date, high, low, original,
        source, at));
  }

  private Double limit(JsonNode q, String valueUnit, Measure measure) throws Unsupported {
    if (q == null) return null;
    only(q, "value", "unit", "system", "code");
    if (!q.has("value")) return null;
    String own = unitOf(q);
    // a limit without its own unit may not be in the value's: the FHIR reader leaves it out, saying so (§63)
    if (own.isEmpty() && !measure.unitless()) throw UNSUPPORTED;
    String unit = own.isEmpty() ? valueUnit : own;
    double raw = decimal(q.get("value"));
    if (disagree(q, raw, measure)) throw UNSUPPORTED; // the FHIR reader leaves such a limit out, saying so
    if (unit.isEmpty()) return measure.unitless() ? raw : null;
    return switch (terminology.toCanonical(measure, raw, unit)) {
      case Conversion.Converted c -> c.value();
      case Conversion.Failed f -> null;
    };
  }

  private void condition(JsonNode n, SourceRef source, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "clinicalStatus", "verificationStatus", "code", "subject", "onsetDateTime",
        "abatementDateTime", "severity", "recordedDate");
    String verification = statusCode(n.get("verificationStatus"), VERIFICATION);
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) return;
    Meaning meaning = identity(n.get("code"));
    // a diagnosis that names a transfusion among other words ("Platelet transfusion refractoriness"): the FHIR reader
    // reads whether it is one (BloodProducts, DECISIONS 87 amendment)
    if (org.eligo.fhir.BloodProducts.mayMentionOnly(codeWords(n.get("code")), meaning.concepts())) throw UNSUPPORTED;
    // a name read from words alone that holds only an abbreviation among other words: the FHIR reader decides
    if (!meaning.concepts().isEmpty() && !codesKnown(n.get("code"))
        && terminology.namedOnlyByAbbreviation(meaning.text())) {
      throw UNSUPPORTED;
    }
    ClinicalStatus status = ClinicalStatus.UNKNOWN;
    if (n.has("clinicalStatus")) {
      String code = statusCode(n.get("clinicalStatus"), CLINICAL);
      status = code == null ? ClinicalStatus.UNKNOWN : switch (code) {
        case "active" -> ClinicalStatus.ACTIVE;
        case "recurrence" -> ClinicalStatus.RECURRENCE;
        case "relapse" -> ClinicalStatus.RELAPSE;
        case "inactive" -> ClinicalStatus.INACTIVE;
        case "remission" -> ClinicalStatus.REMISSION;
        case "resolved" -> ClinicalStatus.RESOLVED;
        default -> ClinicalStatus.UNKNOWN;
      };
    }
    LocalDate onset = n.has("onsetDateTime") ? day(n.get("onsetDateTime")) : null;
    LocalDate abatement = n.has("abatementDateTime") ? day(n.get("abatementDateTime")) : null;
    // as the FHIR reader: beside a recurrence or relapse, the abatement dates the episode before it when the onset is
    // after it; else it contradicts the status: whether the condition is current, and since when, stays open
    if (abatement != null && (status == ClinicalStatus.RECURRENCE || status == ClinicalStatus.RELAPSE)) {
      if (onset == null || !onset.isAfter(abatement)) {
        status = ClinicalStatus.UNKNOWN;
        onset = null;
      }
      abatement = null;
    }
    Set<String> concepts = meaning.concepts();
    boolean confirmed = verification == null || !Set.of("provisional", "differential", "unconfirmed")
        .contains(verification);
    // as the FHIR reader's ConditionMapper: an unidentified entry is named by codes, with no assertion to read
    org.eligo.terminology.text.Assertion assertion = Unidentified.marks(concepts)
        ? org.eligo.terminology.text.Assertion.AFFIRMED : org.eligo.terminology.text.Assertion.of(meaning.text());
    // as the FHIR reader: a code that puts the event in the past is "History of" in words (DECISIONS 68)
    if (assertion == org.eligo.terminology.text.Assertion.AFFIRMED && pastEventCoded(n.get("code"))) {
      assertion = org.eligo.terminology.text.Assertion.HISTORICAL;
    }
    switch (assertion) {
      case NEGATED, NOT_THE_PATIENT -> concepts = Set.of();
      case UNCERTAIN, ABOUT_IT -> confirmed = false;
      case HISTORICAL -> {
        onset = null;
        if (status.isActive()) status = ClinicalStatus.UNKNOWN;
      }
      case AFFIRMED -> { }
    }
    // as the FHIR reader: the day the entry was recorded, kept only without an onset (a day as written, its time
    // of day aside; a year or month alone is left to the FHIR reader)
    LocalDate recorded = onset == null && n.has("recordedDate") ? recordedDay(n.get("recordedDate")) : null;
    facts.conditions.add(new ConditionFact(concepts, meaning.text(), status, onset, abatement, source, confirmed,
        onset, abatement, recorded));
  }

  /** Whether a coding of the CodeableConcept is an ICD-10-CM code that puts the event in the past. */
  private static boolean pastEventCoded(JsonNode code) {
    if (code == null || !code.has("coding")) return false;
    for (JsonNode c : code.get("coding")) {
      if (org.eligo.terminology.PastEventCodes.namesAPastEvent(c.path("system").asText(null),
          c.path("code").asText(null))) {
        return true;
      }
    }
    return false;
  }

  /** A recordedDate's day as written ("2023-03-04", "2023-03-04T10:00:00+01:00"). */
  private static LocalDate recordedDay(JsonNode node) throws Unsupported {
    String s = string(node);
    if (s.length() > 10 && s.charAt(10) == 'T') s = s.substring(0, 10);
    return day(s);
  }

  private void statement(JsonNode n, SourceRef source, LocalDate asOf, PatientFactsCollector facts)
      throws Unsupported {
    only(n, "resourceType", "id", "status", "medicationCodeableConcept", "subject", "effectivePeriod",
        "effectiveDateTime", "dosage");
    ExposureStatus status = exposure(n);
    if (status == null) return;
    LocalDate start = null;
    LocalDate end = null;
    if (n.has("effectivePeriod")) {
      if (n.has("effectiveDateTime")) throw UNSUPPORTED;
      JsonNode p = n.get("effectivePeriod");
      only(p, "start", "end");
      start = p.has("start") ? day(p.get("start")) : null;
      end = p.has("end") ? day(p.get("end")) : null;
    } else if (n.has("effectiveDateTime")) {
      start = day(n.get("effectiveDateTime"));
    }
    // an active statement without an end whose effective day is over a year old, or that says when it was asserted
    // or updated, may be stale (the FHIR reader's MedicationMapper weighs those days, §75): HAPI decides
    boolean old = start != null && start.plusDays(366).isBefore(asOf);
    if (status == ExposureStatus.ACTIVE && end == null && (n.has("dateAsserted") || n.has("meta")
        ? start == null || old : old && n.has("effectiveDateTime"))) {
      throw UNSUPPORTED;
    }
    medication(n, status, start, end, source, facts);
  }

  private void request(JsonNode n, SourceRef source, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "status", "intent", "medicationCodeableConcept", "subject", "authoredOn",
        "dosageInstruction");
    ExposureStatus status = exposure(n);
    if (status == null) return;
    // as the FHIR reader: a proposed or planned drug is not taken
    if (n.has("intent") && Set.of("proposal", "plan", "option").contains(n.get("intent").asText())) {
      if (n.has("requester")) throw UNSUPPORTED; // requested by the patient, it reports use: HAPI decides
      status = ExposureStatus.INTENDED;
    }
    LocalDate start = null;
    LocalDate end = null;
    boolean found = false;
    JsonNode dosages = n.get("dosageInstruction");
    if (dosages != null) {
      if (!dosages.isArray()) throw UNSUPPORTED;
      for (JsonNode d : dosages) {
        only(d, "timing", "text", "route", "doseAndRate", "sequence");
        JsonNode timing = d.get("timing");
        if (timing == null) continue;
        only(timing, "repeat", "code");
        JsonNode repeat = timing.get("repeat");
        if (repeat == null) continue;
        only(repeat, "boundsPeriod", "frequency", "period", "periodUnit");
        JsonNode bounds = repeat.get("boundsPeriod");
        if (bounds == null) continue;
        only(bounds, "start", "end");
        if (bounds.isEmpty()) continue;
        start = bounds.has("start") ? day(bounds.get("start")) : null;
        end = bounds.has("end") ? day(bounds.get("end")) : null;
        found = true;
        break;
      }
    }
    if (!found && n.has("authoredOn")) start = day(n.get("authoredOn"));
    medication(n, status, start, end, source, facts);
  }

  private void medication(JsonNode n, ExposureStatus status, LocalDate start, LocalDate end, SourceRef source,
                          PatientFactsCollector facts) throws Unsupported {
    if (!n.has("medicationCodeableConcept")) throw UNSUPPORTED;
    // "FFP 4 units for reversal of warfarin": the product given is read by the FHIR reader (DECISIONS 96)
    if (org.eligo.fhir.MedicationReasons.hasReason(codeWords(n.get("medicationCodeableConcept")))) throw UNSUPPORTED;
    // "Discontinue eltrombopag", "Hold warfarin": whether taken now is asked by the FHIR reader (DECISIONS 98 review)
    if (org.eligo.fhir.MedicationReasons.saysStopped(codeWords(n.get("medicationCodeableConcept")))) throw UNSUPPORTED;
    Meaning meaning = identity(n.get("medicationCodeableConcept"));
    bloodProduct(n.get("medicationCodeableConcept"), meaning);
    transfusion(meaning);
    boolean local = LocalUse.of(words(n));
    facts.medications.add(new MedicationExposure(meaning.concepts(), meaning.text(), start, end, status, source,
        local));
  }

  /**
   * The words that may tell how a drug is used, as the FHIR module's MedicationMapper gathers them: the drug's text
   * and displays, and each dosage's route (text and displays); never the free-text instructions.
   */
  private static String words(JsonNode n) {
    StringBuilder out = new StringBuilder();
    JsonNode drug = n.path("medicationCodeableConcept");
    append(out, drug.path("text"));
    for (JsonNode c : drug.path("coding")) append(out, c.path("display"));
    for (String field : List.of("dosage", "dosageInstruction")) {
      JsonNode dosages = n.path(field);
      for (JsonNode d : dosages.isArray() ? dosages : List.of(dosages)) {
        append(out, d.path("route").path("text"));
        for (JsonNode c : d.path("route").path("coding")) append(out, c.path("display"));
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, JsonNode text) {
    if (text.isTextual()) out.append(text.textValue()).append(" | ");
  }

  private static ExposureStatus exposure(JsonNode n) throws Unsupported {
    if (!n.has("status")) return ExposureStatus.UNKNOWN;
    return switch (string(n.get("status"))) {
      case "active", "in-progress" -> ExposureStatus.ACTIVE;
      case "on-hold" -> ExposureStatus.UNKNOWN; // paused: as the FHIR reader, current use is asked
      case "completed", "stopped" -> ExposureStatus.COMPLETED;
      case "intended", "draft", "planned" -> ExposureStatus.INTENDED;
      case "unknown" -> ExposureStatus.UNKNOWN;
      case "entered-in-error", "cancelled", "not-taken", "not-done" -> null;
      default -> throw UNSUPPORTED;
    };
  }

  private void procedure(JsonNode n, SourceRef source, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "status", "code", "subject", "performedDateTime");
    if (n.has("status")) {
      switch (string(n.get("status"))) {
        case "entered-in-error", "not-done", "preparation" -> {
          return;
        }
        case "in-progress", "completed" -> { }
        default -> throw UNSUPPORTED; // stopped, on-hold, unknown: the FHIR reader keeps them unidentified
      }
    }
    Meaning meaning = identity(n.get("code")); // as the FHIR reader: only unknown codes, or none, are unidentified
    bloodProduct(n.get("code"), meaning); // "PRBC 1 unit", "FFP 2 units": read by the FHIR reader's BloodProducts (§87)
    // a transfusion whose name gives its units ("PRBC transfusion 2 units", "pRBCs x2") is the FHIR reader's (§92)
    if (org.eligo.core.patient.Unidentified.aboutTransfusion(meaning.concepts())
        && org.eligo.fhir.BloodProducts.unitsIn(codeWords(n.get("code"))) != null) {
      throw UNSUPPORTED;
    }
    LocalDate date = n.has("performedDateTime") ? day(n.get("performedDateTime")) : null;
    facts.procedures.add(new ProcedureFact(meaning.concepts(), meaning.text(), date, source));
  }

  /**
   * A transfusion given as a medication is left to the FHIR reader, which reads how many units it was from its name
   * and dose ("PRBC 2 units", dose 2 U; DECISIONS 92): read here without them, a count of units would differ.
   */
  private static void transfusion(Meaning meaning) throws Unsupported {
    if (org.eligo.core.patient.Unidentified.aboutTransfusion(meaning.concepts())) throw UNSUPPORTED;
  }

  /**
   * A code that may name a blood product ("PRBC 1 unit", "Red Blood Cells, Leukocytes Reduced", "FFP 2 units", an HL7
   * v2 blood product or ISBT 128 code) is left to the FHIR reader, which reads its kind (DECISIONS 87).
   */
  private static void bloodProduct(JsonNode code, Meaning meaning) throws Unsupported {
    if (code == null || !code.isObject()) return;
    java.util.List<String> systems = new java.util.ArrayList<>();
    if (code.has("coding")) {
      for (JsonNode c : code.get("coding")) if (c.has("system")) systems.add(c.get("system").asText());
    }
    if (org.eligo.fhir.BloodProducts.mayName(codeWords(code), systems, meaning.concepts())) throw UNSUPPORTED;
  }

  /** A CodeableConcept's text and displays, as the FHIR reader's BloodProducts reads them; "" when none. */
  private static String codeWords(JsonNode code) {
    if (code == null || !code.isObject()) return "";
    StringBuilder words = new StringBuilder();
    if (code.has("text")) words.append(code.get("text").asText()).append(" | ");
    if (code.has("coding")) {
      for (JsonNode c : code.get("coding")) {
        if (c.has("display")) words.append(c.get("display").asText()).append(" | ");
      }
    }
    return words.toString();
  }

  private void allergy(JsonNode n, SourceRef source, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "clinicalStatus", "verificationStatus", "code", "patient", "reaction");
    String verification = statusCode(n.get("verificationStatus"), ALLERGY_VERIFICATION);
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) return;
    // as the FHIR reader's AllergyMapper: doubted, outgrown or denied allergies are not counted
    if ("unconfirmed".equals(verification) || "presumed".equals(verification)) return;
    String clinical = statusCode(n.get("clinicalStatus"), ALLERGY_CLINICAL);
    if ("inactive".equals(clinical) || "resolved".equals(clinical)) return;
    if (n.has("type")) throw UNSUPPORTED; // an intolerance: the FHIR reader decides
    JsonNode reactions = n.get("reaction");
    if (reactions != null && !reactions.isArray()) throw UNSUPPORTED;
    Set<String> fromReactions = new LinkedHashSet<>();
    if (reactions != null) {
      for (JsonNode reaction : reactions) {
        only(reaction, "substance", "manifestation", "severity", "onset", "description");
        if (reaction.has("substance")) fromReactions.addAll(quietly(reaction.get("substance")).concepts());
      }
    }
    // as the FHIR reader's AllergyMapper: a substance named only by unknown codes (or by nothing, with no known
    // reaction substance) is unidentified, and has no words to read an assertion in
    Meaning meaning = fromReactions.isEmpty() ? identity(n.get("code")) : meaning(n.get("code"));
    org.eligo.terminology.text.Assertion assertion = Unidentified.marks(meaning.concepts())
        ? org.eligo.terminology.text.Assertion.AFFIRMED : org.eligo.terminology.text.Assertion.of(meaning.text());
    if (assertion != org.eligo.terminology.text.Assertion.AFFIRMED
        && assertion != org.eligo.terminology.text.Assertion.HISTORICAL) {
      return;
    }
    Set<String> concepts = new LinkedHashSet<>(meaning.concepts());
    concepts.addAll(fromReactions);
    boolean anaphylaxis = false;
    if (reactions != null) {
      for (JsonNode reaction : reactions) {
        JsonNode manifestations = reaction.get("manifestation");
        if (manifestations == null) continue;
        if (!manifestations.isArray()) throw UNSUPPORTED;
        for (JsonNode m : manifestations) {
          anaphylaxis |= quietly(m).concepts().contains("anaphylaxis")
              || textOf(m).toLowerCase(Locale.ROOT).contains("anaphyla");
        }
      }
    }
    facts.allergies.add(new AllergyFact(concepts, meaning.text(), anaphylaxis, source));
  }

  private void immunization(JsonNode n, SourceRef source, PatientFactsCollector facts) throws Unsupported {
    only(n, "resourceType", "id", "status", "vaccineCode", "patient", "occurrenceDateTime");
    if (n.has("status")) {
      switch (string(n.get("status"))) {
        case "not-done", "entered-in-error" -> {
          return;
        }
        case "completed" -> { }
        default -> throw UNSUPPORTED;
      }
    }
    Meaning meaning = identity(n.get("vaccineCode")); // as the FHIR reader
    LocalDate date = n.has("occurrenceDateTime") ? day(n.get("occurrenceDateTime")) : null;
    facts.immunizations.add(new ImmunizationFact(meaning.concepts(), meaning.text(), date, source));
  }

  // ---- elements ----

  /** A CodeableConcept's concepts and text, as the FHIR module's CodeableConcepts reads them. */
  record Meaning(Set<String> concepts, String text) {}

  private Meaning meaning(JsonNode concept) throws Unsupported {
    if (concept == null) return new Meaning(Set.of(), "");
    return quietly(concept);
  }

  /**
   * A diagnosis's or drug's meaning: one with no name (no text, no display) whose codes Eligo does not know, or with
   * no code at all, is {@link Unidentified}, named by its codes, as the FHIR module's {@code
   * CodeableConcepts.readIdentity} reads it.
   */
  /** Whether any coding of {@code concept} has a code Eligo's terminology knows. */
  private boolean codesKnown(JsonNode concept) throws Unsupported {
    if (concept == null) return false;
    for (JsonNode c : codings(concept)) {
      String system = text(c, "system");
      String code = text(c, "code");
      if (system != null && code != null && !terminology.conceptsForCode(system, code).isEmpty()) return true;
    }
    return false;
  }

  private Meaning identity(JsonNode concept) throws Unsupported {
    Meaning meaning = meaning(concept);
    if (!meaning.concepts().isEmpty()) return meaning;
    List<String> codes = new ArrayList<>();
    if (concept != null) {
      String text = text(concept, "text");
      if (text != null && !text.isBlank()) return meaning;
      for (JsonNode c : codings(concept)) {
        String display = text(c, "display");
        if (display != null && !display.isBlank()) return meaning;
        String code = text(c, "code");
        if (code != null && !code.isBlank()) codes.add(CodeSystems.label(text(c, "system"), code));
      }
    }
    return new Meaning(Unidentified.CONCEPTS, codes.isEmpty() ? "no code or name" : String.join(", ", codes));
  }

  private Meaning quietly(JsonNode concept) throws Unsupported {
    if (!concept.isObject()) throw UNSUPPORTED;
    only(concept, "coding", "text");
    Set<String> concepts = new LinkedHashSet<>();
    List<JsonNode> codings = codings(concept);
    for (JsonNode c : codings) {
      String system = text(c, "system");
      String code = text(c, "code");
      if (system != null && code != null && !system.isEmpty() && !code.isEmpty()) {
        concepts.addAll(cache.forCode(system, code));
      }
    }
    String text = text(concept, "text");
    if (concepts.isEmpty() && text != null && !text.isEmpty()) concepts.addAll(cache.forText(text));
    if (concepts.isEmpty()) {
      for (JsonNode c : codings) {
        String d = text(c, "display");
        if (d != null && !d.isEmpty()) concepts.addAll(cache.forText(d));
      }
    }
    return new Meaning(concepts, textOf(concept));
  }

  /** The concept's text, else the first display, else the first code, else empty. */
  private static String textOf(JsonNode concept) throws Unsupported {
    String text = text(concept, "text");
    if (text != null && !text.isEmpty()) return text;
    for (JsonNode c : codings(concept)) {
      String d = text(c, "display");
      if (d != null && !d.isEmpty()) return d;
    }
    for (JsonNode c : codings(concept)) {
      String code = text(c, "code");
      if (code != null && !code.isEmpty()) return code;
    }
    return "";
  }

  private static List<JsonNode> codings(JsonNode concept) throws Unsupported {
    if (concept == null) return List.of();
    JsonNode codings = concept.get("coding");
    if (codings == null) return List.of();
    if (!codings.isArray()) throw UNSUPPORTED;
    List<JsonNode> out = new ArrayList<>(codings.size());
    for (JsonNode c : codings) {
      if (!c.isObject()) throw UNSUPPORTED;
      only(c, "system", "code", "display", "version", "userSelected");
      if (aliased(text(c, "system"))) throw UNSUPPORTED; // an OID for a system: HAPI reads it under its URI
      if (AbsentOrUnknown.SYSTEM.equals(text(c, "system"))) throw UNSUPPORTED; // no fact: HAPI leaves it out
      out.add(c);
    }
    return out;
  }

  /** Status codes the FHIR reader knows for each status code system. */
  private static final java.util.Map<String, Set<String>> STATUS_CODES = java.util.Map.of(
      CLINICAL, Set.of("active", "recurrence", "relapse", "inactive", "remission", "resolved"),
      VERIFICATION, Set.of("unconfirmed", "provisional", "differential", "confirmed", "refuted", "entered-in-error"),
      ALLERGY_VERIFICATION, Set.of("unconfirmed", "presumed", "confirmed", "refuted", "entered-in-error"),
      ALLERGY_CLINICAL, Set.of("active", "inactive", "resolved"));

  /**
   * The code of the first coding in {@code system} or without a system, or null when the element is absent; a
   * status given otherwise (as text, a local code) is left to the FHIR reader, which reads or doubts it.
   */
  private static String statusCode(JsonNode concept, String system) throws Unsupported {
    if (concept == null) return null;
    only(concept, "coding", "text");
    for (JsonNode c : codings(concept)) {
      String code = text(c, "code");
      String s = text(c, "system");
      if (code != null && !code.isEmpty() && (s == null || s.isEmpty() || system.equals(s))) {
        if (!STATUS_CODES.get(system).contains(code.strip())) throw UNSUPPORTED;
        return code.strip();
      }
    }
    throw UNSUPPORTED;
  }

  /** Whether a code system is given under another name than its FHIR URI ({@link CodeSystemAliases}). */
  private static boolean aliased(String system) {
    return system != null && !system.equals(CodeSystemAliases.canonical(system));
  }

  /** Whether a quantity's UCUM code and displayed unit give the measure different values. */
  private boolean disagree(JsonNode q, double raw, Measure measure) throws Unsupported {
    String system = text(q, "system");
    boolean ucumCode = system == null || system.isEmpty() || UCUM.equals(system);
    return ucumCode && terminology.unitsDisagree(measure, raw, text(q, "code"), text(q, "unit"));
  }

  private static String unitOf(JsonNode q) throws Unsupported {
    String code = text(q, "code");
    String system = text(q, "system");
    if (aliased(system)) throw UNSUPPORTED;
    String unit = text(q, "unit");
    boolean ucumCode = code != null && !code.isEmpty() && (system == null || system.isEmpty() || UCUM.equals(system));
    if (ucumCode) return code.strip();
    if (unit != null && !unit.isEmpty()) return unit.strip();
    return "";
  }

  /** A plain {@code YYYY-MM-DD} date; anything else (partial dates, times) is left to HAPI. */
  private static LocalDate day(JsonNode node) throws Unsupported {
    return day(string(node));
  }

  /** A FHIR dateTime with a time of day and an offset, as an instant. */
  private static java.time.Instant instant(String s) throws Unsupported {
    if (s.charAt(10) != 'T') throw UNSUPPORTED;
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw UNSUPPORTED;
    }
  }

  private static LocalDate day(String s) throws Unsupported {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') throw UNSUPPORTED;
    try {
      return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
    } catch (DateTimeException e) {
      throw UNSUPPORTED;
    }
  }

  private static int digits(String s, int from, int to) throws Unsupported {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw UNSUPPORTED;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static double decimal(JsonNode node) throws Unsupported {
    if (!node.isNumber()) throw UNSUPPORTED;
    return node.decimalValue().doubleValue();
  }

  private static String string(JsonNode node) throws Unsupported {
    if (node == null || !node.isTextual()) throw UNSUPPORTED;
    return node.textValue();
  }

  /** A string field, null when absent; a non-string value is left to HAPI. */
  private static String text(JsonNode node, String field) throws Unsupported {
    JsonNode v = node.get(field);
    if (v == null) return null;
    if (!v.isTextual()) throw UNSUPPORTED;
    return v.textValue();
  }

  /** Every field of {@code node} must be one of {@code allowed} (or ignorable). */
  private static void only(JsonNode node, String... allowed) throws Unsupported {
    if (!node.isObject()) throw UNSUPPORTED;
    Iterator<String> names = node.fieldNames();
    outer:
    while (names.hasNext()) {
      String name = names.next();
      for (String a : allowed) if (a.equals(name)) continue outer;
      if (!IGNORED.contains(name)) throw UNSUPPORTED;
    }
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
