/**
 * Patient facts: what a patient record says, already mapped onto concept ids and canonical units by an adapter
 * (the FHIR reader). Coded history (conditions, medications, procedures, allergies, immunizations) is read
 * closed-world by the evaluator; measurements and demographics open-world. Infection test results
 * ({@link org.eligo.core.patient.InfectionResult}) add to the diagnoses: a result showing an infection proves it, a
 * recent negative one rules it out, and neither is needed for the other.
 */
package org.eligo.core.patient;
