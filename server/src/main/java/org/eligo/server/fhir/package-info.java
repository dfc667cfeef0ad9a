/**
 * The FHIR R4 face of Eligo: {@code POST /fhir/ResearchStudy/$match} (a patient Bundle, or a Parameters resource
 * holding one, in; a searchset Bundle of ResearchStudy resources with score, verdict, criteria results and missing
 * data out) and the CapabilityStatement at {@code /fhir/metadata}. Errors are OperationOutcomes.
 */
package org.eligo.server.fhir;
