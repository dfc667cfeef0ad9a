package org.eligo.fhir.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a FHIR R4 Bundle (JSON) for one patient with readable calls, for tests:
 *
 * <pre>{@code
 * String json = FhirPatientBuilder.patient("p1").born("2000-01-01").female()
 *     .lab("anc", 0.49, "10*9/L", "2026-01-10")
 *     .condition(icd10("D61.9"), "Aplastic anemia", "2025-11-02")
 *     .medication(rxnorm("845507"), "everolimus", "2025-01-01", "2025-06-01", "completed")
 *     .immunization(cvx("03"), "2025-12-01")
 *     .bundleJson();
 * }</pre>
 *
 * Codes are always passed in by the test ({@link Code}); a lab named by measure key gets its LOINC code from the
 * terminology ({@link MeasureCodes}). Resources get ids {@code <type>-<n>} (e.g. {@code observation-1}) unless
 * {@link #id(String)} sets one; {@link #with(Consumer)} edits the last resource as JSON, so tests can also build
 * broken records.
 */
public final class FhirPatientBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String patientId;
  private final ObjectNode patient;
  private final List<ObjectNode> resources = new ArrayList<>();
  private final List<String> rawEntries = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private ObjectNode last;

  private FhirPatientBuilder(String patientId, boolean withPatient) {
    this.patientId = patientId;
    if (withPatient) {
      patient = JSON.createObjectNode().put("resourceType", "Patient").put("id", patientId);
      resources.add(patient);
      last = patient;
    } else {
      patient = null;
    }
  }

  /** A record whose Patient has this id. */
  public static FhirPatientBuilder patient(String id) {
    return new FhirPatientBuilder(Objects.requireNonNull(id, "id"), true);
  }

  /** A record with no Patient resource; clinical resources refer to {@code Patient/<id>}. */
  public static FhirPatientBuilder withoutPatient(String id) {
    return new FhirPatientBuilder(Objects.requireNonNull(id, "id"), false);
  }

  // --- demographics -------------------------------------------------------------------------------------------

  public FhirPatientBuilder born(String date) {
    requirePatient().put("birthDate", date);
    return this;
  }

  public FhirPatientBuilder female() {
    return gender("female");
  }

  public FhirPatientBuilder male() {
    return gender("male");
  }

  /** Administrative gender as FHIR codes it: male, female, other, unknown. */
  public FhirPatientBuilder gender(String code) {
    requirePatient().put("gender", code);
    return this;
  }

  /** The record says the patient died on {@code date} (a day, month or year: {@code deceasedDateTime}). */
  public FhirPatientBuilder died(String date) {
    requirePatient().put("deceasedDateTime", date);
    return this;
  }

  /** {@code deceasedBoolean}: the record says whether the patient has died, without a date. */
  public FhirPatientBuilder deceased(boolean deceased) {
    requirePatient().put("deceasedBoolean", deceased);
    return this;
  }

  /** Adds a human name (for tests that check names never leak). */
  public FhirPatientBuilder named(String given, String family) {
    ObjectNode name = requirePatient().withArray("name").addObject().put("family", family);
    name.putArray("given").add(given);
    return this;
  }

  /** Adds an identifier, e.g. a medical record number (for tests that check identifiers never leak). */
  public FhirPatientBuilder identifier(String system, String value) {
    requirePatient().withArray("identifier").addObject().put("system", system).put("value", value);
    return this;
  }

  // --- observations -------------------------------------------------------------------------------------------

  /**
   * A lab or vital result of a measure Eligo knows, coded with the measure's first LOINC code from the
   * terminology.
   *
   * @param unit the unit as the lab writes it (UCUM code when valid UCUM, else only the display unit); null for
   *     none
   */
  public FhirPatientBuilder lab(String measureKey, double value, String unit, String date) {
    return lab(MeasureCodes.loinc(measureKey), value, unit, date);
  }

  /** A numeric Observation with this code. */
  public FhirPatientBuilder lab(Code code, double value, String unit, String date) {
    ObjectNode obs = observation(code, date);
    ObjectNode q = obs.putObject("valueQuantity").put("value", BigDecimal.valueOf(value));
    if (unit != null) {
      q.put("unit", unit);
      if (MeasureCodes.isUcum(unit)) q.put("system", "http://unitsofmeasure.org").put("code", unit);
    }
    return this;
  }

  /**
   * A blood pressure panel (LOINC 85354-9, as the FHIR R4 Blood Pressure profile codes it) with a systolic and a
   * diastolic component, coded with the terminology's LOINC codes for the two measures; a null reading is left out.
   *
   * @param unit the unit as the device writes it (UCUM code when valid UCUM, else only the display unit)
   */
  public FhirPatientBuilder bloodPressure(Double systolic, Double diastolic, String unit, String date) {
    ObjectNode obs = observation(Code.loinc("85354-9").display("Blood pressure panel with all children optional"),
        date);
    obs.putArray("category").addObject().putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "vital-signs");
    if (systolic != null) component(obs, MeasureCodes.loinc("systolic-blood-pressure"), systolic, unit);
    if (diastolic != null) component(obs, MeasureCodes.loinc("diastolic-blood-pressure"), diastolic, unit);
    return this;
  }

  /** Adds a component with a quantity to an Observation. */
  private static void component(ObjectNode obs, Code code, double value, String unit) {
    ObjectNode c = obs.withArray("component").addObject();
    c.set("code", concept(code, null));
    quantity(c.putObject("valueQuantity"), value, unit);
  }

  /** Adds a reference range to the last Observation; a null limit is left out. */
  public FhirPatientBuilder referenceRange(Double low, Double high, String unit) {
    ObjectNode range = requireLast("Observation").withArray("referenceRange").addObject();
    if (low != null) quantity(range.putObject("low"), low, unit);
    if (high != null) quantity(range.putObject("high"), high, unit);
    return this;
  }

  /** An ECOG performance status score as valueInteger, coded with the terminology's LOINC for {@code ecog}. */
  public FhirPatientBuilder ecog(int score, String date) {
    observation(MeasureCodes.loinc("ecog"), date).put("valueInteger", score);
    return this;
  }

  /** An Observation with a coded value. */
  public FhirPatientBuilder coded(Code code, Code value, String date) {
    observation(code, date).set("valueCodeableConcept", concept(value, null));
    return this;
  }

  /** A pregnancy status Observation, coded with the terminology's LOINC for {@code pregnancy-status}. */
  public FhirPatientBuilder pregnancyStatus(Code value, String date) {
    return coded(MeasureCodes.loinc("pregnancy-status"), value, date);
  }

  /** An Observation with only code, status final, subject and effectiveDateTime; fill the value with with(). */
  public FhirPatientBuilder observation(Code code, String date, Consumer<ObjectNode> edit) {
    edit.accept(observation(code, date));
    return this;
  }

  // --- history ------------------------------------------------------------------------------------------------

  /** An active, confirmed Condition. */
  public FhirPatientBuilder condition(Code code, String text, String onset) {
    ObjectNode c = add("Condition");
    c.set("clinicalStatus", concept(new Code(
        "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null), null));
    c.set("verificationStatus", concept(new Code(
        "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null), null));
    c.set("code", concept(code, text));
    subject(c, "subject");
    if (onset != null) c.put("onsetDateTime", onset);
    return this;
  }

  /** Sets the last Condition's clinical status code (active, resolved, remission...). */
  public FhirPatientBuilder clinicalStatus(String code) {
    requireLast("Condition").set("clinicalStatus", concept(new Code(
        "http://terminology.hl7.org/CodeSystem/condition-clinical", code, null), null));
    return this;
  }

  /**
   * Sets the verification status code of the last Condition (confirmed, refuted, entered-in-error...) or
   * AllergyIntolerance.
   */
  public FhirPatientBuilder verificationStatus(String code) {
    ObjectNode r = requireLast(null);
    String system = switch (r.path("resourceType").asText()) {
      case "Condition" -> "http://terminology.hl7.org/CodeSystem/condition-ver-status";
      case "AllergyIntolerance" -> "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
      default -> throw new IllegalStateException("the last resource has no verificationStatus");
    };
    r.set("verificationStatus", concept(new Code(system, code, null), null));
    return this;
  }

  /** Sets the last Condition's abatementDateTime. */
  public FhirPatientBuilder abated(String date) {
    requireLast("Condition").put("abatementDateTime", date);
    return this;
  }

  /** A MedicationStatement with effectivePeriod {@code from}..{@code to} (either may be null) and a status code. */
  public FhirPatientBuilder medication(Code code, String text, String from, String to, String status) {
    ObjectNode m = add("MedicationStatement").put("status", status);
    m.set("medicationCodeableConcept", concept(code, text));
    subject(m, "subject");
    period(m, "effectivePeriod", from, to);
    return this;
  }

  /** A MedicationRequest with dosageInstruction[0].timing.repeat.boundsPeriod {@code from}..{@code to}. */
  public FhirPatientBuilder medicationRequest(Code code, String text, String from, String to, String status) {
    ObjectNode m = add("MedicationRequest").put("status", status).put("intent", "order");
    m.set("medicationCodeableConcept", concept(code, text));
    subject(m, "subject");
    ObjectNode repeat = m.withArray("dosageInstruction").addObject().putObject("timing").putObject("repeat");
    period(repeat, "boundsPeriod", from, to);
    return this;
  }

  /** A MedicationAdministration given on one day. */
  public FhirPatientBuilder medicationAdministration(Code code, String text, String date, String status) {
    ObjectNode m = add("MedicationAdministration").put("status", status);
    m.set("medicationCodeableConcept", concept(code, text));
    subject(m, "subject");
    m.put("effectiveDateTime", date);
    return this;
  }

  /** A completed Procedure performed on one day. */
  public FhirPatientBuilder procedure(Code code, String text, String date) {
    ObjectNode p = add("Procedure").put("status", "completed");
    p.set("code", concept(code, text));
    subject(p, "subject");
    if (date != null) p.put("performedDateTime", date);
    return this;
  }

  /** A confirmed AllergyIntolerance; {@code manifestation} (may be null) is the reaction's manifestation. */
  public FhirPatientBuilder allergy(Code substance, String text, Code manifestation) {
    ObjectNode a = add("AllergyIntolerance");
    a.set("verificationStatus", concept(new Code(
        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", null), null));
    a.set("code", concept(substance, text));
    subject(a, "patient");
    if (manifestation != null) {
      a.withArray("reaction").addObject().withArray("manifestation").add(concept(manifestation, null));
    }
    return this;
  }

  /** A completed Immunization on one day. */
  public FhirPatientBuilder immunization(Code vaccine, String date) {
    ObjectNode i = add("Immunization").put("status", "completed");
    i.set("vaccineCode", concept(vaccine, null));
    subject(i, "patient");
    if (date != null) i.put("occurrenceDateTime", date);
    return this;
  }

  // --- raw editing --------------------------------------------------------------------------------------------

  /** Sets the id of the last resource added. */
  public FhirPatientBuilder id(String id) {
    requireLast(null).put("id", id);
    return this;
  }

  /** Sets the status code of the last resource added. */
  public FhirPatientBuilder status(String code) {
    requireLast(null).put("status", code);
    return this;
  }

  /** Edits the last resource added as JSON. */
  public FhirPatientBuilder with(Consumer<ObjectNode> edit) {
    edit.accept(requireLast(null));
    return this;
  }

  /** Adds a resource given as a JSON object (copied). */
  public FhirPatientBuilder resource(ObjectNode resource) {
    last = resource.deepCopy();
    resources.add(last);
    return this;
  }

  /** Adds an entry whose resource is this JSON text, as is (it may be invalid FHIR; it must be JSON). */
  public FhirPatientBuilder rawResource(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode o) return resource(o);
      rawEntries.add(json);
      return this;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("rawResource needs JSON text", e);
    }
  }

  // --- output -------------------------------------------------------------------------------------------------

  /** The Bundle (type collection) as a JSON tree. */
  public ObjectNode bundle() {
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    for (ObjectNode r : resources) {
      ObjectNode entry = entries.addObject();
      if (r.hasNonNull("id") && r.hasNonNull("resourceType")) {
        entry.put("fullUrl", "urn:eligo:test:" + r.get("resourceType").asText() + "/" + r.get("id").asText());
      }
      entry.set("resource", r.deepCopy());
    }
    for (String raw : rawEntries) {
      try {
        entries.addObject().set("resource", JSON.readTree(raw));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bundle;
  }

  /** The Bundle as JSON text. */
  public String bundleJson() {
    return bundle().toPrettyString();
  }

  /** The Patient alone as JSON text (not a Bundle). */
  public String patientJson() {
    return requirePatient().toPrettyString();
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private ObjectNode observation(Code code, String date) {
    ObjectNode obs = add("Observation").put("status", "final");
    obs.set("code", concept(code, null));
    subject(obs, "subject");
    if (date != null) obs.put("effectiveDateTime", date);
    return obs;
  }

  private ObjectNode add(String type) {
    int n = counters.merge(type, 1, Integer::sum);
    ObjectNode r = JSON.createObjectNode().put("resourceType", type).put("id", type.toLowerCase() + "-" + n);
    resources.add(r);
    last = r;
    return r;
  }

  private void subject(ObjectNode resource, String field) {
    resource.putObject(field).put("reference", "Patient/" + patientId);
  }

  private static void period(ObjectNode owner, String field, String from, String to) {
    if (from == null && to == null) return;
    ObjectNode p = owner.putObject(field);
    if (from != null) p.put("start", from);
    if (to != null) p.put("end", to);
  }

  private static void quantity(ObjectNode q, double value, String unit) {
    q.put("value", BigDecimal.valueOf(value));
    if (unit != null) {
      q.put("unit", unit);
      if (MeasureCodes.isUcum(unit)) q.put("system", "http://unitsofmeasure.org").put("code", unit);
    }
  }

  /** A CodeableConcept; {@code text} (may be null) becomes its text. */
  static ObjectNode concept(Code code, String text) {
    ObjectNode cc = JSON.createObjectNode();
    if (!code.textOnly()) {
      ObjectNode coding = cc.putArray("coding").addObject().put("system", code.system()).put("code", code.code());
      if (code.display() != null) coding.put("display", code.display());
    }
    String t = text != null ? text : code.textOnly() ? code.display() : null;
    if (t != null) cc.put("text", t);
    return cc;
  }

  private ObjectNode requirePatient() {
    if (patient == null) throw new IllegalStateException("this record was built withoutPatient()");
    return patient;
  }

  private ObjectNode requireLast(String type) {
    if (last == null) throw new IllegalStateException("no resource added yet");
    if (type != null && !type.equals(last.path("resourceType").asText())) {
      throw new IllegalStateException("the last resource is a " + last.path("resourceType").asText() + ", not a "
          + type);
    }
    return last;
  }
}
