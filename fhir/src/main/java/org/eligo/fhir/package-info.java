/**
 * FHIR R4 patient records (HAPI FHIR) to Eligo patient facts.
 *
 * <p>{@link org.eligo.fhir.HapiPatientReader} reads a Bundle (JSON text or stream) into a
 * {@link org.eligo.fhir.PatientReadResult}: the {@link org.eligo.core.patient.PatientFacts} and a
 * {@link org.eligo.fhir.FhirDiagnostic} for everything it could not use, located by entry, resource and field. One
 * mapper per resource type ({@code XxxMapper}) does the reading; codes, names and units go through the
 * {@link org.eligo.fhir.FhirTerminology} port, which {@link org.eligo.fhir.TerminologyAdapter} implements over the
 * terminology module. Bad data is a diagnostic; only input with nothing readable throws
 * {@link org.eligo.fhir.UnusableFhirInputException}. Nothing here logs, and no diagnostic quotes names,
 * identifiers or free text from the record.
 */
package org.eligo.fhir;
