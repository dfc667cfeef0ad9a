/**
 * Patient facts: what a patient record says, already mapped onto concept ids and canonical units by an adapter
 * (the FHIR reader). Coded history (conditions, medications, procedures, allergies, immunizations) is read
 * closed-world by the evaluator; measurements and demographics open-world. Infection test results
 * ({@link org.eligo.core.patient.InfectionResult}) add to the diagnoses: a result showing an infection proves it, a
 * recent negative one rules it out, and neither is needed for the other. A viral load (HBV DNA, HCV RNA, HIV-1 RNA)
 * also keeps what it says of the virus ({@link org.eligo.core.patient.ViralLoad}: detected, not detected, or a bound
 * that cannot say), even when it shows nothing of the infection (an undetectable load under treatment).
 */
package org.eligo.core.patient;
