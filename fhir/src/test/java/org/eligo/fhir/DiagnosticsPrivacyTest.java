package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.icd10;

import java.util.List;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/** Names, identifiers and free text of the record never appear in diagnostics or exception messages. */
class DiagnosticsPrivacyTest {
  private static final List<String> SECRETS = List.of("Zebedee", "Quixotesworth", "MRN-99887766");

  @Test
  void recognisableNameAndIdentifierNeverAppearInDiagnostics() {
    String json = FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .named("Zebedee", "Quixotesworth").identifier("urn:hospital:mrn", "MRN-99887766")
        // the same strings misplaced into fields that produce diagnostics:
        .lab("anc", 1, "Zebedee", "2026-01-10")
        .lab("platelets", 20, "10*9/L", "Quixotesworth")
        .lab("platelets", 20, "10*9/L", "2026-01-10").with(o -> o.put("valueQuantity", "Zebedee Quixotesworth"))
        .condition(icd10("D61.9"), "Zebedee Quixotesworth", "MRN-99887766")
        .with(c -> c.put("onsetString", "Zebedee")).with(c -> c.remove("onsetDateTime"))
        .rawResource("{\"resourceType\": \"Patient\", \"id\": \"p2\", \"birthDate\": \"Zebedee\","
            + " \"gender\": \"Quixotesworth\"}")
        .rawResource("{\"resourceType\": \"MRN-99887766\"}")
        .bundleJson();
    PatientReadResult result = read(json);
    assertThat(result.diagnostics()).hasSizeGreaterThan(5);
    for (FhirDiagnostic d : result.diagnostics()) {
      for (String secret : SECRETS) assertThat(d.toString()).doesNotContain(secret);
    }
  }

  @Test
  void jsonSyntaxErrorDoesNotQuoteTheBadToken() {
    String json = "{\"resourceType\": \"Patient\", \"name\": [{\"family\": Quixotesworth}]}";
    assertThatThrownBy(() -> read(json)).isInstanceOf(UnusableFhirInputException.class)
        .hasMessageContaining("line 1, column")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Quixotesworth"));
  }
}
