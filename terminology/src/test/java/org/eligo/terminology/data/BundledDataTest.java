package org.eligo.terminology.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.eligo.terminology.CodeSystems;
import org.eligo.terminology.Coding;
import org.eligo.terminology.Concept;
import org.eligo.terminology.Kind;
import org.eligo.terminology.Terminology;
import org.eligo.terminology.measure.Measure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the bundled data that the rest of Eligo relies on. */
class BundledDataTest {
    private final Terminology terminology = Terminology.load();

    @Test
    void everyCodePrefixAndLoincCitesItsSource() {
        Stream<String> sources = Stream.concat(
                terminology.concepts().stream().flatMap(c -> Stream.concat(
                        c.codes().stream().map(Coding::source), c.codePrefixes().stream().map(p -> p.source()))),
                terminology.measures().stream().flatMap(m -> m.loinc().stream().map(Coding::source)));
        assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank().containsAnyOf("http", "domain.md"));
    }

    @Test
    void codesUseFhirSystemUris() {
        assertThat(terminology.concepts().stream().flatMap(c -> c.codes().stream()).map(Coding::system))
                .allMatch(CodeSystems::isKnown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aplastic-anemia", "acquired-aplastic-anemia", "severe-aplastic-anemia", "congenital-aplastic-anemia",
        "pure-red-cell-aplasia", "acquired-pure-red-cell-aplasia", "diamond-blackfan-anemia", "warm-autoimmune-hemolytic-anemia",
        "cold-autoimmune-hemolytic-anemia", "evans-syndrome", "alps", "immune-thrombocytopenia", "paroxysmal-nocturnal-hemoglobinuria",
        "pnh-clone", "myelodysplastic-syndrome", "acute-myeloid-leukemia", "malignancy", "basal-cell-carcinoma-of-skin", "hiv-infection",
        "hepatitis-c", "hepatitis-b", "liver-cirrhosis", "portal-hypertension", "thromboembolic-event", "myocardial-infarction", "stroke",
        "antiphospholipid-syndrome", "systemic-lupus-erythematosus", "rheumatoid-arthritis", "cvid", "thymoma", "lgl-leukemia",
        "infection", "pregnancy", "lactation", "sirolimus", "everolimus", "temsirolimus", "cyclosporine", "tacrolimus",
        "antithymocyte-globulin", "horse-atg", "rabbit-atg", "cyclophosphamide", "alemtuzumab", "rituximab", "eltrombopag", "romiplostim",
        "avatrombopag", "lusutrombopag", "hetrombopag", "rhtpo", "epoetin-alfa", "epoetin-beta", "darbepoetin-alfa",
        "methoxy-peg-epoetin-beta", "filgrastim", "pegfilgrastim", "lenograstim", "prednisone", "prednisolone", "methylprednisolone",
        "dexamethasone", "danazol", "tretinoin", "iguratimod", "ivig", "mercaptopurine", "mycophenolate", "warfarin", "heparin", "lmwh",
        "enoxaparin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "cyp3a4-inhibitor-nct02979873", "mtor-inhibitor",
        "calcineurin-inhibitor", "lymphodepleting-therapy", "tpo-receptor-agonist", "esa", "g-csf", "gm-csf", "sargramostim", "molgramostim", "anticoagulant", "protease-inhibitor",
        "macrolide", "azole-antifungal", "hematopoietic-stem-cell-transplantation", "bone-marrow-transplantation", "splenectomy",
        "red-cell-transfusion", "platelet-transfusion", "bone-marrow-biopsy", "live-vaccine", "mmr-vaccine", "varicella-vaccine",
        "zoster-live-vaccine", "yellow-fever-vaccine", "live-attenuated-influenza-vaccine", "oral-typhoid-vaccine", "oral-polio-vaccine",
        "bcg-vaccine", "rotavirus-vaccine", "live-cholera-vaccine", "non-live-vaccine"})
    void coversTheConceptsTheTrialsName(String id) {
        Concept concept = terminology.concept(id);
        assertThat(concept.synonyms()).isNotEmpty();
        assertThat(terminology.conceptsForText(concept.synonyms().getFirst())).contains(id);
    }

    @Test
    void classesIncludeOnlyTheirOwnKind() {
        for (Concept concept : terminology.concepts()) {
            for (String member : concept.includes()) {
                assertThat(terminology.concept(member).kind()).as(concept.id() + " includes " + member).isEqualTo(concept.kind());
            }
        }
    }

    @Test
    void everyKindHasConcepts() {
        for (Kind kind : Kind.values()) {
            assertThat(terminology.concepts()).anyMatch(c -> c.kind() == kind);
        }
    }

    @Test
    void quantityMeasuresHaveAUcumCanonicalUnitAndRange() {
        List<Measure> numeric = terminology.measures().stream().filter(m -> m.canonicalUnit().isPresent()).toList();
        assertThat(numeric).hasSizeGreaterThan(15).allSatisfy(m -> {
            assertThat(terminology.ucum().isValid(m.canonicalUnit().get())).as(m.key()).isTrue();
            assertThat(m.plausibleRange()).as(m.key()).isPresent();
        });
    }
}
