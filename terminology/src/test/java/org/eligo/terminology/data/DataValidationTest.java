package org.eligo.terminology.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eligo.terminology.Terminology;
import org.eligo.terminology.TerminologyDataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad data files fail the load with a message naming the file, the entry and the defect. */
class DataValidationTest {
    private static final String BASE = "org/eligo/terminology/testdata/";

    @Test
    void aSmallValidDataSetLoads() {
        Terminology terminology = Terminology.loadFrom(getClass().getClassLoader(), BASE + "valid");
        assertThat(terminology.isA("fanconi-anemia", "aplastic-anemia")).isTrue();
        assertThat(terminology.conceptsForText("AA")).containsExactly("aplastic-anemia");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate-id      | concepts/test.json: concept 'aplastic-anemia': duplicate id, already defined in concepts/test.json
            unknown-include   | concepts/test.json: concept 'mtor-inhibitor': includes unknown concept 'everolimsu'
            missing-source    | concepts/test.json: concept 'aplastic-anemia': code D61.9 (http://hl7.org/fhir/sid/icd-10-cm): missing source
            include-cycle     | includes form a cycle: a-group -> b-group -> a-group
            bad-json          | concepts/test.json: is not valid JSON
            shared-code       | concept 'itp': code D61.9 (http://hl7.org/fhir/sid/icd-10-cm) is also a code of unrelated concept 'aplastic-anemia'
            unknown-kind      | concept 'aplastic-anemia': unknown kind 'DISEASE'
            bad-id            | concept 'Aplastic_Anemia': id must be kebab-case
            unknown-field     | concept 'aplastic-anemia': unknown field 'synonym'
            event-group       | concept 'vascular-event': is an event but includes 'heart-failure', which is not
            event-group       | concept 'sirolimus': only a diagnosis (CONDITION) can be an event
            bad-measure-unit  | measures.json: measure 'platelets': canonicalUnit 'furlong/fortnight' is not valid UCUM
            bad-measure-unit  | measures.json: measure 'platelets': LOINC 777-3: missing source
            shared-synonym    | synonym 'AA' also names unrelated concept 'aplastic-anemia'
            bad-infection-test | infection-tests.json: test 'hbsag': infection 'hepatitis-b' is not a known diagnosis concept
            bad-infection-test | infection-tests.json: test 'hbsag': LOINC 5195-3: missing source
            bad-infection-test | infection-tests.json: test 'anti-hcv': a positive result must show the infection (INFECTED) or a past one (EXPOSED)
            bad-infection-test | infection-tests.json: test 'anti-hcv': LOINC 5195-3 is also a code of test 'hbsag'
            bad-infection-test | text 'Positive' means both POSITIVE and NEGATIVE
            bad-infection-test | answers must be SNOMED CT, LOINC or HL7 v3 ObservationInterpretation codes
            """)
    void badDataFailsWithAClearMessage(String dataSet, String expected) {
        assertThatThrownBy(() -> Terminology.loadFrom(getClass().getClassLoader(), BASE + dataSet))
                .isInstanceOf(TerminologyDataException.class)
                .hasMessageStartingWith("Terminology data is invalid")
                .hasMessageContaining(expected);
    }

    @Test
    void aMissingDataDirectoryIsReported() {
        assertThatThrownBy(() -> Terminology.loadFrom(getClass().getClassLoader(), BASE + "does-not-exist"))
                .isInstanceOfSatisfying(TerminologyDataException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .anySatisfy(p -> assertThat(p).contains("concepts/index.txt: not found on the classpath"))
                        .anySatisfy(p -> assertThat(p).contains("measures.json: not found on the classpath")));
    }
}
