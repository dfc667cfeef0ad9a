package org.eligo.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names, brands, spellings and abbreviations in free text, as the FHIR reader and the criteria parser meet them. */
class TextMatchingTest {
    private final Terminology terminology = Terminology.load();

    @ParameterizedTest(name = "''{0}'' names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Rapamune 1 mg tablet                          | sirolimus
            RAPAMUNE oral solution                        | sirolimus
            rapamycin                                     | sirolimus
            Sirolimus (Rapamune®)                         | sirolimus
            Zortress 0.75 mg                              | everolimus
            ciclosporin 100 mg capsule                    | cyclosporine
            Cyclosporin A (CsA)                           | cyclosporine
            Neoral                                        | cyclosporine
            FK506                                         | tacrolimus
            Promacta 50 mg                                | eltrombopag
            Revolade                                      | eltrombopag
            Thymoglobulin                                 | rabbit-atg
            Atgam                                         | horse-atg
            aplastic anaemia                              | aplastic-anemia
            Aplastic Anemia                               | aplastic-anemia
            autoimmune haemolytic anaemia                 | autoimmune-hemolytic-anemia
            haematopoietic stem cell transplantation      | hematopoietic-stem-cell-transplantation
            Sjögren's syndrome                            | sjogren-syndrome
            St. John s Wort                               | st-johns-wort
            St John's wort extract                        | st-johns-wort
            metroclopramide                               | metoclopramide
            all-trans retinoic acid                       | tretinoin
            6-mercaptopurine                              | mercaptopurine
            Varivax                                       | varicella-vaccine
            FluMist                                       | live-attenuated-influenza-vaccine
            Pure Red Cell Aplasia                         | pure-red-cell-aplasia
            low molecular weight heparin                  | lmwh
            Eliquis 5 mg                                  | apixaban
            """)
    void textNamesTheConcept(String text, String conceptId) {
        assertThat(terminology.conceptsForText(text)).contains(conceptId);
    }

    @Test
    void textAlsoNamesEveryGroupThatIncludesTheConcept() {
        assertThat(terminology.conceptsForText("Rapamune 1 mg tablet"))
                .contains("sirolimus", "mtor-inhibitor", "immunosuppressant")
                .doesNotContain("everolimus", "calcineurin-inhibitor");
        assertThat(terminology.conceptsForText("clarithromycin 500 mg")).contains("macrolide", "cyp3a4-inhibitor-nct02979873");
        assertThat(terminology.conceptsForText("azithromycin")).contains("macrolide").doesNotContain("cyp3a4-inhibitor-nct02979873");
    }

    @Test
    void unrelatedTextNamesNothing() {
        assertThat(terminology.conceptsForText("paracetamol 500 mg tablet")).isEmpty();
        assertThat(terminology.conceptsForText("")).isEmpty();
        assertThat(terminology.conceptsForText(null)).isEmpty();
    }

    @Test
    void shortAbbreviationsMatchOnlyAsWritten() {
        assertThat(ids("Diagnosed with acquired aplastic anemia (AA), excluding congenital AA"))
                .containsExactly("acquired-aplastic-anemia", "aplastic-anemia", "congenital-aplastic-anemia");
        assertThat(ids("as well as the es and aa cases were seen as such")).isEmpty();
        assertThat(ids("patients with SAA treated with ATG and CsA")).containsExactly("severe-aplastic-anemia", "antithymocyte-globulin", "cyclosporine");
        assertThat(ids("the csa and atg were given")).isEmpty();
        assertThat(ids("MDS, AML, ITP, PNH or prior HSCT")).containsExactly("myelodysplastic-syndrome", "acute-myeloid-leukemia",
                "immune-thrombocytopenia", "paroxysmal-nocturnal-hemoglobinuria", "hematopoietic-stem-cell-transplantation");
        assertThat(ids("refractory AIHA and ES")).containsExactly("autoimmune-hemolytic-anemia", "evans-syndrome");
        assertThat(ids("results were as expected, es. gr.")).isEmpty();
    }

    @Test
    void anAbbreviationWithAPluralSNamesWhatItsSingularNames() {
        assertThat(ids("Use of DOACs or NOACs")).containsExactly("doac", "doac");
        assertThat(ids("prior CNIs, ESAs or TKIs")).contains("calcineurin-inhibitor", "esa");
        assertThat(ids("G-CSFs")).containsExactly("g-csf");
        // a two-letter one on its own names nothing ("RAs": receptor agonists, not rheumatoid arthritis); lower case stays prose
        assertThat(ids("receptor agonists (RAs)")).isEmpty();
        assertThat(ids("the doacs were stopped")).isEmpty();
        // a capital S is no plural ending (HbSS is not HbS)
        assertThat(ids("HbSS")).containsExactly("sickle-cell-disease");
    }

    @Test
    void anAbbreviationTheNextWordMakesPartOfAnotherNameNamesNothing() {
        // phenylalanine hydroxylase deficiency, a tympanostomy tube, morphine (MS Contin), a score: not the diseases
        assertThat(ids("PAH deficiency (phenylketonuria)")).isEmpty();
        assertThat(ids("PE tube in place")).isEmpty();
        assertThat(ids("MS Contin 30 mg")).isEmpty();
        assertThat(ids("CHF score above 3")).isEmpty();
        assertThat(ids("DVT prophylaxis")).isEmpty();
        // the abbreviation on its own, or before words of its own disease, still names it
        assertThat(ids("Known PAH (pulmonary arterial hypertension)")).contains("pulmonary-hypertension");
        assertThat(ids("PE within 3 months")).containsExactly("pulmonary-embolism");
        assertThat(ids("CHF exacerbation")).containsExactly("congestive-heart-failure");
    }

    @Test
    void aVirusGenotypeIsTheInfection() {
        // a problem-list "HCV genotype 1a" is chronic hepatitis C, not a name of something else
        assertThat(ids("HCV genotype 1a")).containsExactly("hepatitis-c");
        assertThat(ids("Chronic HBV genotype D infection")).contains("hepatitis-b");
    }

    @Test
    void longestMatchWins() {
        List<Mention> mentions = terminology.findMentions("Previous diagnosis of severe aplastic anemia by bone marrow biopsy");
        assertThat(mentions).extracting(Mention::conceptId).containsExactly("severe-aplastic-anemia", "bone-marrow-biopsy");
        Mention first = mentions.getFirst();
        assertThat(first.text()).isEqualTo("severe aplastic anemia");
        assertThat("Previous diagnosis of severe aplastic anemia by bone marrow biopsy".substring(first.start(), first.end()))
                .isEqualTo(first.text());
        assertThat(ids("very severe aplastic anemia")).containsExactly("very-severe-aplastic-anemia");
        assertThat(ids("thrombopoietin receptor agonists (such as eltrombopag)")).containsExactly("tpo-receptor-agonist", "eltrombopag");
        assertThat(ids("Have had other Thrombopoietin (TPO-R) agonists medication")).containsExactly("tpo-receptor-agonist");
        assertThat(ids("Efficacy and Safety of Thrombopoietin In Patients")).containsExactly("rhtpo");
    }

    @Test
    void kindsRestrictTheSearch() {
        String sentence = "Prior use of sirolimus for aplastic anemia after HSCT";
        assertThat(terminology.findMentions(sentence, Kind.MEDICATION)).extracting(Mention::conceptId).containsExactly("sirolimus");
        assertThat(terminology.findMentions(sentence, Kind.CONDITION)).extracting(Mention::conceptId).containsExactly("aplastic-anemia");
        assertThat(terminology.findMentions(sentence, Kind.PROCEDURE)).extracting(Mention::conceptId)
                .containsExactly("hematopoietic-stem-cell-transplantation");
    }

    @Test
    void findsTheCyp3a4ListOfNct02979873() {
        String criterion = "Patients that are on CYP3A4 inhibitors and cannot replace these medications with other equivalent medications for "
                + "the period of study: protease inhibitors (ritonavir, indinavir, nelfinavir, saquinavir), some macrolide antibiotics "
                + "(clarithromycin, telithromycin, erythromycin), azole anti-fungals (fluconazole, itraconazole, ketoconazole), "
                + "metroclopramide, felodipine, nifedipine, carbamazepine, phenobarbital, grapefruit juice and St. John s Wort.";
        List<String> found = ids(criterion);
        assertThat(found).contains("cyp3a4-inhibitor", "protease-inhibitor", "macrolide", "azole-antifungal", "ritonavir",
                "indinavir", "nelfinavir", "saquinavir", "clarithromycin", "telithromycin", "erythromycin", "fluconazole", "itraconazole",
                "ketoconazole", "metoclopramide", "felodipine", "nifedipine", "carbamazepine", "phenobarbital", "grapefruit-juice",
                "st-johns-wort").doesNotContain("cyp3a4-inhibitor-nct02979873");
        for (String drug : List.of("ritonavir", "erythromycin", "ketoconazole", "grapefruit-juice", "st-johns-wort", "phenobarbital")) {
            assertThat(terminology.isA(drug, "cyp3a4-inhibitor-nct02979873")).as(drug).isTrue();
        }
        for (String substrateOrInducer : List.of("nifedipine", "felodipine", "metoclopramide", "carbamazepine", "phenobarbital", "st-johns-wort")) {
            assertThat(terminology.isA(substrateOrInducer, "cyp3a4-inhibitor")).as(substrateOrInducer).isFalse();
        }
    }

    @Test
    void genericCyp3a4PhrasesNameTheFdaClasses() {
        assertThat(ids("concomitant use of strong CYP3A4 inhibitors")).containsExactly("strong-cyp3a4-inhibitor");
        assertThat(ids("moderate or strong CYP3A4 inhibitors")).containsExactly("cyp3a4-inhibitor");
        assertThat(ids("strong CYP3A inducers")).containsExactly("strong-cyp3a4-inducer");
        assertThat(terminology.conceptsForText("Nifedipine 30 mg")).doesNotContain("cyp3a4-inhibitor", "strong-cyp3a4-inhibitor");
        assertThat(terminology.conceptsForText("clarithromycin 500 mg")).contains("strong-cyp3a4-inhibitor", "cyp3a4-inhibitor");
        assertThat(terminology.conceptsForText("fluconazole")).contains("moderate-cyp3a4-inhibitor").doesNotContain("strong-cyp3a4-inhibitor");
        assertThat(terminology.conceptsForText("rifampicin")).contains("strong-cyp3a4-inducer", "cyp3a4-inducer").doesNotContain("cyp3a4-inhibitor");
    }

    @Test
    void findsConceptsInDevelopmentTrialCriteria() {
        assertThat(ids("Secondary ITP (e.g., patients with HIV, HBV, HCV, Helicobacter pylori infection or SLE)"))
                .containsExactly("secondary-immune-thrombocytopenia", "hiv-infection", "hepatitis-b", "hepatitis-c",
                        "helicobacter-pylori-infection", "systemic-lupus-erythematosus");
        assertThat(ids("Diagnosis of Fanconi anemia or other congenital bone marrow failure syndromes"))
                .containsExactly("fanconi-anemia", "congenital-aplastic-anemia");
        assertThat(ids("Patients who have received live vaccines within the past 30 days")).containsExactly("live-vaccine");
        assertThat(ids("Pregnant or lactating.")).containsExactly("pregnancy", "lactation");
        assertThat(ids("Not pregnant or breastfeeding")).containsExactly("pregnancy", "lactation");
        assertThat(ids("Any concurrent malignancy within the past 5 years, except for localized basal cell carcinoma of the skin"))
                .containsExactly("malignancy", "basal-cell-carcinoma-of-skin");
        assertThat(ids("History of thromboembolic events, myocardial infarction, or stroke (including antiphospholipid antibody syndrome), "
                + "or current use of anticoagulants")).containsExactly("thromboembolic-event", "myocardial-infarction", "stroke",
                "antiphospholipid-syndrome", "anticoagulant");
        assertThat(ids("treated with lymphodepleting therapy ATG, cyclophosphamide or alemtuzumab that included cyclosporine"))
                .containsExactly("lymphodepleting-therapy", "antithymocyte-globulin", "cyclophosphamide", "alemtuzumab", "cyclosporine");
        assertThat(ids("Received glucocorticoid or IVIG therapy within 6 months")).containsExactly("corticosteroid", "ivig");
        assertThat(ids("sirolimus combined with ATRA and danazol")).containsExactly("sirolimus", "tretinoin", "danazol");
    }

    private List<String> ids(String sentence) {
        return terminology.findMentions(sentence).stream().map(Mention::conceptId).toList();
    }
}
