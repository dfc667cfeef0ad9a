/**
 * Patient facts: what a patient record says, already mapped onto concept ids and canonical units by an adapter
 * (the FHIR reader). Coded history (conditions, medications, procedures, allergies, immunizations) is read
 * closed-world by the evaluator; measurements and demographics open-world.
 */
package org.eligo.core.patient;
