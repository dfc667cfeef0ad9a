package org.eligo.terminology.infection;

import static org.assertj.core.api.Assertions.assertThat;

import org.eligo.terminology.CodeSystems;
import org.eligo.terminology.Kind;
import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled infection tests: which infection each LOINC speaks to, what its results show, and the answers read. */
class InfectionTestLookupTest {
    private final Terminology terminology = Terminology.load();

    @ParameterizedTest(name = "{0} is {1} for {2}")
    @CsvSource(textBlock = """
            5195-3,  hbsag,        hepatitis-b,   INFECTED, NOT_INFECTED
            5196-1,  hbsag,        hepatitis-b,   INFECTED, NOT_INFECTED
            42595-9, hbv-dna,      hepatitis-b,   INFECTED, NOTHING
            29615-2, hbv-dna,      hepatitis-b,   INFECTED, NOTHING
            11011-4, hcv-rna,      hepatitis-c,   INFECTED, NOT_INFECTED
            20416-4, hcv-rna,      hepatitis-c,   INFECTED, NOT_INFECTED
            13955-0, hcv-antibody, hepatitis-c,   EXPOSED,  NOT_INFECTED
            16128-1, hcv-antibody, hepatitis-c,   EXPOSED,  NOT_INFECTED
            56888-1, hiv-ag-ab,    hiv-infection, EXPOSED, NOT_INFECTED
            20447-9, hiv-1-rna,    hiv-infection, INFECTED, NOTHING
            """)
    void aLoincCodeNamesItsTestAndWhatItsResultsShow(String loinc, String key, String infection, Reading positive,
                                                     Reading negative) {
        InfectionTest test = terminology.infectionTestForLoinc(" " + loinc + " ").orElseThrow();
        assertThat(test.key()).isEqualTo(key);
        assertThat(test.infection()).isEqualTo(infection);
        assertThat(test.reading(QualitativeResult.POSITIVE)).isEqualTo(positive);
        assertThat(test.reading(QualitativeResult.NEGATIVE)).isEqualTo(negative);
    }

    @Test
    void anAntibodyAloneNeverShowsCurrentHepatitisC() {
        assertThat(terminology.infectionTests()).filteredOn(t -> t.infection().equals("hepatitis-c"))
                .filteredOn(t -> t.positive() == Reading.INFECTED).extracting(InfectionTest::key)
                .containsExactly("hcv-rna");
    }

    @Test
    void anUndetectableViralLoadNeverRulesAnInfectionOut() {
        assertThat(terminology.infectionTests()).filteredOn(InfectionTest::viralLoad)
                .filteredOn(t -> !t.infection().equals("hepatitis-c"))
                .allSatisfy(t -> assertThat(t.negative()).as(t.key()).isEqualTo(Reading.NOTHING));
    }

    @Test
    void everyTestIsForAKnownInfectionAndCitesItsCodes() {
        assertThat(terminology.infectionTests()).isNotEmpty().allSatisfy(t -> {
            assertThat(terminology.concept(t.infection()).kind()).isEqualTo(Kind.CONDITION);
            assertThat(terminology.isA(t.infection(), "infection")).as(t.key()).isTrue();
            assertThat(t.loinc()).isNotEmpty().allSatisfy(c -> assertThat(c.source()).contains("http"));
        });
    }

    @Test
    void aLoincCodeOfAMeasureIsNoInfectionTest() {
        assertThat(terminology.infectionTestForLoinc("777-3")).isEmpty();
        assertThat(terminology.infectionTestForLoinc(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(textBlock = """
            http://snomed.info/sct, 10828004,  POSITIVE
            http://snomed.info/sct, 11214006,  POSITIVE
            http://snomed.info/sct, 260373001, POSITIVE
            http://snomed.info/sct, 260385009, NEGATIVE
            http://snomed.info/sct, 131194007, NEGATIVE
            http://snomed.info/sct, 260415000, NEGATIVE
            http://loinc.org,       LA6576-8,  POSITIVE
            http://loinc.org,       LA11883-8, NEGATIVE
            http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation, POS, POSITIVE
            http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation, ND,  NEGATIVE
            """)
    void codedAnswersAreRead(String system, String code, QualitativeResult expected) {
        assertThat(terminology.qualitativeResult(system, code)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(textBlock = """
            Positive,     POSITIVE
            REACTIVE,     POSITIVE
            detected,     POSITIVE
            Negative,     NEGATIVE
            Non-reactive, NEGATIVE
            Nonreactive,  NEGATIVE
            Not  detected, NEGATIVE
            """)
    void answersWrittenAsTextAreRead(String text, QualitativeResult expected) {
        assertThat(terminology.qualitativeResultForText(text)).contains(expected);
    }

    @Test
    void answersThatSettleNothingAreNotRead() {
        assertThat(terminology.qualitativeResultForText("Indeterminate")).isEmpty();
        assertThat(terminology.qualitativeResultForText("Weakly reactive")).isEmpty();
        assertThat(terminology.qualitativeResult(CodeSystems.SNOMED, "82334004")).isEmpty(); // Indeterminate
        assertThat(terminology.qualitativeResult(CodeSystems.LOINC, "10828004")).isEmpty(); // a SNOMED code, wrong system
    }
}
