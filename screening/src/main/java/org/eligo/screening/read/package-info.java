/**
 * One patient's bulk lines to {@link org.eligo.core.patient.PatientFacts}: the FHIR module's HAPI reader, and a fast
 * Jackson reader of the few fields eligibility uses ({@link org.eligo.screening.read.FastPatientReader}) that gives
 * the same facts and hands any resource shape it does not know back to HAPI.
 */
package org.eligo.screening.read;
