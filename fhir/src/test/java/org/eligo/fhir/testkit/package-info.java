/**
 * Test kit for building FHIR patient records in tests of any module (published as this module's test-jar):
 * {@link org.eligo.fhir.testkit.FhirPatientBuilder} with {@link org.eligo.fhir.testkit.Code} codings passed in by
 * the test, and {@link org.eligo.fhir.testkit.MeasureCodes} for the LOINC codes the terminology lists.
 */
package org.eligo.fhir.testkit;
