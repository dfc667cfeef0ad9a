package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.rxnorm;

import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.PatientFacts;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Variations that real EHR exports, Synthea bundles and patient-portal downloads contain, each read the way the
 * first principle needs: what the record does not establish never counts as established.
 */
class RealWorldRecordsTest {

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1990-04-12").female();
  }

  @Test
  void aRequestNotToGiveADrugIsNoExposureToIt() {
    PatientReadResult result = read(adult()
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").id("dont")
        .with(r -> r.put("doNotPerform", true))
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").id("do")
        .with(r -> r.put("doNotPerform", false))
        .bundleJson());
    PatientFacts facts = result.facts();
    assertThat(facts.medications()).extracting(m -> m.source().id()).containsExactly("do");
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("MedicationRequest/dont.doNotPerform"));
  }
}
