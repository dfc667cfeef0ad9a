package org.eligo.terminology.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit spellings met in registry text and lab systems, read into UCUM. */
class RegistryUnitsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ×10⁹/L    | 10*9/L
            × 10⁹/L   | 10*9/L
            x10^9/L   | 10*9/L
            X10^9/L   | 10*9/L
            *10^9/L   | 10*9/L
            ×109/L    | 10*9/L
            x109/l    | 10*9/L
            10^9/L    | 10*9/L
            10*9/L    | 10*9/L
            10E9/L    | 10*9/L
            G/L       | 10*9/L
            x10(9)/L  | 10*9/L
            x10exp9/L | 10*9/L
            x10^9 cells/L | 10*9/L
            x10^9/liter | 10*9/L
            x10^3/mm^3 | 10*3/uL
            /mcL      | /uL
            cells/mm^3 | /uL
            mL/s      | mL/s
            mL/s/1.73m2 | mL/s/{1.73_m2}
            ×10¹²/L   | 10*12/L
            /uL       | /uL
            /μL       | /uL
            /µL       | /uL
            /mm3      | /uL
            /mm³      | /uL
            /mm(3)    | /uL
            cells/uL  | /uL
            cells/µL  | /uL
            K/uL      | 10*3/uL
            mEq/L     | meq/L
            mcg/dL    | ug/dL
            µIU/mL    | u[IU]/mL
            mIU/L     | m[IU]/L
            mU/L      | mU/L
            µU/mL     | uU/mL
            uu/ml     | uU/mL
            fL        | fL
            pg/mL     | pg/mL
            K/µL      | 10*3/uL
            10^3/uL   | 10*3/uL
            ×10³/µL   | 10*3/uL
            thou/uL   | 10*3/uL
            g/dL      | g/dL
            gm/dL     | g/dL
            g/dl      | g/dL
            g/L       | g/L
            mg/dL     | mg/dL
            mg/dl     | mg/dL
            µmol/L    | umol/L
            umol/L    | umol/L
            mmol/L    | mmol/L
            U/L       | U/L
            IU/L      | U/L
            ng/ml     | ng/mL
            %         | %
            kg        | kg
            lb        | [lb_av]
            lbs       | [lb_av]
            mmHg      | mm[Hg]
            mm Hg     | mm[Hg]
            mm[Hg]    | mm[Hg]
            mmhg      | mm[Hg]
            """)
    void readsRegistrySpellings(String written, String ucum) {
        assertThat(RegistryUnits.normalize(written)).isEqualTo(new UnitReading.Recognized(written, ucum));
    }

    @Test
    void gigaPerLiterIsNotGramsPerLiter() {
        assertThat(RegistryUnits.normalize("G/L")).isEqualTo(new UnitReading.Recognized("G/L", "10*9/L"));
        assertThat(RegistryUnits.normalize("g/L")).isEqualTo(new UnitReading.Recognized("g/L", "g/L"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"furlongs", "x ULN", "times the upper limit", "10^/L"})
    void unknownSpellingsAreUnrecognizedWithTheWrittenText(String written) {
        assertThat(RegistryUnits.normalize(written)).isInstanceOfSatisfying(UnitReading.Unrecognized.class,
                u -> assertThat(u.reason()).contains("unknown unit").contains(written.strip()));
    }

    @Test
    void blankIsUnrecognized() {
        assertThat(RegistryUnits.normalize("  ")).isInstanceOfSatisfying(UnitReading.Unrecognized.class,
                u -> assertThat(u.reason()).isEqualTo("no unit given"));
        assertThat(RegistryUnits.normalize(null)).isInstanceOf(UnitReading.Unrecognized.class);
    }

    @Test
    void validUcumPassesThroughWhenAServiceIsGiven() {
        assertThat(RegistryUnits.normalize("mg/mL", UcumUnits.shared())).isEqualTo(new UnitReading.Recognized("mg/mL", "mg/mL"));
        assertThat(RegistryUnits.normalize("mg/mL")).isInstanceOf(UnitReading.Unrecognized.class);
    }
}
