package org.eligo.screening.sql;

import java.util.List;

/**
 * The relational layout of patient facts, the same in DuckDB and PostgreSQL. Coded facts are split into a fact table
 * and a concept table (one row per concept id), so that "any of these concepts" and "except those" are joins.
 * {@code ord} keeps a fact's position in the patient's record: the newest measurement is the latest day, then the
 * lowest {@code ord}, as in {@code PatientIndex}. A date the record gives only as a year or month is two columns, its
 * first possible day ({@code onset}, {@code start_day}, {@code day} ...) and its last ({@code onset_latest},
 * {@code start_latest}, {@code day_latest} ...; the same day when exact), as the patient facts keep it. A measurement
 * the record gives only as a bound ("&lt;0.5") has its comparator in {@code bound} ({@code <}, {@code <=}, {@code >=},
 * {@code >}; NULL for an exact result), and {@code value} is then the bound.
 */
public final class SqlSchema {
  /** Table names, in load order; each has a CSV file of the same name. */
  public static final List<String> TABLES = List.of("patients", "measurements", "coded_observations", "conditions",
      "condition_concepts", "medications", "medication_concepts", "procedures", "procedure_concepts",
      "immunizations", "immunization_concepts", "allergies", "allergy_concepts");

  private SqlSchema() {}

  public static List<String> createTables() {
    return List.of(
        "CREATE TABLE patients (patient_id VARCHAR PRIMARY KEY, birth_date DATE, sex VARCHAR NOT NULL, "
            + "birth_date_latest DATE)",
        "CREATE TABLE measurements (patient_id VARCHAR NOT NULL, measure VARCHAR NOT NULL, ord INTEGER NOT NULL, "
            + "value FLOAT8 NOT NULL, day DATE NOT NULL, ref_high FLOAT8, measured_at TIMESTAMP, "
            + "day_latest DATE NOT NULL, bound VARCHAR)",
        "CREATE TABLE coded_observations (patient_id VARCHAR NOT NULL, measure VARCHAR NOT NULL, "
            + "ord INTEGER NOT NULL, day DATE NOT NULL, concept VARCHAR NOT NULL, day_latest DATE NOT NULL)",
        "CREATE TABLE conditions (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, status VARCHAR NOT NULL, "
            + "onset DATE, abatement DATE, confirmed BOOLEAN NOT NULL, onset_latest DATE, "
            + "abatement_latest DATE, recorded DATE)",
        "CREATE TABLE condition_concepts (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, concept VARCHAR NOT NULL)",
        "CREATE TABLE medications (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, status VARCHAR NOT NULL, "
            + "start_day DATE, end_day DATE, local_use BOOLEAN NOT NULL, start_latest DATE, "
            + "end_latest DATE, units INTEGER, dose BOOLEAN NOT NULL)",
        "CREATE TABLE medication_concepts (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, "
            + "concept VARCHAR NOT NULL)",
        "CREATE TABLE procedures (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, day DATE, day_latest DATE, "
            + "units INTEGER)",
        "CREATE TABLE procedure_concepts (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, concept VARCHAR NOT NULL)",
        "CREATE TABLE immunizations (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, day DATE, "
            + "day_latest DATE)",
        "CREATE TABLE immunization_concepts (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, "
            + "concept VARCHAR NOT NULL)",
        "CREATE TABLE allergies (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, anaphylaxis BOOLEAN NOT NULL)",
        "CREATE TABLE allergy_concepts (patient_id VARCHAR NOT NULL, fact INTEGER NOT NULL, concept VARCHAR NOT NULL)");
  }

  /** Indexes for the correlated look-ups (PostgreSQL needs them; DuckDB does without). */
  public static List<String> createIndexes() {
    return List.of(
        "CREATE INDEX measurements_by_patient ON measurements (patient_id, measure, day)",
        "CREATE INDEX coded_by_patient ON coded_observations (patient_id, measure, day)",
        "CREATE INDEX conditions_by_patient ON conditions (patient_id, fact)",
        "CREATE INDEX condition_concepts_by_fact ON condition_concepts (patient_id, fact, concept)",
        "CREATE INDEX medications_by_patient ON medications (patient_id, fact)",
        "CREATE INDEX medication_concepts_by_fact ON medication_concepts (patient_id, fact, concept)",
        "CREATE INDEX procedures_by_patient ON procedures (patient_id, fact)",
        "CREATE INDEX procedure_concepts_by_fact ON procedure_concepts (patient_id, fact, concept)",
        "CREATE INDEX immunizations_by_patient ON immunizations (patient_id, fact)",
        "CREATE INDEX immunization_concepts_by_fact ON immunization_concepts (patient_id, fact, concept)",
        "CREATE INDEX allergies_by_patient ON allergies (patient_id, fact)",
        "CREATE INDEX allergy_concepts_by_fact ON allergy_concepts (patient_id, fact, concept)");
  }
}
