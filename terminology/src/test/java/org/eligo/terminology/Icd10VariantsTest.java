package org.eligo.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WHO's ICD-10 and ICD-10-GM codes read against the concepts' ICD-10-CM codes at WHO's four-character level: a code
 * is a concept's only when that level lies wholly inside it.
 */
class Icd10VariantsTest {
    private static final String WHO = "http://hl7.org/fhir/sid/icd-10";
    private static final String GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
    private final Terminology terminology = Terminology.load();

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(textBlock = """
            http://hl7.org/fhir/sid/icd-10, D61.9, aplastic-anemia
            http://hl7.org/fhir/sid/icd-10, d61.3, acquired-aplastic-anemia
            http://hl7.org/fhir/sid/icd-10, D61.0, congenital-aplastic-anemia
            http://hl7.org/fhir/sid/icd-10, C81.9, lymphoma
            http://hl7.org/fhir/sid/icd-10, D59.1, autoimmune-hemolytic-anemia
            http://hl7.org/fhir/sid/icd-10, B20.1, hiv-infection
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, D61.10, acquired-aplastic-anemia
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, D69.3, immune-thrombocytopenia
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, A18.3+, tuberculosis
            """)
    void aCodeAtWhoLevelInsideAConceptIsThatConcept(String system, String code, String concept) {
        assertThat(terminology.conceptsForCode(system, code)).contains(concept);
    }

    @ParameterizedTest(name = "{0} {1} is not {2}")
    @CsvSource(textBlock = """
            http://hl7.org/fhir/sid/icd-10, D59.1, warm-autoimmune-hemolytic-anemia
            http://hl7.org/fhir/sid/icd-10, D61.0, fanconi-anemia
            http://hl7.org/fhir/sid/icd-10, D61, aplastic-anemia
            http://hl7.org/fhir/sid/icd-10, G45.8, transient-ischemic-attack
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, D59.11, warm-autoimmune-hemolytic-anemia
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, D61.01, diamond-blackfan-anemia
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, D61.9 A, aplastic-anemia
            http://fhir.de/CodeSystem/bfarm/icd-10-gm, D61.9V, aplastic-anemia
            """)
    void aCodeWhoseWhoLevelIcd10CmSplitsIsNotThePartOfIt(String system, String code, String concept) {
        // ICD-10-CM splits D59.1 (warm, cold ...), D61.0 (Fanconi, Diamond-Blackfan ...) and D61 (congenital and
        // acquired); national fifth characters are not ICD-10-CM's, so GM D59.11 is read as D59.1 only; a German
        // certainty letter written into the code ("A" ruled out, "V" suspected) makes it no code read
        assertThat(terminology.conceptsForCode(system, code)).doesNotContain(concept);
    }

    @org.junit.jupiter.api.Test
    void theSystemsAreNamedAsPeopleKnowThem() {
        assertThat(CodeSystems.label(WHO, "D61.9")).isEqualTo("ICD-10 D61.9");
        assertThat(CodeSystems.label(GM, "D61.10")).isEqualTo("ICD-10-GM D61.10");
    }
}
