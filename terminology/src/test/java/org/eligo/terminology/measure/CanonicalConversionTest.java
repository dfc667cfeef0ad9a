package org.eligo.terminology.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conversions into canonical units, including the equalities of /work/shared/notes/domain.md and registry spellings. */
class CanonicalConversionTest {
    private final Terminology terminology = Terminology.load();

    @ParameterizedTest(name = "{0}: {1} {2} = {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            anc                  | 500    | /uL       | 0.5    | 10*9/L
            anc                  | 500    | /µL       | 0.5    | 10*9/L
            anc                  | 500    | /mm(3)    | 0.5    | 10*9/L
            anc                  | 0.5    | 10*3/uL   | 0.5    | 10*9/L
            anc                  | 1.0    | × 10⁹/L   | 1.0    | 10*9/L
            anc                  | 1.5    | G/L       | 1.5    | 10*9/L
            anc                  | 0.5    | K/uL      | 0.5    | 10*9/L
            platelets            | 20000  | /uL       | 20     | 10*9/L
            platelets            | 20000  | /mm3      | 20     | 10*9/L
            platelets            | 30     | ×109/L    | 30     | 10*9/L
            platelets            | 30     | ×10^9/L   | 30     | 10*9/L
            platelets            | 50     | x10^9/L   | 50     | 10*9/L
            platelets            | 50     | *10^9/L   | 50     | 10*9/L
            platelets            | 150    | 10^3/uL   | 150    | 10*9/L
            platelets            | 150    | thou/uL   | 150    | 10*9/L
            arc                  | 60000  | /uL       | 60     | 10*9/L
            arc                  | 60000  | cells/uL  | 60     | 10*9/L
            wbc                  | 2.5    | x10^9/L   | 2.5    | 10*9/L
            hemoglobin           | 10     | g/dL      | 100    | g/L
            hemoglobin           | 10     | gm/dL     | 100    | g/L
            hemoglobin           | 10     | g/dl      | 100    | g/L
            hemoglobin           | 80     | g/L       | 80     | g/L
            hemoglobin           | 6.206  | mmol/L    | 100    | g/L
            creatinine           | 2.5    | mg/dl     | 2.5    | mg/dL
            creatinine           | 88.4   | µmol/L    | 1.0    | mg/dL
            creatinine           | 88.4   | umol/L    | 1.0    | mg/dL
            bilirubin-total      | 17.1   | umol/L    | 1.0    | mg/dL
            alt                  | 120    | IU/L      | 120    | U/L
            alt                  | 120    | U/L       | 120    | U/L
            alt                  | 120000 | mU/L      | 120    | U/L
            tsh                  | 4.5    | mIU/L     | 4.5    | m[IU]/L
            tsh                  | 4.5    | mU/L      | 4.5    | m[IU]/L
            tsh                  | 10     | mU/l      | 10     | m[IU]/L
            tsh                  | 4.5    | µU/mL     | 4.5    | m[IU]/L
            tsh                  | 4.5    | uIU/mL    | 4.5    | m[IU]/L
            erythropoietin       | 20     | mU/mL     | 20     | [IU]/L
            body-weight          | 12     | kg        | 12     | kg
            body-weight          | 100    | lb        | 45.359 | kg
            pnh-clone-granulocytes | 50   | %         | 50     | %
            ecog                 | 2      |           | 2      | {score}
            systolic-blood-pressure  | 152 | mmHg   | 152    | mm[Hg]
            systolic-blood-pressure  | 152 | mm Hg  | 152    | mm[Hg]
            diastolic-blood-pressure | 95  | mm[Hg] | 95     | mm[Hg]
            diastolic-blood-pressure | 12  | kPa    | 90.006 | mm[Hg]
            """)
    void convertsToTheCanonicalUnit(String measure, double value, String unit, double expected, String canonical) {
        Conversion conversion = terminology.toCanonical(measure, value, unit);
        assertThat(conversion).isInstanceOf(Conversion.Converted.class);
        Conversion.Converted converted = (Conversion.Converted) conversion;
        assertThat(converted.unit()).isEqualTo(canonical);
        assertThat(converted.value()).isCloseTo(expected, within(expected * 1e-3 + 1e-9));
    }

    @Test
    void countsAreEqualIn10To9PerLiterAnd10To3PerMicroliter() {
        assertThat(terminology.ucum().convert(0.5, "10*9/L", "10*3/uL"))
                .isEqualTo(new org.eligo.terminology.unit.UnitFactor.Factor(0.5));
        assertThat(terminology.ucum().convert(500, "/uL", "10*3/uL"))
                .isEqualTo(new org.eligo.terminology.unit.UnitFactor.Factor(0.5));
    }

    @Test
    void aMassConcentrationIsNotACount() {
        Conversion conversion = terminology.toCanonical("anc", 2.0, "mg/dL");
        assertThat(conversion).isInstanceOf(Conversion.Failed.class);
        Conversion.Failed failed = (Conversion.Failed) conversion;
        assertThat(failed.reason()).isEqualTo(Conversion.Reason.INCOMPATIBLE_UNIT);
        assertThat(failed.message()).contains("mg/dL").contains("is not a count");
    }

    @Test
    void aCountIsNotAHemoglobinConcentration() {
        Conversion conversion = terminology.toCanonical("hemoglobin", 100, "/uL");
        assertThat(conversion).isInstanceOfSatisfying(Conversion.Failed.class,
                f -> assertThat(f.message()).contains("is not a mass concentration"));
    }

    @Test
    void anIfccHbA1cInMillimolesPerMoleIsNotAPercentByAFactor() {
        // NGSP % = 0.0915 x IFCC + 2.15: 48 mmol/mol is about 6.5 %, while UCUM's factor would make it 4.8 %
        assertThat(terminology.toCanonical("hba1c", 48, "mmol/mol")).isInstanceOfSatisfying(Conversion.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(Conversion.Reason.INCOMPATIBLE_UNIT));
    }

    @Test
    void unknownUnitsAreReportedAsValues() {
        Conversion conversion = terminology.toCanonical("platelets", 20, "furlongs/fortnight");
        assertThat(conversion).isInstanceOfSatisfying(Conversion.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(Conversion.Reason.UNKNOWN_UNIT);
            assertThat(f.message()).contains("unknown unit 'furlongs/fortnight'");
        });
    }

    @Test
    void aMissingUnitIsAnErrorForQuantities() {
        assertThat(terminology.toCanonical("anc", 500, "")).isInstanceOfSatisfying(Conversion.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(Conversion.Reason.UNKNOWN_UNIT);
            assertThat(f.message()).contains("needs a unit such as 10*9/L");
        });
    }

    @Test
    void absurdValuesAreRejected() {
        // 20,000 written with a 10^9/L unit: a platelet count of 20 million x 10^9/L is not a patient value.
        assertThat(terminology.toCanonical("platelets", 20000, "10^9/L")).isInstanceOfSatisfying(Conversion.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(Conversion.Reason.IMPLAUSIBLE_VALUE);
            assertThat(f.message()).contains("outside the plausible range");
        });
        assertThat(terminology.toCanonical("ecog", 7, null)).isInstanceOf(Conversion.Failed.class);
    }

    @Test
    void aClearancePerBodySurfaceIsNotAClearanceInMillilitresPerMinute() {
        // 63 mL/min/1.73 m² is 55 mL/min for a body surface of 1.5 m²: UCUM reads {1.73_m2} as 1
        assertThat(terminology.toCanonical("creatinine-clearance", 63, "mL/min/1.73m2"))
                .isInstanceOfSatisfying(Conversion.Failed.class,
                        f -> assertThat(f.reason()).isEqualTo(Conversion.Reason.INCOMPATIBLE_UNIT));
        assertThat(terminology.toCanonical("egfr", 63, "mL/min/1.73m2")).isInstanceOf(Conversion.Converted.class);
        assertThat(terminology.toCanonical("egfr", 63, "mL/min")).isInstanceOf(Conversion.Converted.class);
        assertThat(terminology.toCanonical("creatinine-clearance", 1, "mL/s"))
                .isEqualTo(new Conversion.Converted(60, "mL/min"));
    }

    @Test
    void codedMeasuresAreNotConverted() {
        assertThat(terminology.toCanonical("pregnancy-status", 1, "")).isInstanceOfSatisfying(Conversion.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(Conversion.Reason.NOT_NUMERIC));
    }
}
