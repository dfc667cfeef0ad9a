package org.eligo.terminology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;

class MeasureLookupTest {
    private final Terminology terminology = Terminology.load();

    @Test
    void measuresByLoinc() {
        assertThat(terminology.measureForLoinc("777-3")).map(Measure::key).contains("platelets");
        assertThat(terminology.measureForLoinc("718-7")).map(Measure::key).contains("hemoglobin");
        assertThat(terminology.measureForLoinc("751-8")).map(Measure::key).contains("anc");
        assertThat(terminology.measureForLoinc("89247-1")).map(Measure::key).contains("ecog");
        assertThat(terminology.measureForLoinc("8480-6")).map(Measure::key).contains("systolic-blood-pressure");
        assertThat(terminology.measureForLoinc("8462-4")).map(Measure::key).contains("diastolic-blood-pressure");
        assertThat(terminology.measureForLoinc("85354-9")).isEmpty(); // the panel: its components are the readings
        assertThat(terminology.measureForLoinc("0000-0")).isEmpty();
    }

    @Test
    void codesVerifiedSinceTheyWereLeftOutAreRead() {
        // 26474-7 is the method-unspecified lymphocyte count; its values convert as a count, a percent does not
        assertThat(terminology.measureForLoinc("26474-7")).map(Measure::key).contains("lymphocytes");
        assertThat(terminology.toCanonical("lymphocytes", 1.2, "10*3/uL")).isEqualTo(new Conversion.Converted(1.2, "10*9/L"));
        assertThat(terminology.toCanonical("lymphocytes", 31.4, "%")).isInstanceOf(Conversion.Failed.class);
        // the molar codes of total calcium and magnesium, read through the molar masses the measures use
        assertThat(terminology.measureForLoinc("2000-8")).map(Measure::key).contains("calcium");
        assertThat(terminology.measureForLoinc("2601-3")).map(Measure::key).contains("magnesium");
        assertThat(terminology.toCanonical("calcium", 2.5, "mmol/L")).isInstanceOfSatisfying(Conversion.Converted.class,
                c -> assertThat(c.value()).isCloseTo(10.02, org.assertj.core.api.Assertions.within(0.01)));
        assertThat(terminology.toCanonical("magnesium", 0.8, "mmol/L")).isInstanceOfSatisfying(Conversion.Converted.class,
                c -> assertThat(c.value()).isCloseTo(1.944, org.assertj.core.api.Assertions.within(0.01)));
    }

    @Test
    void measuresNamedInCriteria() {
        assertThat(keys("Absolute neutrophil count greater than or equal to 500/uL")).containsExactly("anc");
        assertThat(keys("hemoglobin < 100 g/L, platelets < 50 × 10⁹/L, or neutrophils < 1.0 × 10⁹/L"))
                .containsExactly("hemoglobin", "platelets", "anc");
        assertThat(keys("PLT<20×109/L")).containsExactly("platelets");
        assertThat(keys("white blood cell count <2.5x10^9/L, Hb <80 g/L, HGB 9")).containsExactly("wbc", "hemoglobin", "hemoglobin");
        assertThat(keys("total bilirubin ≤ 1.5 × ULN, ALT/AST ≤ 3.0 × ULN and serum creatinine ≤ 1 × ULN"))
                .containsExactly("bilirubin-total", "alt", "ast", "creatinine");
        assertThat(keys("creatinine, transaminase more than 3 times")).containsExactly("creatinine", "alt", "ast");
        assertThat(keys("Bone marrow cellularity less than thirty percent")).containsExactly("marrow-cellularity");
        assertThat(keys("PNH clone size in neutrophils of greater than or equal to 50%")).containsExactly("pnh-clone-granulocytes");
        assertThat(keys("Eastern Cooperative Oncology Group (ECOG) performance status of 3")).containsExactly("ecog", "ecog");
        assertThat(keys("ECoG score ≤ 2")).containsExactly("ecog");
        assertThat(keys("Absolute reticulocyte count greater than or equal to 60,000/uL")).containsExactly("arc");
        assertThat(keys("SBP ≥ 140 or DBP ≥ 90")).containsExactly("systolic-blood-pressure", "diastolic-blood-pressure");
        // a bare "diastolic" may be another pressure (pulmonary, ventricular): it names no measure
        assertThat(keys("Systolic blood pressure > 160 mmHg or diastolic > 100 mmHg"))
                .containsExactly("systolic-blood-pressure");
        assertThat(keys("blood pressure ≥ 160/100 mmHg")).isEmpty(); // both at once: the parser reads the pair
    }

    @Test
    void responseAbbreviationsAreNotLabValues() {
        assertThat(keys("CR/PR duration and time to response")).isEmpty();
        assertThat(keys("SCr above 1.5 mg/dL")).containsExactly("creatinine");
        assertThat(keys("the alt route and the ast")).isEmpty();
    }

    @Test
    void unknownMeasureKeysAreProgrammingErrors() {
        assertThatThrownBy(() -> terminology.measure("neutrophilz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neutrophilz");
    }

    private List<String> keys(String sentence) {
        return terminology.findMeasures(sentence).stream().map(MeasureMention::measureKey).toList();
    }
}
