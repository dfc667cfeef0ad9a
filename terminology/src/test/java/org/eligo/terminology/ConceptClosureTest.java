package org.eligo.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Class and umbrella membership, and codes mapped onto concepts with their groups. */
class ConceptClosureTest {
    private final Terminology terminology = Terminology.load();

    @ParameterizedTest(name = "{0} is a {1}: {2}")
    @CsvSource(textBlock = """
            everolimus, mtor-inhibitor, true
            temsirolimus, mtor-inhibitor, true
            sirolimus, mtor-inhibitor, true
            tacrolimus, calcineurin-inhibitor, true
            tacrolimus, mtor-inhibitor, false
            rabbit-atg, lymphodepleting-therapy, true
            romiplostim, tpo-receptor-agonist, true
            rhtpo, tpo-receptor-agonist, false
            darbepoetin-alfa, esa, true
            epoetin-alfa, esa, true
            pegfilgrastim, g-csf, true
            sargramostim, gm-csf, true
            molgramostim, gm-csf, true
            sargramostim, g-csf, false
            filgrastim, gm-csf, false
            enoxaparin, anticoagulant, true
            apixaban, doac, true
            warfarin, vitamin-k-antagonist, true
            fanconi-anemia, congenital-aplastic-anemia, true
            fanconi-anemia, aplastic-anemia, true
            fanconi-anemia, acquired-aplastic-anemia, false
            dyskeratosis-congenita, congenital-aplastic-anemia, true
            diamond-blackfan-anemia, congenital-aplastic-anemia, true
            diamond-blackfan-anemia, pure-red-cell-aplasia, true
            diamond-blackfan-anemia, acquired-pure-red-cell-aplasia, false
            very-severe-aplastic-anemia, aplastic-anemia, true
            warm-autoimmune-hemolytic-anemia, autoimmune-anemia, true
            evans-syndrome, autoimmune-hemolytic-anemia, false
            basal-cell-carcinoma-of-skin, malignancy, true
            oral-polio-vaccine, live-vaccine, true
            inactivated-polio-vaccine, live-vaccine, false
            recombinant-zoster-vaccine, live-vaccine, false
            zoster-live-vaccine, live-vaccine, true
            bone-marrow-transplantation, hematopoietic-stem-cell-transplantation, true
            """)
    void membership(String concept, String group, boolean expected) {
        assertThat(terminology.isA(concept, group)).isEqualTo(expected);
    }

    @Test
    void everyConceptIsItself() {
        terminology.concepts().forEach(c -> assertThat(terminology.isA(c.id(), c.id())).isTrue());
    }

    @Test
    void icdCodesMapWithTheirUmbrellas() {
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "D61.03"))
                .contains("fanconi-anemia", "congenital-aplastic-anemia", "aplastic-anemia").doesNotContain("acquired-aplastic-anemia");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "D61.3")).contains("acquired-aplastic-anemia", "aplastic-anemia");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "d613")).contains("acquired-aplastic-anemia");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "D59.11"))
                .contains("warm-autoimmune-hemolytic-anemia", "autoimmune-hemolytic-anemia", "autoimmune-anemia", "autoimmune-cytopenia");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "D60.0")).contains("acquired-pure-red-cell-aplasia", "pure-red-cell-aplasia");
    }

    @Test
    void atcCodedCyp3aDrugsAreReadAsTheDrugAndItsClass() {
        // A medication list coded only with WHO ATC (as European records are) names the drug and the CYP3A class it is in.
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "J01MA02")).contains("ciprofloxacin", "moderate-cyp3a4-inhibitor");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "C08DB01")).contains("diltiazem", "moderate-cyp3a4-inhibitor");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "V03AX03")).contains("cobicistat", "strong-cyp3a4-inhibitor");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "N03AB02")).contains("phenytoin", "strong-cyp3a4-inducer");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "L02BB04")).contains("enzalutamide", "strong-cyp3a4-inducer");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "L01XX73")).contains("sotorasib", "moderate-cyp3a4-inducer");
        // topical diltiazem (anal fissure) and ciprofloxacin ear drops are not the systemic drugs
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "C05AE03")).doesNotContain("diltiazem", "moderate-cyp3a4-inhibitor");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "S02AA15")).doesNotContain("ciprofloxacin");
        // A04AD12 is also intravenous fosaprepitant, which is not a member of aprepitant
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "A04AD12")).doesNotContain("aprepitant");
    }

    @Test
    void ingredientCodedChemotherapyIsReadAsTheDrugAndItsClass() {
        // A medication list coded at RxNorm ingredient level (TTY=IN), as US exports often are, names the drug
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "1828")).contains("busulfan", "antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "24698")).contains("fludarabine", "antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "6718")).contains("melphalan", "antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "3041")).contains("cytarabine", "antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "134547")).contains("bendamustine", "antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "1597258")).contains("blinatumomab")
                .doesNotContain("antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "6851")).contains("methotrexate", "immunosuppressant")
                .doesNotContain("antineoplastic-chemotherapy");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "2595243")).contains("pacritinib");
        // the ruxolitinib ingredient also names the topical cream (Opzelura): it is not read as oral ruxolitinib
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "1193326")).doesNotContain("ruxolitinib");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "C01BD07")).contains("dronedarone", "moderate-cyp3a4-inhibitor");
    }

    @Test
    void aspirinCodedAsTheAnalgesicIsAspirin() {
        // WHO ATC files aspirin twice: B01AC06 (antiplatelet) and N02BA01 (analgesic); both are aspirin
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "N02BA01")).contains("aspirin", "antiplatelet-agent");
    }

    @Test
    void gmCsfCodesMapToTheirClassAndNotToGCsf() {
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "L03AA09")).contains("sargramostim", "gm-csf").doesNotContain("g-csf");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "L03AA03")).contains("molgramostim", "gm-csf").doesNotContain("g-csf");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "69634")).contains("sargramostim", "gm-csf");
    }

    @Test
    void prefixesCoverChildCodes() {
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "D46.22")).contains("myelodysplastic-syndrome", "clonal-myeloid-disorder");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "C34.90")).containsExactly("malignancy");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "I21.4")).contains("myocardial-infarction", "thromboembolic-event");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "L04AD02")).contains("tacrolimus", "calcineurin-inhibitor", "immunosuppressant");
        assertThat(terminology.conceptsForCode(CodeSystems.ATC, "B01AF01")).contains("anticoagulant");
    }

    @Test
    void acuteVenousThrombosisCodesAreVenousEventsAndHistoryCodesNone() {
        // an acute DVT of the right femoral vein, of the calf, a PE: venous events, never arterial ones
        for (String dvt : new String[] {"I82.411", "I82.4Z9", "I82.401"}) {
            assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, dvt)).as(dvt)
                    .contains("deep-vein-thrombosis", "venous-thromboembolism", "thromboembolic-event")
                    .doesNotContain("arterial-thromboembolic-event");
        }
        for (String pe : new String[] {"I26.99", "I26.92", "I26.09"}) {
            assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, pe)).as(pe)
                    .contains("pulmonary-embolism", "venous-thromboembolism", "thromboembolic-event");
        }
        // personal history of venous thrombosis or of PE, chronic DVT, chronic PE, fat embolism: no event in a window
        for (String notAnEvent : new String[] {"Z86.718", "Z86.711", "I82.501", "I27.82", "I26.96"}) {
            assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, notAnEvent)).as(notAnEvent)
                    .doesNotContain("deep-vein-thrombosis", "pulmonary-embolism", "thromboembolic-event");
        }
    }

    @Test
    void onlyCytotoxicAtcGroupsCountAsChemotherapy() {
        // cyclophosphamide, cytarabine, vincristine, doxorubicin, cisplatin: chemotherapy by their ATC code alone
        for (String cytotoxic : new String[] {"L01AA01", "L01BC01", "L01CA02", "L01DB01", "L01XA01"}) {
            assertThat(terminology.conceptsForCode(CodeSystems.ATC, cytotoxic)).as(cytotoxic)
                    .contains("antineoplastic-chemotherapy");
        }
        // rituximab, imatinib, hydroxyurea, venetoclax: antineoplastic, but a "prior chemotherapy" exclusion must not
        // take them for chemotherapy
        for (String targeted : new String[] {"L01FA01", "L01EA01", "L01XX05", "L01XX52"}) {
            assertThat(terminology.conceptsForCode(CodeSystems.ATC, targeted)).as(targeted)
                    .doesNotContain("antineoplastic-chemotherapy");
        }
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "D61.81")).isEmpty();
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "C82.18")).contains("lymphoma", "malignancy");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "C88.0")).contains("lymphoma");
    }

    @Test
    void medicationAndVaccineCodesMap() {
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "349208")).contains("sirolimus", "mtor-inhibitor");
        assertThat(terminology.conceptsForCode(CodeSystems.RXNORM, "198377")).contains("tacrolimus", "calcineurin-inhibitor");
        assertThat(terminology.conceptsForCode(CodeSystems.CVX, "3")).contains("mmr-vaccine", "live-vaccine");
        assertThat(terminology.conceptsForCode(CodeSystems.CVX, "03")).contains("mmr-vaccine", "live-vaccine");
        assertThat(terminology.conceptsForCode(CodeSystems.CVX, "10")).contains("inactivated-polio-vaccine").doesNotContain("live-vaccine");
        // a COVID-19 mRNA or HPV vaccine is known to be non-live, so "no live vaccine within 30 days" is decided
        assertThat(terminology.conceptsForCode(CodeSystems.CVX, "208")).contains("covid-19-mrna-vaccine",
            "non-live-vaccine").doesNotContain("live-vaccine");
        assertThat(terminology.conceptsForCode(CodeSystems.CVX, "62")).contains("hpv-vaccine", "non-live-vaccine")
            .doesNotContain("live-vaccine");
    }

    /**
     * Complement-inhibitor trials exclude a meningococcal infection and require vaccination against it: ICD-10-CM A39
     * and the CVX codes of the ACWY, C and B vaccines name them; postmeningococcal arthritis (A39.84) is no infection.
     */
    @Test
    void meningococcalInfectionAndVaccineCodesMap() {
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "A39.0")).contains("meningococcal-infection",
            "infection");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "A39.9")).contains("meningococcal-infection");
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "A39.84")).doesNotContain("meningococcal-infection");
        assertThat(terminology.conceptsForCode(CodeSystems.SNOMED, "23511006")).contains("meningococcal-infection");
        for (String cvx : new String[] {"114", "136", "147", "32", "108", "103", "162", "163", "164", "203"}) {
            assertThat(terminology.conceptsForCode(CodeSystems.CVX, cvx)).as(cvx).contains("meningococcal-vaccine",
                "non-live-vaccine").doesNotContain("live-vaccine");
        }
        assertThat(terminology.conceptsForText("Bexsero")).contains("meningococcal-vaccine");
        assertThat(terminology.conceptsForText("Meningococcal meningitis")).contains("meningococcal-infection");
    }

    @Test
    void unknownCodesAndSystemsGiveNothing() {
        assertThat(terminology.conceptsForCode("http://example.org", "D61.3")).isEmpty();
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, "Z99.99")).isEmpty();
        assertThat(terminology.conceptsForCode(CodeSystems.ICD10CM, " ")).isEmpty();
        assertThat(terminology.conceptsForCode(null, null)).isEmpty();
    }

    @Test
    void unknownIdsAreProgrammingErrors() {
        assertThatThrownBy(() -> terminology.concept("no-such-concept")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-concept");
        assertThatThrownBy(() -> terminology.isA("sirolimus", "no-such-class")).isInstanceOf(IllegalArgumentException.class);
        assertThat(terminology.findConcept("no-such-concept")).isEmpty();
    }

    /**
     * ICD-10-CM G45.9 codes a transient ischaemic attack; G45.8 also codes subclavian steal syndrome and acute
     * cerebrovascular insufficiency, lasting diseases: read as a TIA, such an entry met "History of TIA".
     */
    @Test
    void aTransientIschaemicAttackIsG459NotTheSyndromesOfG458() {
        String icd = "http://hl7.org/fhir/sid/icd-10-cm";
        assertThat(terminology.conceptsForCode(icd, "G45.9")).contains("transient-ischemic-attack");
        assertThat(terminology.conceptsForCode(icd, "G45.8")).doesNotContain("transient-ischemic-attack");
    }
}
