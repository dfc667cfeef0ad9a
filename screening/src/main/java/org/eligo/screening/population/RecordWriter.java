package org.eligo.screening.population;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes one patient's resources as NDJSON lines, one StringBuilder per {@link ResourceType}, with ids
 * {@code <patient>-<n>} and every clinical resource pointing at its Patient.
 */
final class RecordWriter {
  static final String UCUM = "http://unitsofmeasure.org";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  static final String ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

  private final Codings codings;
  private final StringBuilder[] out;
  private final SplittableRandom random;
  private final String patientId;
  private int next;

  RecordWriter(Codings codings, StringBuilder[] out, SplittableRandom random, String patientId) {
    this.codings = codings;
    this.out = out;
    this.random = random;
    this.patientId = patientId;
  }

  private Json open(ResourceType type) {
    Json json = new Json(out[type.ordinal()]);
    json.append("{\"resourceType\":\"").append(type.name()).append("\",\"id\":\"").append(patientId).append('-')
        .append(Integer.toString(++next)).append("\",");
    return json;
  }

  private void close(Json json) {
    json.append("}\n");
  }

  void patient(String gender, LocalDate birthDate) {
    Json json = new Json(out[ResourceType.Patient.ordinal()]);
    json.append("{\"resourceType\":\"Patient\",\"id\":\"").append(patientId).append('"');
    if (gender != null) json.append(',').field("gender", gender);
    if (birthDate != null) json.append(',').field("birthDate", birthDate);
    json.append("}\n");
  }

  /** The time of day numeric results are taken at, e.g. {@code 15:00:00+00:00}; null for a date alone. */
  private String timeOfDay;

  /** Numeric results from now on are taken at {@code time} ({@code HH:mm:ss} with an offset), or dated only. */
  void timeOfDay(String time) {
    this.timeOfDay = time;
  }

  /** A numeric result; {@code high}/{@code low} may be null (no reference range). */
  void quantity(String measure, LocalDate date, double value, int places, String unit, boolean ucumCoded,
                Double low, Double high, String status) {
    Json json = open(ResourceType.Observation);
    json.field("status", status).append(',');
    codings.measureCode(json, measure);
    json.append(',').reference("subject", patientId).append(',');
    if (timeOfDay == null) json.field("effectiveDateTime", date);
    else json.field("effectiveDateTime", date + "T" + timeOfDay);
    json.append(',');
    json.key("valueQuantity");
    quantity(json, value, places, unit, ucumCoded);
    if (low != null || high != null) {
      json.append(",\"referenceRange\":[{");
      if (low != null) {
        json.key("low");
        quantity(json, low, places, unit, ucumCoded);
      }
      if (high != null) {
        if (low != null) json.append(',');
        json.key("high");
        quantity(json, high, places, unit, ucumCoded);
      }
      json.append("}]");
    }
    close(json);
  }

  private static void quantity(Json json, double value, int places, String unit, boolean ucumCoded) {
    json.append("{\"value\":").number(value, places).append(',').field("unit", unit);
    if (ucumCoded) json.append(',').field("system", UCUM).append(',').field("code", unit);
    json.append('}');
  }

  /** An integer score such as ECOG. */
  void score(String measure, LocalDate date, int value) {
    Json json = open(ResourceType.Observation);
    json.field("status", "final").append(',');
    codings.measureCode(json, measure);
    json.append(',').reference("subject", patientId).append(',').field("effectiveDateTime", date)
        .append(",\"valueInteger\":").append(Integer.toString(value));
    close(json);
  }

  /** A coded status result, e.g. pregnancy status with LOINC answer codes. */
  void codedStatus(String loinc, String display, LocalDate date, String answerSystem, String answerCode,
                   String answerDisplay) {
    Json json = open(ResourceType.Observation);
    json.field("status", "final").append(",\"code\":{\"coding\":[{").field("system", "http://loinc.org").append(',')
        .field("code", loinc).append(',').field("display", display).append("}]},").reference("subject", patientId)
        .append(',').field("effectiveDateTime", date).append(",\"valueCodeableConcept\":{\"coding\":[{")
        .field("system", answerSystem).append(',').field("code", answerCode).append(',')
        .field("display", answerDisplay).append("}]}");
    close(json);
  }

  /** A condition; {@code clinicalStatus} null leaves the status out; {@code abatement} may be null. */
  void condition(String concept, String clinicalStatus, LocalDate onset, LocalDate abatement, double textOnly) {
    Json json = open(ResourceType.Condition);
    if (clinicalStatus != null) {
      json.append("\"clinicalStatus\":{\"coding\":[{").field("system", CLINICAL).append(',')
          .field("code", clinicalStatus).append("}]},");
    }
    json.append("\"verificationStatus\":{\"coding\":[{").field("system", VERIFICATION).append(',')
        .field("code", "confirmed").append("}]},");
    codings.concept(json, "code", concept, textOnly, random);
    json.append(',').reference("subject", patientId);
    if (onset != null) json.append(',').field("onsetDateTime", onset);
    if (abatement != null) json.append(',').field("abatementDateTime", abatement);
    close(json);
  }

  /**
   * A hospital's own local code system, for entries written code-only: no terminology knows them, as happens with
   * problem lists and formularies exported without names. Not a clinical code system; the codes are the generator's.
   */
  static final String LOCAL_SYSTEM = "https://ehr.example.org/fhir/CodeSystem/local";

  /**
   * A diagnosis given only as a local code, with no text or display (a reader cannot identify it); {@code withSystem}
   * false leaves out the code system too, as some exports do.
   */
  void localCondition(String localCode, String clinicalStatus, LocalDate onset, boolean withSystem) {
    Json json = open(ResourceType.Condition);
    json.append("\"clinicalStatus\":{\"coding\":[{").field("system", CLINICAL).append(',')
        .field("code", clinicalStatus).append("}]},");
    json.append("\"code\":{\"coding\":[{");
    if (withSystem) json.field("system", LOCAL_SYSTEM).append(',');
    json.field("code", localCode).append("}]}");
    json.append(',').reference("subject", patientId).append(',').field("onsetDateTime", onset);
    close(json);
  }

  /** A medication given only as a local code, taken from {@code start} and ongoing. */
  void localMedication(String localCode, LocalDate start) {
    Json json = open(ResourceType.MedicationStatement);
    json.field("status", "active").append(',');
    json.append("\"medicationCodeableConcept\":{\"coding\":[{").field("system", LOCAL_SYSTEM).append(',')
        .field("code", localCode).append("}]}");
    json.append(',').reference("subject", patientId).append(",\"effectivePeriod\":{");
    period(json, start, null);
    json.append('}');
    close(json);
  }

  /** A drug applied locally (a cream, an inhaler), ongoing from {@code start}, its route given as text. */
  void appliedLocally(String concept, LocalDate start, String route) {
    Json json = open(ResourceType.MedicationStatement);
    json.field("status", "active").append(',');
    codings.concept(json, "medicationCodeableConcept", concept, 0.3, random);
    json.append(',').reference("subject", patientId).append(",\"effectivePeriod\":{");
    period(json, start, null);
    json.append("},\"dosage\":[{\"route\":{").field("text", route).append("}}]");
    close(json);
  }

  /**
   * A medication course as a MedicationStatement (effectivePeriod) or, with {@code asRequest}, a MedicationRequest
   * (dosage bounds period and authoredOn).
   */
  void medication(String concept, String status, LocalDate start, LocalDate end, boolean asRequest, double textOnly) {
    if (asRequest) {
      Json json = open(ResourceType.MedicationRequest);
      json.field("status", status).append(',').field("intent", "order").append(',');
      codings.concept(json, "medicationCodeableConcept", concept, textOnly, random);
      json.append(',').reference("subject", patientId);
      if (start != null) json.append(',').field("authoredOn", start);
      json.append(",\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"boundsPeriod\":{");
      period(json, start, end);
      json.append("}}}}]");
      close(json);
    } else {
      Json json = open(ResourceType.MedicationStatement);
      json.field("status", status).append(',');
      codings.concept(json, "medicationCodeableConcept", concept, textOnly, random);
      json.append(',').reference("subject", patientId).append(",\"effectivePeriod\":{");
      period(json, start, end);
      json.append('}');
      close(json);
    }
  }

  private static void period(Json json, LocalDate start, LocalDate end) {
    if (start != null) json.field("start", start);
    if (end != null) {
      if (start != null) json.append(',');
      json.field("end", end);
    }
  }

  void procedure(String concept, LocalDate performed, double textOnly) {
    Json json = open(ResourceType.Procedure);
    json.field("status", "completed").append(',');
    codings.concept(json, "code", concept, textOnly, random);
    json.append(',').reference("subject", patientId);
    if (performed != null) json.append(',').field("performedDateTime", performed);
    close(json);
  }

  void allergy(String concept, boolean anaphylaxis, double textOnly) {
    Json json = open(ResourceType.AllergyIntolerance);
    json.append("\"clinicalStatus\":{\"coding\":[{").field("system", ALLERGY_CLINICAL).append(',')
        .field("code", "active").append("}]},\"verificationStatus\":{\"coding\":[{")
        .field("system", ALLERGY_VERIFICATION).append(',').field("code", "confirmed").append("}]},");
    codings.concept(json, "code", concept, textOnly, random);
    json.append(',').reference("patient", patientId);
    json.append(",\"reaction\":[{\"manifestation\":[{").field("text", anaphylaxis ? "Anaphylaxis" : "Rash")
        .append("}]}]");
    close(json);
  }

  void immunization(String concept, LocalDate date, double textOnly) {
    Json json = open(ResourceType.Immunization);
    json.field("status", "completed").append(',');
    codings.concept(json, "vaccineCode", concept, textOnly, random);
    json.append(',').reference("patient", patientId).append(',').field("occurrenceDateTime", date);
    close(json);
  }
}
